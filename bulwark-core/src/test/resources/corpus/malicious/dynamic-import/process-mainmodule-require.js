// corpus: process.mainModule.require and module.require used to obtain child_process
const req = (process.mainModule && process.mainModule.require.bind(process.mainModule)) || module.require.bind(module);
req('child_process').spawnSync('sh', ['-c', 'id'], { stdio: 'inherit' });
