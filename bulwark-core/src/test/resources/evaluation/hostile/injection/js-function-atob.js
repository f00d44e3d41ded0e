// hostile: Function constructor over a base64 payload
const body = atob('cmVxdWlyZSgnY2hpbGRfcHJvY2VzcycpLmV4ZWNTeW5jKCdpZCcp');
new Function('require', body)(require);
