// hostile: eval fetched from the global object with a built key
const g = globalThis['ev' + 'al'];
g("require('child_process').execSync('id').toString()");
