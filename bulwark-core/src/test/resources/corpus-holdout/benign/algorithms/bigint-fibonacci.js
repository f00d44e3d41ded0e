// corpus: fast-doubling Fibonacci with BigInt and a memoising Map-based generator of primes
'use strict';

function fib(n) {
  if (n === 0n) return [0n, 1n];
  const [a, b] = fib(n >> 1n);
  const c = a * (2n * b - a);
  const d = a * a + b * b;
  return n & 1n ? [d, c + d] : [c, d];
}

function* primes() {
  const composites = new Map();
  for (let q = 2; ; q++) {
    if (!composites.has(q)) {
      yield q;
      composites.set(q * q, [q]);
    } else {
      for (const p of composites.get(q)) {
        const list = composites.get(p + q) ?? [];
        list.push(p);
        composites.set(p + q, list);
      }
      composites.delete(q);
    }
  }
}

console.log('F(300) =', fib(300n)[0].toString());
const first = [];
for (const p of primes()) { if (first.length === 15) break; first.push(p); }
console.log('primes:', first.join(' '));
