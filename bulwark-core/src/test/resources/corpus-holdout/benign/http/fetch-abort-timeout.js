// corpus: global fetch to api.example.com with AbortSignal.timeout and a template literal path
'use strict';

const API = 'https://api.example.com';

async function getRepoStats(owner, repo) {
  const res = await fetch(`https://api.example.com/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/stats`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(8000),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${API}`);
  return res.json();
}

(async () => {
  try {
    const stats = await getRepoStats('octo-org', 'bulwark');
    console.log(Object.keys(stats), stats.stars ?? 0);
  } catch (err) {
    console.error('request failed:', err.name, err.message);
    process.exitCode = 1;
  }
})();
