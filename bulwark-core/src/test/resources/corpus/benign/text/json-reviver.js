// corpus: JSON.parse with a reviver turning ISO strings into Dates and structuredClone copies
const text = `{
  "event": "deploy",
  "startedAt": "2024-05-14T09:30:00.000Z",
  "finishedAt": "2024-05-14T09:41:12.500Z",
  "steps": [{"name": "build", "at": "2024-05-14T09:31:00Z"}]
}`;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const data = JSON.parse(text, (key, value) => (typeof value === 'string' && ISO.test(value) ? new Date(value) : value));

const copy = structuredClone(data);
copy.steps.push({ name: 'verify', at: new Date('2024-05-14T09:40:00Z') });
const seconds = (data.finishedAt - data.startedAt) / 1000;
console.log(`${data.event} took ${seconds}s; original has ${data.steps.length} steps, copy has ${copy.steps.length}`);
console.log(JSON.stringify(copy, null, 2));
