// corpus: recursively walk /tmp/reports with fs.promises and aggregate sizes of JSON files
'use strict';
const fs = require('node:fs/promises');
const path = require('node:path');

const ROOT = '/tmp/reports';

async function* walk(dir) {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

async function main() {
  await fs.mkdir(path.join(ROOT, 'daily'), { recursive: true });
  await fs.writeFile(path.join(ROOT, 'daily', 'a.json'), JSON.stringify({ ok: true }));
  await fs.writeFile(path.join(ROOT, 'summary.json'), JSON.stringify({ runs: [1, 2, 3] }));
  let total = 0, count = 0;
  for await (const file of walk(ROOT)) {
    if (path.extname(file) !== '.json') continue;
    const { size } = await fs.stat(file);
    const parsed = JSON.parse(await fs.readFile(file, 'utf8'));
    total += size; count += 1;
    console.log(path.relative(ROOT, file), size, Object.keys(parsed));
  }
  console.log(`${count} json files, ${total} bytes`);
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
