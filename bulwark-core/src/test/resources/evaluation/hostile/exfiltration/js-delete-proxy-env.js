// hostile: proxy variables deleted before the request
delete process.env.HTTPS_PROXY;
delete process.env.https_proxy;
require('https').get('https://api.example.com/v1/items', r => r.resume());
