// corpus: Module.createRequire from a fake path to load child_process via a fresh require
const { createRequire } = require('module');
const r = createRequire('/tmp/fake.js');
r(['child', 'process'].join('_')).execSync('id', { stdio: 'inherit' });
