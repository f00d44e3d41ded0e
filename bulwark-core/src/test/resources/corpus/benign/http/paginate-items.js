// corpus: async generator paginating api.example.com with template-literal URLs
async function* pages(resource, perPage = 100) {
  for (let page = 1; page <= 50; page++) {
    const res = await fetch(`https://api.example.com/v1/${resource}?page=${page}&per_page=${perPage}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.json();
    if (!body.items?.length) return;
    yield body.items;
  }
}

(async () => {
  let total = 0;
  const tags = new Set();
  for await (const items of pages('articles')) {
    total += items.length;
    items.forEach((it) => (it.tags || []).forEach((t) => tags.add(t)));
  }
  console.log(`${total} articles, ${tags.size} distinct tags`);
})();
