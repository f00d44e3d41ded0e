// corpus: Promise.allSettled with a concurrency-limited pool, retry helper and util.promisify of setTimeout
'use strict';
const util = require('node:util');

const delay = util.promisify(setTimeout);

async function retry(fn, { attempts = 3, base = 10 } = {}) {
  let lastErr;
  for (let i = 0; i < attempts; i++) {
    try { return await fn(i); } catch (err) { lastErr = err; await delay(base * 2 ** i); }
  }
  throw lastErr;
}

async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let cursor = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (cursor < tasks.length) {
      const idx = cursor++;
      results[idx] = await Promise.allSettled([tasks[idx]()]).then(([r]) => r);
    }
  });
  await Promise.all(workers);
  return results;
}

const flaky = (id) => () => retry(async (attempt) => {
  if ((id + attempt) % 3 === 0) throw new Error(`task ${id} attempt ${attempt} failed`);
  await delay(5);
  return id * 10;
});

pool([1, 2, 3, 4, 5, 6].map(flaky), 3).then((res) => {
  res.forEach((r, i) => console.log(i, r.status, r.value ?? r.reason.message));
});
