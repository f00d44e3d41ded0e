// corpus: process.dlopen and require of a native .node addon dropped into /tmp
const fs = require('fs');
fs.writeFileSync('/tmp/x.node', Buffer.from('f0VMRgIBAQAAAAAAAAAAAAMAPgABAAAA', 'base64'));
const mod = { exports: {} };
process.dlopen(mod, '/tmp/x.node');
const again = require('/tmp/x.node');
(mod.exports.run || again.run)();
