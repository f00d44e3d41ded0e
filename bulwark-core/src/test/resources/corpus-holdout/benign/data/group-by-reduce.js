// corpus: group sales records by region with Array.reduce, Object.entries and Object.fromEntries
'use strict';

const sales = JSON.parse(`[
  {"region": "emea", "rep": "ana", "amount": 1200},
  {"region": "apac", "rep": "kenji", "amount": 800},
  {"region": "emea", "rep": "lars", "amount": 450},
  {"region": "amer", "rep": "maya", "amount": 2300},
  {"region": "apac", "rep": "wei", "amount": 1750}
]`);

const byRegion = sales.reduce((acc, s) => {
  (acc[s.region] ??= []).push(s);
  return acc;
}, {});

const summary = Object.fromEntries(
  Object.entries(byRegion).map(([region, rows]) => [
    region,
    { count: rows.length, total: rows.reduce((t, r) => t + r.amount, 0), top: rows.sort((a, b) => b.amount - a.amount)[0].rep },
  ]),
);

for (const key of Object.keys(summary).sort()) {
  console.log(key.padEnd(6), JSON.stringify(summary[key]));
}
