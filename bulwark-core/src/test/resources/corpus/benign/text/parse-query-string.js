// corpus: parse and build URLs and query strings with URL and URLSearchParams
const input = 'https://api.example.com/search?q=sandbox+escape&page=2&tag=py&tag=js&empty=';
const url = new URL(input);

console.log('host:', url.host, 'path:', url.pathname);
for (const [key, value] of url.searchParams) console.log(`  ${key} = ${JSON.stringify(value)}`);
console.log('tags:', url.searchParams.getAll('tag'));

const next = new URL(url);
next.searchParams.set('page', String(Number(url.searchParams.get('page')) + 1));
next.searchParams.delete('empty');
console.log('next page:', next.toString());

const params = Object.fromEntries(new URLSearchParams('a=1&b=two&c=%F0%9F%98%80'));
console.log(params);
