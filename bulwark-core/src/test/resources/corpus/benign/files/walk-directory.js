// corpus: recursively walk /work and summarise file counts by extension
const fs = require('fs');
const path = require('path');

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

const files = walk('/work');
const byExt = {};
for (const f of files) {
  const ext = path.extname(f) || '(none)';
  const size = fs.statSync(f).size;
  byExt[ext] = byExt[ext] || { count: 0, bytes: 0 };
  byExt[ext].count++;
  byExt[ext].bytes += size;
}
Object.entries(byExt)
  .sort((a, b) => b[1].bytes - a[1].bytes)
  .forEach(([ext, s]) => console.log(`${ext.padEnd(8)} ${String(s.count).padStart(5)} files ${(s.bytes / 1024).toFixed(1)} KiB`));
