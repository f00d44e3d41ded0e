// corpus: memoize and debounce higher-order helpers with Map and timers
function memoize(fn, keyFn = (...args) => JSON.stringify(args)) {
  const cache = new Map();
  const wrapped = (...args) => {
    const key = keyFn(...args);
    if (!cache.has(key)) cache.set(key, fn(...args));
    return cache.get(key);
  };
  wrapped.cache = cache;
  return wrapped;
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

const slowSquare = (n) => {
  let x = 0;
  for (let i = 0; i < 1e6; i++) x += n * n;
  return x / 1e6;
};
const fastSquare = memoize(slowSquare);
console.time('first');
fastSquare(12);
console.timeEnd('first');
console.time('cached');
fastSquare(12);
console.timeEnd('cached');

const save = debounce((text) => console.log('saving', JSON.stringify(text)), 50);
['h', 'he', 'hel', 'hello'].forEach((t, i) => setTimeout(() => save(t), i * 10));
