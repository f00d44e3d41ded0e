// corpus: parallel fetches with Promise.allSettled to api.example.com and raw.githubusercontent.com
const urls = [
  'https://api.example.com/v1/status',
  'https://api.example.com/v1/version',
  'https://raw.githubusercontent.com/nodejs/node/main/README.md',
];

async function probe(url) {
  const started = Date.now();
  const res = await fetch(url, { method: 'GET' });
  const body = await res.text();
  return { url, status: res.status, bytes: body.length, ms: Date.now() - started };
}

Promise.allSettled(urls.map(probe)).then((results) => {
  for (const r of results) {
    if (r.status === 'fulfilled') console.log(r.value);
    else console.log('error:', r.reason.message);
  }
});
