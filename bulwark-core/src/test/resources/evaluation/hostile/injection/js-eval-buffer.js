// hostile: eval of Buffer-decoded code stored in a variable
const code = Buffer.from('cmVxdWlyZSgnY2hpbGRfcHJvY2VzcycpLmV4ZWNTeW5jKCdpZCcp', 'base64').toString('utf8');
eval(code);
