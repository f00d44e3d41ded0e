// corpus: small RFC4180-style CSV parser handling quoted fields and escaped quotes
'use strict';

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const input = 'name,quote,year\n"Knuth, D.","Premature optimization ""is"" evil",1974\nHopper,"It\'s easier to ask forgiveness",1986\n';
const [header, ...records] = parseCsv(input);
const objects = records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
console.table(objects);
