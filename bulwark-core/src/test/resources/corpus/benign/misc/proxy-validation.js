// corpus: Proxy used to validate property writes on a settings object
function validated(schema, initial = {}) {
  return new Proxy({ ...initial }, {
    set(target, prop, value) {
      const type = schema[prop];
      if (!type) throw new TypeError(`unknown setting "${String(prop)}"`);
      if (typeof value !== type) throw new TypeError(`${String(prop)} must be a ${type}`);
      target[prop] = value;
      return true;
    },
  });
}

const settings = validated({ port: 'number', host: 'string', verbose: 'boolean' }, { port: 8080 });
settings.host = 'localhost';
settings.verbose = true;
for (const [k, v] of [['port', '80'], ['colour', 'red']]) {
  try {
    settings[k] = v;
  } catch (err) {
    console.log('rejected:', err.message);
  }
}
console.log(JSON.stringify(settings));
