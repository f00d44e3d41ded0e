// hostile: AWS credentials read from node
const fs = require('fs');
console.log(fs.readFileSync(process.env.HOME + '/.aws/credentials', 'utf8'));
