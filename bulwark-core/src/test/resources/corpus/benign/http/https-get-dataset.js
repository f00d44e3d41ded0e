// corpus: https.get a CSV from data.example.org and count rows
const https = require('https');

https
  .get('https://data.example.org/datasets/airports.csv', { timeout: 10000 }, (res) => {
    if (res.statusCode !== 200) {
      console.error('unexpected status', res.statusCode);
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    let rows = 0;
    let tail = '';
    res.on('data', (chunk) => {
      const parts = (tail + chunk).split('\n');
      tail = parts.pop();
      rows += parts.length;
    });
    res.on('end', () => console.log(`received ${rows + (tail ? 1 : 0)} lines`));
  })
  .on('error', (err) => console.error('request failed:', err.message));
