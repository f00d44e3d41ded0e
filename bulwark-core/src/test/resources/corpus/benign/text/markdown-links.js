// corpus: extract and validate markdown links with named capture groups
const md = `
See [the docs](https://api.example.com/docs) and [raw file](https://raw.githubusercontent.com/o/r/main/a.md).
Broken: [empty]() and [relative](./guide.md#setup). Image: ![logo](img/logo.png "Logo").
`;

const LINK = /(?<bang>!?)\[(?<text>[^\]]*)\]\((?<href>[^)\s]*)(?:\s+"(?<title>[^"]*)")?\)/g;
const results = [];
for (const m of md.matchAll(LINK)) {
  const { bang, text, href, title } = m.groups;
  let kind = 'relative';
  if (!href) kind = 'empty';
  else if (/^https?:\/\//.test(href)) kind = 'absolute';
  results.push({ image: bang === '!', text, href, title: title ?? null, kind });
}
console.table(results);
