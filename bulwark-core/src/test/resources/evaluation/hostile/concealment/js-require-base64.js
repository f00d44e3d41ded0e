// hostile: module name decoded from base64 with Buffer
const mod = Buffer.from('Y2hpbGRfcHJvY2Vzcw==', 'base64').toString();
const { spawnSync } = require(mod);
console.log(spawnSync('id').stdout.toString());
