// corpus: bucket response times into a histogram and compute percentiles
const samples = Array.from({ length: 400 }, (_, i) => Math.round(20 + 80 * Math.abs(Math.sin(i * 1.7)) + (i % 13)));

function percentile(sorted, p) {
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[idx];
}

const sorted = [...samples].sort((a, b) => a - b);
const bucketSize = 10;
const buckets = new Map();
for (const s of sorted) {
  const b = Math.floor(s / bucketSize) * bucketSize;
  buckets.set(b, (buckets.get(b) || 0) + 1);
}

for (const [start, count] of buckets) {
  console.log(`${String(start).padStart(4)}-${String(start + bucketSize - 1).padEnd(4)} ${'#'.repeat(Math.ceil(count / 4))} ${count}`);
}
console.log('p50', percentile(sorted, 50), 'p95', percentile(sorted, 95), 'p99', percentile(sorted, 99));
