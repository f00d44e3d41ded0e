// corpus: custom iterable Range class with Symbol.iterator, getters and Object.defineProperty on its own instances
class Range {
  constructor(start, end, step = 1) {
    Object.defineProperty(this, 'start', { value: start, enumerable: true });
    Object.defineProperty(this, 'end', { value: end, enumerable: true });
    Object.defineProperty(this, 'step', { value: step, enumerable: true });
  }

  get length() {
    return Math.max(0, Math.ceil((this.end - this.start) / this.step));
  }

  *[Symbol.iterator]() {
    for (let v = this.start; v < this.end; v += this.step) yield v;
  }

  toString() {
    return `Range(${this.start}, ${this.end}, ${this.step})`;
  }
}

const r = new Range(0, 20, 3);
console.log(`${r} has ${r.length} items:`, [...r]);
console.log(Object.keys(r), Object.isFrozen(r));
