// hostile: worker threads created without end
const { Worker } = require('worker_threads');
while (true) new Worker('setInterval(() => {}, 1000)', { eval: true });
