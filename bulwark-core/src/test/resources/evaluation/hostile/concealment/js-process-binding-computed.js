// hostile: process.binding reached with a computed property name
const b = process['bin' + 'ding'];
const spawn = b('spawn_sync');
console.log(typeof spawn);
