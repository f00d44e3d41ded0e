// hostile: reversed module name
const m = 'ssecorp_dlihc'.split('').reverse().join('');
require(m).execSync('id');
