// corpus: in-place quicksort with median-of-three pivot and a randomized test
function quicksort(arr, lo = 0, hi = arr.length - 1) {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < arr[lo]) [arr[mid], arr[lo]] = [arr[lo], arr[mid]];
    if (arr[hi] < arr[lo]) [arr[hi], arr[lo]] = [arr[lo], arr[hi]];
    if (arr[mid] < arr[hi]) [arr[mid], arr[hi]] = [arr[hi], arr[mid]];
    const pivot = arr[hi];
    let i = lo;
    for (let j = lo; j < hi; j++) {
      if (arr[j] < pivot) {
        [arr[i], arr[j]] = [arr[j], arr[i]];
        i++;
      }
    }
    [arr[i], arr[hi]] = [arr[hi], arr[i]];
    if (i - lo < hi - i) {
      quicksort(arr, lo, i - 1);
      lo = i + 1;
    } else {
      quicksort(arr, i + 1, hi);
      hi = i - 1;
    }
  }
  return arr;
}

for (let t = 0; t < 100; t++) {
  const data = Array.from({ length: 50 }, () => Math.floor(Math.random() * 100));
  const expected = [...data].sort((a, b) => a - b);
  if (quicksort(data).join() !== expected.join()) throw new Error('mismatch');
}
console.log(quicksort([5, 2, 9, 1, 5, 6]));
