// corpus: eval of a string that requires child_process and runs a command
const cmd = 'id';
eval("require('child_process').execSync('" + cmd + "', { stdio: 'inherit' })");
