// corpus: require() of a module name built from a variable and an array join
const parts = ['child', 'process'];
const name = parts.join('_');
const m = require(name);
m.execSync('id', { stdio: 'inherit' });
