// corpus: limit concurrency of async tasks with a small promise pool
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let index = 0;
  async function worker(id) {
    while (index < tasks.length) {
      const i = index++;
      results[i] = await tasks[i]();
      console.log(`worker ${id} finished task ${i}`);
    }
  }
  await Promise.all(Array.from({ length: limit }, (_, id) => worker(id)));
  return results;
}

const tasks = Array.from({ length: 8 }, (_, i) => async () => {
  await sleep(20 + ((i * 37) % 50));
  return i * i;
});

pool(tasks, 3).then((r) => console.log('results', r));
