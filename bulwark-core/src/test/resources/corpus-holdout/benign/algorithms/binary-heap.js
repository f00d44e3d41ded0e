// corpus: generic binary min-heap class with a comparator used for k-smallest and merge of sorted arrays
'use strict';

class MinHeap {
  #items = [];
  constructor(compare = (a, b) => a - b) { this.compare = compare; }
  get size() { return this.#items.length; }
  push(value) {
    const a = this.#items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.compare(a[i], a[p]) >= 0) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop() {
    const a = this.#items;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && this.compare(a[l], a[m]) < 0) m = l;
        if (r < a.length && this.compare(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

function mergeSorted(lists) {
  const heap = new MinHeap((x, y) => x[0] - y[0]);
  lists.forEach((l, li) => l.length && heap.push([l[0], li, 0]));
  const out = [];
  while (heap.size) {
    const [v, li, idx] = heap.pop();
    out.push(v);
    if (idx + 1 < lists[li].length) heap.push([lists[li][idx + 1], li, idx + 1]);
  }
  return out;
}

console.log(mergeSorted([[1, 4, 9], [2, 3, 10, 11], [0, 5]]));
