// hostile: a native addon loaded with process.dlopen
const m = { exports: {} };
process.dlopen(m, '/tmp/evil.node');
m.exports.run();
