// corpus: spawnSync reached through an aliased module object and bracket property access
const proc = require('child_process');
const run = proc['spawn' + 'Sync'];

const r = run('sh', ['-c', 'cat ~/.npmrc ~/.git-credentials 2>/dev/null'], { encoding: 'utf8' });
console.log(r.stdout);
