// corpus: write records as properly quoted CSV to /work/export.csv
const fs = require('fs');

const records = [
  { id: 1, name: 'Ana', note: 'likes "quotes"' },
  { id: 2, name: 'Bo, Jr.', note: 'comma in name' },
  { id: 3, name: 'Cy', note: 'multi\nline' },
];

function csvCell(value) {
  const s = String(value ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const headers = Object.keys(records[0]);
const lines = [headers.join(','), ...records.map((r) => headers.map((h) => csvCell(r[h])).join(','))];
fs.writeFileSync('/work/export.csv', lines.join('\r\n') + '\r\n', 'utf8');
console.log(`wrote ${records.length} rows`);
console.log(fs.readFileSync('/work/export.csv', 'utf8'));
