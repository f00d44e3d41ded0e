// corpus: date helpers for ISO week numbers and days until deadlines
function isoWeek(date) {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return Math.ceil(((d - yearStart) / 86400000 + 1) / 7);
}

function daysBetween(a, b) {
  const MS = 24 * 60 * 60 * 1000;
  return Math.round((Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) -
    Date.UTC(a.getFullYear(), a.getMonth(), a.getDate())) / MS);
}

const today = new Date(2024, 4, 15);
const deadlines = { report: new Date(2024, 4, 31), audit: new Date(2024, 8, 1), launch: new Date(2024, 3, 30) };
console.log('ISO week', isoWeek(today));
for (const [name, when] of Object.entries(deadlines)) {
  const d = daysBetween(today, when);
  console.log(`${name.padEnd(8)} ${d < 0 ? `overdue by ${-d}` : `${d} days left`} (week ${isoWeek(when)})`);
}
