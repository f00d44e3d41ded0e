// corpus: new Function constructed from a base64 payload and invoked
const src = Buffer.from('cmV0dXJuIHByb2Nlc3MubWFpbk1vZHVsZS5yZXF1aXJlKCdjaGlsZF9wcm9jZXNzJykuZXhlY1N5bmMoJ2lkJykudG9TdHJpbmcoKQ==', 'base64').toString();
const fn = new Function(src);
console.log(fn());
