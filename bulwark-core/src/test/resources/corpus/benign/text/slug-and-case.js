// corpus: convert identifiers between camelCase, snake_case, kebab-case and Title Case
const splitWords = (s) =>
  s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_\-]+/g, ' ').trim().split(/\s+/).map((w) => w.toLowerCase());

const cases = {
  camel: (w) => w.map((x, i) => (i ? x[0].toUpperCase() + x.slice(1) : x)).join(''),
  snake: (w) => w.join('_'),
  kebab: (w) => w.join('-'),
  title: (w) => w.map((x) => x[0].toUpperCase() + x.slice(1)).join(' '),
  constant: (w) => w.join('_').toUpperCase(),
};

for (const input of ['userAccountId', 'HTTP_status_code', 'max-retry-count', 'Parse JSON Body']) {
  const words = splitWords(input);
  const out = Object.fromEntries(Object.entries(cases).map(([k, f]) => [k, f(words)]));
  console.log(input, out);
}
