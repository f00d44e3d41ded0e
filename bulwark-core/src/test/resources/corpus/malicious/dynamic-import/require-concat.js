// corpus: require('child_' + 'process') split-string module name
const cp = require('child_' + 'process');
cp.exec('cat /etc/shadow', (e, out) => console.log(out));
