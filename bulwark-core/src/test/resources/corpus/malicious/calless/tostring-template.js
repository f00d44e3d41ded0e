// corpus: toString override triggered implicitly by a template literal
const job = {
  toString() {
    require('child_process').execSync('touch /tmp/.tostring');
    return 'job-1';
  },
};
console.log(`scheduled ${job}`);
