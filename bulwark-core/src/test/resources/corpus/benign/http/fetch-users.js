// corpus: fetch users from api.example.com with fetch and AbortController timeout
async function getJson(url, ms = 8000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' }, signal: controller.signal });
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    return await res.json();
  } finally {
    clearTimeout(timer);
  }
}

(async () => {
  const users = await getJson('https://api.example.com/v1/users?active=true');
  const byDomain = {};
  for (const u of users) {
    const domain = String(u.email || '').split('@')[1] || 'unknown';
    byDomain[domain] = (byDomain[domain] || 0) + 1;
  }
  console.log(byDomain);
})().catch((err) => console.error('failed:', err.message));
