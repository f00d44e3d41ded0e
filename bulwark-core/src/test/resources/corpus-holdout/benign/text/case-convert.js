// corpus: convert identifiers between camelCase, snake_case and kebab-case with regex replace callbacks
'use strict';

const toWords = (s) => s
  .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
  .replace(/[_\-]+/g, ' ')
  .trim()
  .toLowerCase()
  .split(/\s+/);

const converters = {
  camel: (w) => w.map((x, i) => (i ? x[0].toUpperCase() + x.slice(1) : x)).join(''),
  snake: (w) => w.join('_'),
  kebab: (w) => w.join('-'),
  pascal: (w) => w.map((x) => x[0].toUpperCase() + x.slice(1)).join(''),
};

for (const input of ['parseHTTPResponse', 'user_id_map', 'max-retry-count', 'XMLHttpRequest']) {
  const words = toWords(input);
  const out = Object.keys(converters).map((k) => `${k}=${converters[k](words)}`);
  console.log(input.padEnd(20), out.join('  '));
}
