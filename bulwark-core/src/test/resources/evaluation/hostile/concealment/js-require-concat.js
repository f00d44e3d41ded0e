// hostile: require of a concatenated module name
const cp = require('child_' + 'process');
cp.execSync('id', { stdio: 'inherit' });
