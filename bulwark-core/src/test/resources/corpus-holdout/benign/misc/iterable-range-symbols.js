// corpus: iterable Range class using Symbol.iterator, a getter, toJSON, Object.freeze and structuredClone
'use strict';

class Range {
  constructor(start, end, step = 1) {
    Object.assign(this, { start, end, step });
    Object.freeze(this);
  }
  *[Symbol.iterator]() {
    for (let v = this.start; v < this.end; v += this.step) yield v;
  }
  get length() {
    return Math.max(0, Math.ceil((this.end - this.start) / this.step));
  }
  toJSON() {
    return { start: this.start, end: this.end, step: this.step };
  }
  toString() {
    return `${this.constructor.name}(${this.start}..${this.end} by ${this.step})`;
  }
}

const r = new Range(0, 20, 3);
console.log(String(r), 'length', r.length);
console.log([...r], Math.max(...r));
const copy = structuredClone(r.toJSON());
console.log(JSON.stringify(r), Object.keys(copy), Object.isFrozen(r));
const lookup = new Map([...r].map((v) => [v, v ** 2]));
console.log(Object.fromEntries(lookup));
