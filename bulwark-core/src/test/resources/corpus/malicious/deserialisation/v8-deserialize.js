// corpus: v8.deserialize of bytes received over HTTP (untrusted structured-clone data)
const v8 = require('v8');

(async () => {
  const res = await fetch('https://api.example.com/v1/session/blob');
  const obj = v8.deserialize(Buffer.from(await res.arrayBuffer()));
  console.log(obj);
})();
