// hostile: a string timer is eval
const cmd = "require('child_process').execSync('id')";
setTimeout(cmd, 10);
