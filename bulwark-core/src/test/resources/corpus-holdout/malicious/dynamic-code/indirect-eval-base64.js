// corpus: indirect (0, eval) and globalThis["ev"+"al"] of a base64-decoded payload that requires child_process
'use strict';
const blob = 'cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWNTeW5jKCJpZCA+IC90bXAvLmUiKQ==';
const src = Buffer.from(blob, 'base64').toString('utf8');

try {
  (0, eval)(src);
} catch {
  globalThis['ev' + 'al'](src.replace('require', 'process.mainModule.require'));
}
