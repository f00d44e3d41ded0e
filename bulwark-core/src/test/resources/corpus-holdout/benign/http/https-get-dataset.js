// corpus: https.get a JSON dataset from data.example.org collecting chunks and JSON.parse on end
'use strict';
const https = require('node:https');

const options = {
  hostname: 'data.example.org',
  path: '/v1/indicators/population.json',
  headers: { 'User-Agent': 'bulwark-agent' },
  timeout: 10000,
};

https.get(options, (res) => {
  if (res.statusCode !== 200) {
    console.error('unexpected status', res.statusCode);
    res.resume();
    return;
  }
  res.setEncoding('utf8');
  let body = '';
  res.on('data', (chunk) => { body += chunk; });
  res.on('end', () => {
    const data = JSON.parse(body);
    const rows = Array.isArray(data) ? data : data.rows ?? [];
    const top = rows.sort((a, b) => b.value - a.value).slice(0, 5);
    for (const r of top) console.log(String(r.country).padEnd(20), r.value);
  });
}).on('error', (e) => console.error('request error', e.message));
