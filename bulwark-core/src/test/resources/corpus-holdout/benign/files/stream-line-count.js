// corpus: write a log under /work then count lines per level with readline over a read stream
'use strict';
const fs = require('fs');
const readline = require('readline');

const file = '/work/app.log';
const levels = ['INFO', 'WARN', 'ERROR', 'DEBUG'];
const lines = Array.from({ length: 500 }, (_, i) => `${new Date(2024, 0, 1, 0, i).toISOString()} ${levels[i % 7 % 4]} event ${i}`);
fs.writeFileSync(file, lines.join('\n') + '\n');

const counts = new Map();
const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
rl.on('line', (line) => {
  const level = line.split(' ')[1];
  counts.set(level, (counts.get(level) || 0) + 1);
});
rl.on('close', () => {
  for (const [level, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(level.padEnd(6), n);
});
