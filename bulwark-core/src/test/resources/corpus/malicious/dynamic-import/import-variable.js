// corpus: import(variable) where the specifier is decoded from hex at runtime
const spec = Buffer.from('6368696c645f70726f63657373', 'hex').toString();
import(spec).then((m) => m.execSync('whoami', { stdio: 'inherit' }));
