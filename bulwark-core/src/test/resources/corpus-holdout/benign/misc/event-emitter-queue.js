// corpus: job queue built on EventEmitter with once, async listeners and graceful drain
'use strict';
const { EventEmitter, once } = require('node:events');

class JobQueue extends EventEmitter {
  constructor(concurrency = 2) {
    super();
    this.concurrency = concurrency;
    this.running = 0;
    this.pending = [];
  }
  add(name, fn) {
    this.pending.push({ name, fn });
    this.#next();
  }
  #next() {
    while (this.running < this.concurrency && this.pending.length) {
      const job = this.pending.shift();
      this.running++;
      this.emit('start', job.name);
      Promise.resolve()
        .then(job.fn)
        .then((result) => this.emit('done', job.name, result), (err) => this.emit('failed', job.name, err))
        .finally(() => {
          this.running--;
          if (!this.running && !this.pending.length) this.emit('drain');
          else this.#next();
        });
    }
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const q = new JobQueue(2);
q.on('start', (n) => console.log('start', n));
q.on('done', (n, r) => console.log('done ', n, r));
q.on('failed', (n, e) => console.log('fail ', n, e.message));
q.add('a', async () => { await sleep(30); return 1; });
q.add('b', async () => { await sleep(10); throw new Error('boom'); });
q.add('c', async () => { await sleep(5); return 3; });
once(q, 'drain').then(() => console.log('all jobs finished'));
