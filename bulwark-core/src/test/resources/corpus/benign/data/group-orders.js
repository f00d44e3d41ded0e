// corpus: group orders by customer with reduce and compute totals
const orders = [
  { id: 1, customer: 'ana', total: 19.5, items: 2 },
  { id: 2, customer: 'bo', total: 5.0, items: 1 },
  { id: 3, customer: 'ana', total: 42.25, items: 4 },
  { id: 4, customer: 'cy', total: 12.0, items: 1 },
  { id: 5, customer: 'bo', total: 30.0, items: 3 },
];

const byCustomer = orders.reduce((acc, o) => {
  const entry = acc[o.customer] ?? { count: 0, total: 0, items: 0 };
  entry.count += 1;
  entry.total += o.total;
  entry.items += o.items;
  acc[o.customer] = entry;
  return acc;
}, {});

const ranked = Object.entries(byCustomer)
  .map(([name, s]) => ({ name, ...s, avg: +(s.total / s.count).toFixed(2) }))
  .sort((a, b) => b.total - a.total);

console.table(ranked);
