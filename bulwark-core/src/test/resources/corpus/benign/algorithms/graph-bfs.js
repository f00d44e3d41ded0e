// corpus: BFS over an adjacency map to find degrees of separation
const friends = new Map([
  ['ana', ['bo', 'cy']],
  ['bo', ['ana', 'di']],
  ['cy', ['ana', 'di', 'ed']],
  ['di', ['bo', 'cy', 'fay']],
  ['ed', ['cy']],
  ['fay', ['di']],
  ['gus', []],
]);

function separation(start, goal) {
  const queue = [[start, [start]]];
  const seen = new Set([start]);
  while (queue.length) {
    const [node, path] = queue.shift();
    if (node === goal) return path;
    for (const next of friends.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([next, [...path, next]]);
      }
    }
  }
  return null;
}

for (const [a, b] of [['ana', 'fay'], ['ed', 'bo'], ['ana', 'gus']]) {
  const path = separation(a, b);
  console.log(`${a} -> ${b}:`, path ? `${path.length - 1} hops (${path.join(' > ')})` : 'unreachable');
}
