// hostile: init's environment read from node
const fs = require('fs');
console.log(fs.readFileSync('/proc/1/environ').toString().split('\0'));
