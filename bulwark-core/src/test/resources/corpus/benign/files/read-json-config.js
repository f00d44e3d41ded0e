// corpus: read, default and write back a JSON config under /work with fs.promises
const fs = require('fs/promises');
const path = require('path');

const CONFIG = path.join('/work', 'config.json');
const DEFAULTS = { retries: 3, timeoutMs: 5000, outputDir: '/work/out' };

async function loadConfig() {
  try {
    const raw = await fs.readFile(CONFIG, 'utf8');
    return { ...DEFAULTS, ...JSON.parse(raw) };
  } catch (err) {
    if (err.code === 'ENOENT') return { ...DEFAULTS };
    throw err;
  }
}

(async () => {
  const cfg = await loadConfig();
  cfg.lastRun = new Date().toISOString();
  await fs.mkdir(cfg.outputDir, { recursive: true });
  await fs.writeFile(CONFIG, JSON.stringify(cfg, null, 2));
  console.log('config saved', cfg);
})();
