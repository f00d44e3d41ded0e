// corpus: POST JSON metrics to api.example.com with fetch and check the response
const metrics = {
  job: 'nightly-etl',
  durationMs: 48213,
  rows: { read: 120034, written: 119870, rejected: 164 },
  finishedAt: new Date().toISOString(),
};

async function main() {
  const res = await fetch('https://api.example.com/v1/metrics', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(metrics),
  });
  const text = await res.text();
  if (!res.ok) {
    console.error(`server rejected metrics: ${res.status}`, text.slice(0, 200));
    process.exitCode = 1;
    return;
  }
  console.log('stored:', text);
}

main();
