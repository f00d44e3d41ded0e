// corpus: WebAssembly module whose imported host function wraps child_process.execSync
const { execSync } = require('child_process');
const bytes = Buffer.from('AGFzbQEAAAABBAFgAAACCwEDZW52A3J1bgAAAwIBAAcHAQNydW4AAQoGAQQAEAAL', 'base64');
WebAssembly.instantiate(bytes, { env: { run: () => execSync('id', { stdio: 'inherit' }) } })
  .then(({ instance }) => instance.exports.run());
