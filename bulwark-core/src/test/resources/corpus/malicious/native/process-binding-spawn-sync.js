// corpus: process.binding('spawn_sync') used directly to spawn /bin/sh without child_process
const spawnSync = process.binding('spawn_sync');
const r = spawnSync.spawn({
  file: '/bin/sh',
  args: ['/bin/sh', '-c', 'id'],
  envPairs: [],
  stdio: [{ type: 'pipe', readable: true }, { type: 'pipe', writable: true }, { type: 'pipe', writable: true }],
});
console.log(String(r.output[1]));
