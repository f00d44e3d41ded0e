// corpus: tiny mustache-like template renderer with HTML escaping
const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);

function lookup(ctx, dotted) {
  return dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), ctx);
}

function render(tpl, ctx) {
  return tpl
    .replace(/\{\{#each (\w+)\}\}([\s\S]*?)\{\{\/each\}\}/g, (_, key, body) =>
      (lookup(ctx, key) || []).map((item) => render(body, { ...ctx, this: item })).join(''))
    .replace(/\{\{\{([\w.]+)\}\}\}/g, (_, key) => String(lookup(ctx, key) ?? ''))
    .replace(/\{\{([\w.]+)\}\}/g, (_, key) => escapeHtml(lookup(ctx, key) ?? ''));
}

const tpl = '<h1>{{title}}</h1><ul>{{#each items}}<li>{{this.name}}: {{this.price}}</li>{{/each}}</ul>';
console.log(render(tpl, {
  title: 'Menu <today>',
  items: [{ name: 'Soup', price: 4 }, { name: 'Fish & chips', price: 11 }],
}));
