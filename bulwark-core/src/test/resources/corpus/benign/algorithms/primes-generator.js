// corpus: generator-based incremental prime sieve and goldbach check
function* primes() {
  const composites = new Map();
  for (let n = 2; ; n++) {
    const factors = composites.get(n);
    if (!factors) {
      yield n;
      composites.set(n * n, [n]);
    } else {
      for (const p of factors) {
        const next = n + p;
        composites.set(next, [...(composites.get(next) || []), p]);
      }
      composites.delete(n);
    }
  }
}

const list = [];
for (const p of primes()) {
  if (p > 200) break;
  list.push(p);
}
const set = new Set(list);
console.log(list.length, 'primes under 200');
for (let even = 4; even <= 40; even += 6) {
  const p = list.find((q) => set.has(even - q));
  console.log(`${even} = ${p} + ${even - p}`);
}
