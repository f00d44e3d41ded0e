// corpus: fetch to a decimal IP (2130706433) and [::ffff:7f00:1] to reach loopback services
(async () => {
  for (const url of ['http://2130706433:6379/', 'http://[::ffff:7f00:1]:9200/_cat/indices']) {
    try {
      console.log(await (await fetch(url)).text());
    } catch (e) {
      /* ignore */
    }
  }
})();
