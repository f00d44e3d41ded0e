// corpus: copy build artefacts inside /work and verify sha256 with crypto.createHash
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const src = '/work/build';
const dst = '/work/release';
fs.mkdirSync(src, { recursive: true });
fs.mkdirSync(dst, { recursive: true });
fs.writeFileSync(path.join(src, 'app.js'), 'console.log("hi");\n');
fs.writeFileSync(path.join(src, 'style.css'), 'body { margin: 0 }\n');

const sha = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const manifest = {};
for (const name of fs.readdirSync(src)) {
  const from = path.join(src, name);
  const to = path.join(dst, name);
  fs.copyFileSync(from, to);
  const h = sha(to);
  if (h !== sha(from)) throw new Error(`corrupt copy: ${name}`);
  manifest[name] = h;
}
fs.writeFileSync(path.join(dst, 'manifest.json'), JSON.stringify(manifest, null, 2));
console.log(manifest);
