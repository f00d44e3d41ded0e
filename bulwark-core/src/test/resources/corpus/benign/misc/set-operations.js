// corpus: set algebra helpers and a permissions diff using Set and Map
const union = (a, b) => new Set([...a, ...b]);
const intersect = (a, b) => new Set([...a].filter((x) => b.has(x)));
const difference = (a, b) => new Set([...a].filter((x) => !b.has(x)));

const roles = new Map([
  ['viewer', new Set(['read'])],
  ['editor', new Set(['read', 'write', 'comment'])],
  ['admin', new Set(['read', 'write', 'comment', 'delete', 'invite'])],
]);

function diff(from, to) {
  const a = roles.get(from);
  const b = roles.get(to);
  return { gained: [...difference(b, a)], lost: [...difference(a, b)], kept: [...intersect(a, b)] };
}

console.log(diff('viewer', 'editor'));
console.log(diff('admin', 'editor'));
console.log('all permissions:', [...[...roles.values()].reduce(union, new Set())].sort());
