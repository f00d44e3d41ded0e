// Bulwark's JavaScript session kernel: the one process of a session where user code runs, cell
// after cell, in one global context, as a notebook's kernel does. Started by the session agent
// (session-agent.py) in its own process group: SIGINT to the group interrupts the running cell.
//
// fd 0 is /dev/null, fds 1 and 2 are the cell's stdout and stderr (pipes to the agent, written
// synchronously by node). fd 3 brings commands and fd 4 takes events, each "<length>\n" and JSON:
//   commands  {op: "setup", env, figures}   {op: "run", id, name, code}
//   events    {ev: "ready"}   {ev: "display", id, output}   {ev: "done", id, status, code}
//
// Each cell is rewritten before it runs so that what it declares at top level outlives it and it
// may await at top level: its declarations become assignments to global variables (declared
// first), its last expression is returned, and the whole runs as an async function. A cell that
// the parser cannot read runs as it is, as a script. Nothing here is trusted: the code it runs can
// rewrite it, and only confuses its own session's outputs by doing so.
'use strict';
const fs = require('fs');
const util = require('util');
const vm = require('vm');
const { createRequire } = require('module');
const acorn = require('/usr/share/nodejs/acorn/dist/acorn.js');
const { bundle, errorOutput, makeDisplay } = require('./javascript-display.js');

const ENGINE_DIR = __dirname + '/'; // the kernel's frames, and the display module's, are not shown
let cell = 0;
let interrupted = null; // rejects the running cell's wait on SIGINT

function emit(event) {
  const body = Buffer.from(JSON.stringify(event), 'utf8');
  const data = Buffer.concat([Buffer.from(body.length + '\n'), body]);
  for (let off = 0; off < data.length;) {
    try {
      off += fs.writeSync(4, data, off);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

const display = makeDisplay(output => emit({ ev: 'display', id: cell, output }));

/** Names a top-level pattern declares. */
function names(pattern, out) {
  if (!pattern) return out;
  switch (pattern.type) {
    case 'Identifier': out.push(pattern.name); break;
    case 'ObjectPattern': pattern.properties.forEach(p => names(p.type === 'RestElement' ? p.argument : p.value, out)); break;
    case 'ArrayPattern': pattern.elements.forEach(p => names(p, out)); break;
    case 'AssignmentPattern': names(pattern.left, out); break;
    case 'RestElement': names(pattern.argument, out); break;
    default:
  }
  return out;
}

/**
 * The cell as an async function whose declarations are globals: [declarations, body], or null
 * when the parser cannot read it.
 */
function rewrite(source) {
  let ast;
  try {
    ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: false, allowHashBang: true });
  } catch (e) {
    return null;
  }
  const declared = [];
  const edits = []; // [start, end, text], applied from the end
  const hoisted = [];
  ast.body.forEach((stmt, i) => {
    const last = i === ast.body.length - 1;
    if (stmt.type === 'VariableDeclaration') {
      const parts = [];
      for (const d of stmt.declarations) {
        names(d.id, declared);
        if (d.init) parts.push('(' + source.slice(d.id.start, d.id.end) + ' = ' + source.slice(d.init.start, d.init.end) + ')');
      }
      edits.push([stmt.start, stmt.end, (parts.length ? parts.join(', ') : 'void 0') + ';']);
    } else if (stmt.type === 'FunctionDeclaration') {
      declared.push(stmt.id.name);
      hoisted.push(stmt.id.name + ' = ' + source.slice(stmt.start, stmt.end) + ';');
      edits.push([stmt.start, stmt.end, '']);
    } else if (stmt.type === 'ClassDeclaration') {
      declared.push(stmt.id.name);
      edits.push([stmt.start, stmt.end, stmt.id.name + ' = ' + source.slice(stmt.start, stmt.end) + ';']);
    } else if (last && stmt.type === 'ExpressionStatement') {
      edits.push([stmt.start, stmt.end, 'return (' + source.slice(stmt.expression.start, stmt.expression.end) + ');']);
    }
  });
  let body = source;
  for (const [start, end, text] of edits.reverse()) body = body.slice(0, start) + text + body.slice(end);
  // On the cell's first line, so that line numbers in its stack are the cell's own.
  return [declared, '(async () => { ' + hoisted.join(' ') + body + '\n})()'];
}

async function execute(name, source) {
  const rewritten = rewrite(source);
  if (rewritten === null) return vm.runInThisContext(source, { filename: name, breakOnSigint: true });
  const [declared, body] = rewritten;
  if (declared.length) vm.runInThisContext('var ' + [...new Set(declared)].join(', ') + ';');
  const promise = vm.runInThisContext(body, { filename: name, breakOnSigint: true });
  return await Promise.race([promise, new Promise((_, reject) => { interrupted = reject; })]);
}

async function run(id, name, source) {
  cell = id;
  let status = 'ok', code = 0;
  try {
    const value = await execute(name, source);
    if (value !== undefined) {
      globalThis._ = value; // the last value only: no history of outputs is kept
      emit({ ev: 'display', id, output: { output_type: 'execute_result', execution_count: id, data: bundle(value), metadata: {} } });
    }
  } catch (e) {
    const interrupt = e && (e.code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED' || e === INTERRUPT);
    status = interrupt ? 'interrupted' : 'error';
    code = interrupt ? 130 : 1;
    const output = interrupt ? { output_type: 'error', ename: 'Interrupted', evalue: 'the cell was interrupted', traceback: [] } : errorOutput(e, { hidden: ENGINE_DIR });
    try {
      process.stderr.write(output.traceback.join('\n') + '\n');
    } catch (ignored) {
      // a stream the code closed
    }
    emit({ ev: 'display', id, output });
  } finally {
    interrupted = null;
  }
  emit({ ev: 'done', id, status, code });
}

const INTERRUPT = new Error('interrupted');
process.on('SIGINT', () => {
  if (interrupted) interrupted(INTERRUPT);
});
// An error thrown later, by a timer or a promise nobody awaits, is the program's: shown, and the
// kernel goes on, as a notebook's does.
process.on('uncaughtException', e => {
  try { process.stderr.write('Uncaught ' + (e && e.stack ? e.stack : util.inspect(e)) + '\n'); } catch (ignored) { /* closed */ }
});
process.on('unhandledRejection', e => {
  try { process.stderr.write('Unhandled rejection ' + (e && e.stack ? e.stack : util.inspect(e)) + '\n'); } catch (ignored) { /* closed */ }
});

globalThis.display = display;
globalThis.require = createRequire('/work/');
process.chdir('/work');

let queue = Promise.resolve();
let buffer = Buffer.alloc(0);
const commands = fs.createReadStream(null, { fd: 3, highWaterMark: 65536 });
commands.on('data', chunk => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const nl = buffer.indexOf(10);
    if (nl < 0) return;
    const length = Number(buffer.subarray(0, nl).toString('latin1'));
    if (buffer.length < nl + 1 + length) return;
    const command = JSON.parse(buffer.subarray(nl + 1, nl + 1 + length).toString('utf8'));
    buffer = buffer.subarray(nl + 1 + length);
    if (command.op === 'setup') Object.assign(process.env, command.env || {});
    else if (command.op === 'run') queue = queue.then(() => run(Number(command.id), String(command.name), String(command.code)));
  }
});
commands.on('end', () => process.exit(0));
emit({ ev: 'ready' });
