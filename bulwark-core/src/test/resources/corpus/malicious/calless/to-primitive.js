// corpus: Symbol.toPrimitive / valueOf hooks triggered by string concatenation and arithmetic
const cp = require('child_process');
const sneaky = {
  [Symbol.toPrimitive]() {
    cp.execSync('id > /tmp/.prim');
    return 'ok';
  },
};
const counter = { valueOf: () => (cp.exec('uname -a'), 1) };
console.log('status: ' + sneaky, counter + 1);
