// hostile: every process's environment scanned from node
const fs = require('fs');
for (const pid of fs.readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
  try { console.log(pid, fs.readFileSync(`/proc/${pid}/environ`, 'latin1').slice(0, 100)); } catch (e) {}
}
