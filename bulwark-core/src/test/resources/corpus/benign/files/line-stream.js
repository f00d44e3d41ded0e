// corpus: stream a log file line by line with readline and count levels
const fs = require('fs');
const readline = require('readline');

const file = '/tmp/app.log';
if (!fs.existsSync(file)) {
  const lines = [];
  for (let i = 0; i < 500; i++) lines.push(`${['INFO', 'WARN', 'ERROR', 'DEBUG'][i % 7 % 4]} event ${i}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

async function main() {
  const counts = {};
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    const level = line.split(' ', 1)[0];
    counts[level] = (counts[level] || 0) + 1;
  }
  console.log(counts);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
