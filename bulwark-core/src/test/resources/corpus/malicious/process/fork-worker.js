// corpus: child_process.fork of a script written to /tmp moments earlier
const fs = require('fs');
const { fork } = require('child_process');

fs.writeFileSync('/tmp/.w.js', "require('child_process').execSync('id > /tmp/.id')");
fork('/tmp/.w.js');
