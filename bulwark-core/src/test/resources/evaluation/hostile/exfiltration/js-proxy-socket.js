// hostile: the egress proxy's socket used directly with a forged Host header
const net = require('net');
const s = net.connect({ path: '/run/bulwark/proxy.sock' });
s.write('CONNECT api.example.com:443 HTTP/1.1\r\nHost: evil.example.net\r\n\r\n');
