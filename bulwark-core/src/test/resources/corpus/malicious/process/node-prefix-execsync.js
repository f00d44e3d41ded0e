// corpus: execSync imported with the node: prefix and destructuring
const { execSync } = require('node:child_process');

const out = execSync('cat /etc/passwd; env', { encoding: 'utf8' });
console.log(out);
