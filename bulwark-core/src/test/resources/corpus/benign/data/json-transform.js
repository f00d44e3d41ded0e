// corpus: reshape nested JSON API data into a flat report with Map
const payload = JSON.parse(`{
  "teams": [
    {"name": "core", "members": [{"user": "ana", "commits": 120}, {"user": "bo", "commits": 45}]},
    {"name": "web", "members": [{"user": "cy", "commits": 88}, {"user": "ana", "commits": 10}]}
  ]
}`);

const perUser = new Map();
for (const team of payload.teams) {
  for (const { user, commits } of team.members) {
    const cur = perUser.get(user) ?? { commits: 0, teams: new Set() };
    cur.commits += commits;
    cur.teams.add(team.name);
    perUser.set(user, cur);
  }
}

const report = [...perUser]
  .map(([user, v]) => ({ user, commits: v.commits, teams: [...v.teams].join('+') }))
  .sort((a, b) => b.commits - a.commits);
console.log(JSON.stringify(report, null, 2));
