// corpus: encode and decode own JSON data with Buffer base64 and hash it with crypto
const crypto = require('crypto');

const state = { user: 'ana', cart: [3, 14, 15], ts: 1718000000 };
const encoded = Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
const mac = crypto.createHash('sha256').update(encoded).digest('hex').slice(0, 12);
const token = `${encoded}.${mac}`;
console.log('token:', token);

const [body, check] = token.split('.');
if (crypto.createHash('sha256').update(body).digest('hex').slice(0, 12) !== check) {
  throw new Error('tampered token');
}
const decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
console.log('decoded:', decoded, 'uuid:', crypto.randomUUID());
