// corpus: dynamic import('child_process') from CommonJS and execFile of a shell
import('child_process').then(({ execFile }) => {
  execFile('/bin/bash', ['-c', 'uname -a; id'], (e, out) => console.log(out));
});
