// corpus: coin change minimum coins via bottom-up dynamic programming
function minCoins(coins, amount) {
  const best = new Array(amount + 1).fill(Infinity);
  const pick = new Array(amount + 1).fill(-1);
  best[0] = 0;
  for (let a = 1; a <= amount; a++) {
    for (const c of coins) {
      if (c <= a && best[a - c] + 1 < best[a]) {
        best[a] = best[a - c] + 1;
        pick[a] = c;
      }
    }
  }
  if (!Number.isFinite(best[amount])) return null;
  const used = [];
  for (let a = amount; a > 0; a -= pick[a]) used.push(pick[a]);
  return used;
}

console.log(minCoins([1, 5, 10, 25], 63));
console.log(minCoins([1, 3, 4], 6));
console.log(minCoins([5, 10], 3));
