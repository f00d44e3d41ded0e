// corpus: parse CSV text and compute per-column mean, min and max
const CSV = `city,temp,humidity
Lisbon,21.5,60
Oslo,8.25,72
Cairo,33.0,20
Lima,19.75,80`;

function parseCsv(text) {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const cols = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, isNaN(cells[i]) ? cells[i] : Number(cells[i])]));
  });
}

const rows = parseCsv(CSV);
for (const col of ['temp', 'humidity']) {
  const values = rows.map((r) => r[col]);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`${col}: mean=${mean.toFixed(2)} min=${Math.min(...values)} max=${Math.max(...values)}`);
}
console.log('hottest:', rows.reduce((a, b) => (b.temp > a.temp ? b : a)).city);
