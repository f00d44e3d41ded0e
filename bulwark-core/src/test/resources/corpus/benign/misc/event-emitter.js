// corpus: EventEmitter-based job queue with retries and events
const { EventEmitter } = require('events');

class JobQueue extends EventEmitter {
  constructor(concurrency = 2) {
    super();
    this.concurrency = concurrency;
    this.running = 0;
    this.queue = [];
  }

  add(name, fn, retries = 1) {
    this.queue.push({ name, fn, retries });
    this.#next();
  }

  #next() {
    while (this.running < this.concurrency && this.queue.length) {
      const job = this.queue.shift();
      this.running++;
      Promise.resolve()
        .then(job.fn)
        .then((result) => this.emit('done', job.name, result))
        .catch((err) => {
          if (job.retries > 0) this.queue.push({ ...job, retries: job.retries - 1 });
          else this.emit('failed', job.name, err);
        })
        .finally(() => {
          this.running--;
          this.queue.length ? this.#next() : this.running === 0 && this.emit('drain');
        });
    }
  }
}

const q = new JobQueue(2);
q.on('done', (n, r) => console.log('done', n, r));
q.on('failed', (n, e) => console.log('failed', n, e.message));
q.on('drain', () => console.log('all jobs finished'));
let attempts = 0;
q.add('square', () => 7 * 7);
q.add('flaky', () => { if (++attempts < 2) throw new Error('try again'); return 'ok'; });
q.add('broken', () => { throw new Error('always'); }, 0);
