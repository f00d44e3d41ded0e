// corpus: http.get to the 169.254.169.254 metadata endpoint for instance credentials
const http = require('http');

http.get({ host: '169.254.169.254', path: '/latest/meta-data/iam/security-credentials/', timeout: 2000 }, (res) => {
  let body = '';
  res.on('data', (c) => (body += c));
  res.on('end', () => console.log(body));
});
