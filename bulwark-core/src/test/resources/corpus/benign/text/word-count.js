// corpus: word frequency count with Unicode-aware regex and stop words
const text = `Über den Wolken muss die Freiheit wohl grenzenlos sein.
The freedom above the clouds must be boundless; the clouds, the sky, the sun.`;

const stop = new Set(['the', 'be', 'die', 'den', 'muss', 'must', 'sein']);
const words = text.toLowerCase().match(/\p{L}+/gu) || [];
const counts = new Map();
for (const w of words) {
  if (stop.has(w)) continue;
  counts.set(w, (counts.get(w) || 0) + 1);
}

const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8);
for (const [w, n] of top) console.log(`${w.padEnd(12)}${n}`);
console.log(`${words.length} words, ${counts.size} distinct (after stop words)`);
