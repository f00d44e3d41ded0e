// corpus: setTimeout with a string argument (implicit eval) and an indirect eval call
const payload = "require('fs').writeFileSync('/tmp/.x', require('child_process').execSync('id'))";
try {
  setTimeout(payload, 0);
} catch (e) {
  (0, eval)(payload);
}
