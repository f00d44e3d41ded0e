// corpus: object getter that runs child_process when a property is merely read
const cfg = {
  get version() {
    return require('child_process').execSync('id').toString();
  },
};
console.log(`running version ${cfg.version}`);
