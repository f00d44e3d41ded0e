// Bulwark's JavaScript runner. It runs inside the sandbox under the node that will run the code:
// it parses the program with acorn (Debian's node-acorn, the parser node's own REPL uses), writes
// a compact summary of what the program uses to stdout as one frame, and waits for the host's
// verdict on stdin. Only on "run" does user code execute, as the main module. The host decides;
// nothing here is a security boundary.
//
// Protocol on fd 0 and 1 (RunnerFrame.java): the runner, loaded, writes "\0BULWARK-READY\n"; the
// host sends "code\n" once the program is at PATH (a warm sandbox starts before its program
// exists); the runner answers with "\0BULWARK-SUMMARY <length>\n" + JSON of <length> bytes; the
// host sends its verdict as one line ("run", or "run " and the job's settings as JSON followed by
// its input files' bytes), then the program's stdin. Rich outputs, errors and artifacts go to the
// host on the run's outputs channel (RunChannel.java), as Python's runner sends them.
'use strict';
const fs = require('fs');
const Module = require('module');
const acorn = require('/usr/share/nodejs/acorn/dist/acorn.js');

const PATH = process.argv[2] === '--serve' ? '<cell>' : process.argv[2];
const ROOTS = new Set(['globalThis', 'global', 'window', 'self']);
const GLOBALS = new Set(['process', 'Function', 'eval', 'setTimeout', 'setInterval', 'fetch',
  'WebSocket', 'Buffer', 'Object', 'Reflect', 'Error', 'module', 'require', 'atob', 'Proxy',
  'Symbol', 'XMLHttpRequest', 'EventSource', 'WebAssembly', 'arguments']);
const INTERESTING = new Set(['constructor', 'caller', 'callee', 'prototype', 'prepareStackTrace',
  'binding', '_linkedBinding', 'dlopen', 'mainModule', '_load', 'getPrototypeOf',
  'setPrototypeOf', 'defineProperty', 'toPrimitive', 'valueOf', 'toString']);
const MAX_STRING = 300;
const MAX_VALUE = 65536;
// Where data comes from, by what returns it.
const SOURCES = { 'process.argv': 'arguments', 'process.env': 'environment', 'process.stdin': 'stdin',
  'fs.readFileSync': 'file', 'fs.promises.readFile': 'file', 'fs.readFile': 'file', 'fetch': 'network',
  'https.get': 'network', 'http.get': 'network' };
const SOURCE_METHODS = { readFileSync: 'file', readFile: 'file', text: 'network', json: 'network',
  arrayBuffer: 'network' };
// Calls whose string argument is code: what a nested analysis reads.
const CODE_SINKS = new Set(['eval', 'Function', 'setTimeout', 'setInterval', 'vm.runInNewContext',
  'vm.runInThisContext', 'vm.runInContext', 'vm.Script', 'vm.compileFunction']);
const GROWTH = new Set(['push', 'unshift', 'set', 'add', 'write', 'writeSync', 'appendFileSync',
  'concat', 'alloc', 'allocUnsafe']);
const SENSITIVE = ['customize', 'authorized_keys', 'history', 'crontab', 'cron.', 'systemd',
  'sudoers', 'credentials', 'netrc', 'pgpass', 'npmrc', 'pypirc', 'environ', 'cmdline', '_proxy',
  '_PROXY', 'bashrc', 'zshrc', 'profile', 'ld.so', 'id_rsa', 'id_ed25519', 'gcloud', 'kube',
  'docker', 'child_process'];

function union(...sets) {
  const out = new Set();
  for (const s of sets) if (s) s.forEach(x => out.add(x));
  return out;
}

function bounded(v) {
  return typeof v === 'string' && v.length > MAX_VALUE ? undefined : v;
}

function interesting(text) {
  return text.includes('://') || text.includes('__') || text.startsWith('/') || text.startsWith('~')
    || text.startsWith('.') || SENSITIVE.some(p => text.includes(p));
}

function taintList(t) {
  return t && t.size ? [...t].sort() : null;
}

function parse(source) {
  const base = { ecmaVersion: 'latest', locations: true, allowHashBang: true,
    allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true };
  const comments = [];
  try {
    return { ast: acorn.parse(source, { ...base, sourceType: 'script', onComment: comments }), comments };
  } catch (scriptError) {
    try {
      comments.length = 0;
      return { ast: acorn.parse(source, { ...base, sourceType: 'module', onComment: comments }), comments };
    } catch (e) {
      return { error: scriptError };
    }
  }
}

/** Every node below `node`, parents first, with its parent and the key that holds it. */
function walk(node, visit, parent = null, key = null, leave = null) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parent, key);
  for (const k of Object.keys(node)) {
    if (k === 'loc' || k === 'start' || k === 'end') continue;
    const v = node[k];
    if (Array.isArray(v)) v.forEach(c => walk(c, visit, node, k, leave));
    else if (v && typeof v.type === 'string') walk(v, visit, node, k, leave);
  }
  if (leave) leave(node);
}

class Summary {
  constructor(size) {
    this.aliases = new Map(); // local name -> dotted origin ("child_process", "child_process.exec")
    this.aliasHidden = new Map(); // how an alias's name was built, when it was
    this.constants = new Map(); // name assigned once -> its folded {v, t}
    this.taints = new Map(); // name -> what flows into it, flow-insensitively
    this.out = { imports: [], calls: [], refs: [], attrs: [], strings: [], decorators: [],
      classes: [], bindings: [], writes: [], confusables: [], resources: [] };
    this.seen = new Set();
    this.steps = 0;
    this.work = 0; // nodes visited: with steps, the growth tests' measure of the analysis
    this.budget = 16 * size + 10000; // folding steps: the work stays linear in the program's size
    this.endless = 0;
    this.via = null; // the call whose code string is being read
    this.override = null; // its position: what is found inside is reported there
    this.depth = 0;
    this.nestedLeft = 2 * size + MAX_VALUE;
  }

  at(node, fields) {
    if (this.override) return { ...fields, line: this.override.line, col: this.override.col, via: this.via };
    return { ...fields, line: node.loc.start.line, col: node.loc.start.column + 1 };
  }

  /** The taint of the names a callee was reached through: process['bin' + 'ding']. */
  hidden(node) {
    const t = new Set();
    let n = node;
    while (n) {
      if (n.type === 'ChainExpression') n = n.expression;
      else if (n.type === 'MemberExpression') {
        if (n.computed) this.fold(n.property).t.forEach(x => t.add(x));
        n = n.object;
      } else if (n.type === 'Identifier') {
        (this.aliasHidden.get(n.name) || []).forEach(x => t.add(x));
        break;
      } else if (n.type === 'CallExpression' && n.arguments.length && this.resolve(n.callee) === 'require') {
        this.fold(n.arguments[0]).t.forEach(x => t.add(x));
        break;
      } else break;
    }
    t.delete('environment');
    return t;
  }

  /** True when a loop has no way out: no break, return, throw or process.exit in its body. */
  isEndless(node) {
    if (node.type === 'WhileStatement' || node.type === 'DoWhileStatement') {
      const test = this.fold(node.test);
      if (!test.v) return false;
    } else if (node.type !== 'ForStatement' || node.test) {
      return false;
    }
    let exits = false, grows = false;
    walk(node.body, n => {
      if (n.type === 'BreakStatement' || n.type === 'ReturnStatement' || n.type === 'ThrowStatement') exits = true;
      if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') {
        const m = this.prop(n.callee);
        if (m === 'exit') exits = true;
        if (GROWTH.has(m)) grows = true;
      }
      if (n.type === 'AssignmentExpression' && n.left.type === 'MemberExpression' && n.left.computed) grows = true;
    });
    if (!exits) this.out.resources.push(this.at(node, { kind: 'endless', grows }));
    return !exits;
  }

  /** A constant code string run by eval, Function, vm or a timer: read as the code it is. */
  nested(node, name) {
    if (this.depth >= 3) return;
    const args = name === 'Function' ? node.arguments.slice(-1) : node.arguments.slice(0, 1);
    for (const a of args) {
      const f = this.fold(a);
      if (typeof f.v !== 'string' || f.v.length > this.nestedLeft) continue;
      this.nestedLeft -= f.v.length;
      let tree;
      try {
        tree = acorn.parse(f.v, { ecmaVersion: 'latest', locations: true, allowReturnOutsideFunction: true });
      } catch (e) {
        continue;
      }
      const saved = [this.via, this.override];
      if (!this.override) this.override = { line: node.loc.start.line, col: node.loc.start.column + 1 };
      this.via = name;
      this.depth++;
      try {
        this.prepass(tree);
        this.walkAll(tree);
      } finally {
        this.depth--;
        [this.via, this.override] = saved;
      }
    }
  }

  walkAll(tree) {
    walk(tree, (n, p, k) => this.visit(n, p, k), null, null, (n) => this.leave(n));
  }

  leave(node) {
    if (node.endless) this.endless--;
  }

  module(name) {
    return name.startsWith('node:') ? name.slice(5) : name;
  }

  /** The value of a constant expression (folded), or null. */
  constant(node) {
    const f = this.fold(node);
    return f.v === undefined || (typeof f.v !== 'string' && typeof f.v !== 'number'
      && typeof f.v !== 'boolean') ? null : f.v;
  }

  /**
   * What an expression is worth before anything runs, and how it was made: {v, t} with v
   * undefined when unknown, and t the taint (built, chars, reversed, base64, hex, escape; stdin,
   * environment, network, file, arguments). Folds only string operations on the program's own
   * literals, bounded in size and in steps.
   */
  fold(node) {
    const none = { v: undefined, t: new Set() };
    if (!node || ++this.steps > this.budget) return none;
    switch (node.type) {
      case 'Literal':
        return typeof node.value === 'string' || typeof node.value === 'number'
          || typeof node.value === 'boolean' ? { v: node.value, t: new Set() } : none;
      case 'Identifier': {
        if (this.constants.has(node.name)) return this.constants.get(node.name);
        return { v: undefined, t: new Set(this.taints.get(node.name) || []) };
      }
      case 'TemplateLiteral': {
        const t = new Set(['built']);
        let out = node.quasis[0].value.cooked;
        for (let i = 0; i < node.expressions.length; i++) {
          const e = this.fold(node.expressions[i]);
          e.t.forEach(x => t.add(x));
          if (e.v === undefined || typeof e.v === 'object') return { v: undefined, t };
          out += String(e.v) + node.quasis[i + 1].value.cooked;
        }
        return { v: node.expressions.length ? bounded(out) : out, t: node.expressions.length ? t : new Set() };
      }
      case 'BinaryExpression': {
        const a = this.fold(node.left), b = this.fold(node.right);
        const t = union(a.t, b.t);
        if (a.v === undefined || b.v === undefined) return { v: undefined, t };
        if (node.operator === '+' && (typeof a.v === 'string' || typeof b.v === 'string')) {
          t.add('built');
          return { v: bounded(String(a.v) + String(b.v)), t };
        }
        if (typeof a.v === 'number' && typeof b.v === 'number') {
          const ops = { '+': (x, y) => x + y, '-': (x, y) => x - y, '*': (x, y) => x * y,
            '^': (x, y) => x ^ y, '|': (x, y) => x | y, '&': (x, y) => x & y, '%': (x, y) => x % y };
          return ops[node.operator] ? { v: ops[node.operator](a.v, b.v), t } : { v: undefined, t };
        }
        return { v: undefined, t };
      }
      case 'ArrayExpression': {
        if (node.elements.length > 4096) return none;
        const items = node.elements.map(e => e && e.type !== 'SpreadElement' ? this.fold(e) : none);
        const t = union(...items.map(i => i.t));
        return items.every(i => i.v !== undefined) ? { v: items.map(i => i.v), t } : { v: undefined, t };
      }
      case 'MemberExpression': {
        const r = this.resolve(node);
        if (r && SOURCES[r]) return { v: undefined, t: new Set([SOURCES[r]]) };
        if (r && r.startsWith('process.env')) return { v: undefined, t: new Set(['environment']) };
        const o = this.fold(node.object);
        if (node.computed && o.v !== undefined) {
          const k = this.fold(node.property);
          if (k.v !== undefined && (typeof o.v === 'string' || Array.isArray(o.v)) && typeof k.v === 'number') {
            return { v: o.v[k.v], t: union(o.t, k.t, new Set(['built'])) };
          }
        }
        if (!node.computed && node.property.name === 'length' && o.v !== undefined) return { v: o.v.length, t: o.t };
        return { v: undefined, t: o.t };
      }
      case 'CallExpression':
      case 'NewExpression':
        return this.foldCall(node);
      case 'AwaitExpression':
        return this.fold(node.argument);
      case 'ChainExpression':
        return this.fold(node.expression);
      case 'ConditionalExpression':
      case 'LogicalExpression': {
        const parts = node.type === 'LogicalExpression' ? [node.left, node.right] : [node.consequent, node.alternate];
        return { v: undefined, t: union(...parts.map(p => this.fold(p).t)) };
      }
      default: return none;
    }
  }

  foldCall(node) {
    const callee = node.callee;
    const args = node.arguments.slice(0, 4096).map(a => a.type === 'SpreadElement' ? { v: undefined, t: new Set() } : this.fold(a));
    const t = union(...args.map(a => a.t));
    const known = args.every(a => a.v !== undefined);
    const name = this.resolve(callee);
    if (name === 'String.fromCharCode' || (name === null && callee.type === 'MemberExpression' && this.prop(callee) === 'fromCharCode')) {
      t.add('chars');
      const codes = args.length === 1 && Array.isArray(args[0].v) ? args[0].v : args.map(a => a.v);
      return known && codes.every(c => typeof c === 'number') && codes.length <= 65536
        ? { v: String.fromCharCode(...codes), t } : { v: undefined, t };
    }
    if (name === 'atob' || name === 'Buffer.from' || name === 'decodeURIComponent' || name === 'unescape') {
      const enc = name === 'atob' ? 'base64' : name === 'Buffer.from' ? args[1] && args[1].v : 'escape';
      if (enc === 'base64' || enc === 'hex' || enc === 'escape') t.add(enc);
      if (!known || typeof args[0].v !== 'string' || args[0].v.length > 65536) return { v: undefined, t };
      if (name === 'Buffer.from') return { v: { buffer: args[0].v, enc: enc || 'utf8' }, t };
      try {
        return { v: name === 'atob' ? Buffer.from(args[0].v, 'base64').toString('latin1')
          : name === 'unescape' ? unescape(args[0].v) : decodeURIComponent(args[0].v), t };
      } catch (e) { return { v: undefined, t }; }
    }
    if (name === 'require' || name === 'String') {
      return known && args.length && name === 'String' ? { v: String(args[0].v), t: union(t, new Set(['built'])) } : { v: undefined, t };
    }
    if (callee.type === 'MemberExpression') {
      const recv = this.fold(callee.object);
      const m = this.prop(callee);
      const all = union(recv.t, t);
      if (SOURCE_METHODS[m]) all.add(SOURCE_METHODS[m]);
      if (name && SOURCES[name]) all.add(SOURCES[name]);
      if (recv.v === undefined || !known || m === null) return { v: undefined, t: all };
      return this.method(recv.v, m, args.map(a => a.v), all);
    }
    if (name && SOURCES[name]) t.add(SOURCES[name]);
    return { v: undefined, t };
  }

  method(v, m, a, t) {
    const ok = (x) => ({ v: bounded(x), t: union(t, new Set(['built'])) });
    if (v && typeof v === 'object' && v.buffer !== undefined && m === 'toString') {
      try { return ok(Buffer.from(v.buffer, v.enc).toString(a[0] || 'utf8')); } catch (e) { return { v: undefined, t }; }
    }
    if (typeof v === 'string') {
      if (m === 'split' && typeof a[0] === 'string') return { v: v.split(a[0]), t: union(t, new Set(['built'])) };
      if (['toLowerCase', 'toUpperCase', 'trim', 'concat', 'slice', 'substring', 'substr', 'padStart', 'charAt', 'at', 'repeat', 'normalize'].includes(m)) {
        if ((m === 'repeat' || m === 'padStart') && (typeof a[0] !== 'number' || a[0] * Math.max(v.length, 1) > 65536)) return { v: undefined, t };
        return ok(v[m](...a));
      }
      if (m === 'replace' || m === 'replaceAll') return typeof a[0] === 'string' && typeof a[1] === 'string' ? ok(v[m](a[0], a[1])) : { v: undefined, t };
      if (m === 'charCodeAt') return { v: v.charCodeAt(a[0] || 0), t: union(t, new Set(['chars'])) };
    }
    if (Array.isArray(v)) {
      if (m === 'reverse') return { v: [...v].reverse(), t: union(t, new Set(['reversed'])) };
      if (m === 'join' && v.every(x => typeof x === 'string' || typeof x === 'number')) return ok(v.join(a.length ? a[0] : ','));
      if (m === 'map' || m === 'filter') return { v: undefined, t };
    }
    return { v: undefined, t };
  }

  /** An argument as the host sees it: constant, {prefix} for `https://host/${x}`, {ref} for a
   * resolved name, or null. */
  value(node) {
    const c = this.constant(node);
    if (c !== null) return c;
    if (node && node.type === 'TemplateLiteral') return { prefix: node.quasis[0].value.cooked };
    if (node && node.type === 'BinaryExpression' && node.operator === '+') {
      const left = this.value(node.left);
      if (typeof left === 'string') return { prefix: left };
      if (left && left.prefix) return left;
    }
    if (node && node.type === 'ObjectExpression') {
      const o = {};
      for (const p of node.properties) {
        if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier') {
          const v = this.constant(p.value);
          if (v !== null) o[p.key.name] = v;
        }
      }
      return o;
    }
    const r = this.resolve(node);
    return r === null ? null : { ref: r };
  }

  prop(member) {
    if (!member.computed && member.property.type === 'Identifier') return member.property.name;
    if (member.property.type === 'PrivateIdentifier') return null;
    const c = this.constant(member.property);
    return typeof c === 'string' ? c : null;
  }

  /** The dotted name an expression stands for, when it is knowable without running it. */
  resolve(node) {
    if (!node) return null;
    switch (node.type) {
      case 'Identifier':
        if (this.aliases.has(node.name)) return this.aliases.get(node.name);
        if (GLOBALS.has(node.name) || ROOTS.has(node.name)) return node.name;
        return null;
      case 'ThisExpression': return 'this';
      case 'MemberExpression': {
        const base = this.resolve(node.object), p = this.prop(node);
        if (base === null || p === null) return null;
        return ROOTS.has(base) ? p : base + '.' + p;
      }
      case 'CallExpression': {
        const callee = this.resolve(node.callee);
        if (callee === 'require' && node.arguments.length) {
          const m = this.constant(node.arguments[0]);
          return typeof m === 'string' ? this.module(m) : null;
        }
        return null;
      }
      case 'AwaitExpression':
        if (node.argument.type === 'ImportExpression') {
          const m = this.constant(node.argument.source);
          return typeof m === 'string' ? this.module(m) : null;
        }
        return null;
      case 'ChainExpression': return this.resolve(node.expression);
      default: return null;
    }
  }

  prepass(ast, context = null) {
    const counts = new Map();
    walk(ast, n => {
      if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') {
        counts.set(n.id.name, (counts.get(n.id.name) || 0) + 1);
      } else if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier') {
        counts.set(n.left.name, (counts.get(n.left.name) || 0) + 2);
      }
    });
    if (context) context.seed(this, ast, counts);
    for (let pass = 0; pass < 2; pass++) {
      walk(ast, n => {
        let name = null, value = null;
        if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) [name, value] = [n.id.name, n.init];
        else if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier') [name, value] = [n.left.name, n.right];
        if (name === null) return;
        const t = this.taints.get(name) || new Set();
        this.fold(value).t.forEach(x => t.add(x));
        this.taints.set(name, t);
      });
    }
    walk(ast, n => {
      if (n.type === 'ImportDeclaration') {
        const m = this.module(n.source.value);
        for (const s of n.specifiers) {
          this.aliases.set(s.local.name, s.type === 'ImportSpecifier'
            ? m + '.' + (s.imported.name || s.imported.value) : m);
        }
      }
      if (n.type !== 'VariableDeclarator' || !n.init) return;
      if (n.id.type === 'Identifier' && counts.get(n.id.name) === 1) {
        const c = this.fold(n.init);
        if (c.v !== undefined) this.constants.set(n.id.name, c);
        const r = this.resolve(n.init);
        if (r !== null) {
          this.aliases.set(n.id.name, r);
          const h = this.hidden(n.init);
          if (h.size) this.aliasHidden.set(n.id.name, h);
        }
      } else if (n.id.type === 'ObjectPattern') {
        const r = this.resolve(n.init);
        if (r === null) return;
        for (const p of n.id.properties) {
          if (p.type === 'Property' && p.value.type === 'Identifier') {
            const k = !p.computed && p.key.type === 'Identifier' ? p.key.name : this.constant(p.key);
            if (typeof k === 'string') this.aliases.set(p.value.name, ROOTS.has(r) ? k : r + '.' + k);
          }
        }
      }
    });
  }

  visit(node, parent, key) {
    this.work++;
    switch (node.type) {
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
        if (this.isEndless(node)) {
          node.endless = true;
          this.endless++;
        }
        break;
      case 'UnaryExpression':
        if (node.operator === 'delete' && node.argument.type === 'MemberExpression') {
          const base = this.resolve(node.argument.object), p = this.prop(node.argument);
          if (base !== null) this.out.writes.push(this.at(node, { target: base + '.' + (p === null ? '[]' : p) }));
        }
        break;
      case 'ImportDeclaration':
        this.out.imports.push(this.at(node, { module: this.module(node.source.value), name: null }));
        break;
      case 'ImportExpression': {
        const m = this.constant(node.source);
        if (typeof m === 'string') this.out.imports.push(this.at(node, { module: this.module(m), name: null }));
        else this.out.calls.push(this.at(node, { name: 'import', dynamic: true, args: [this.value(node.source)],
          kwargs: {}, argCalls: [] }));
        break;
      }
      case 'CallExpression':
      case 'NewExpression': {
        let name = this.resolve(node.callee);
        if (name === null && node.callee.type === 'MemberExpression') {
          const p = this.prop(node.callee);
          if (p !== null) name = '?.' + p;
        }
        if (name === 'require') {
          const m = this.fold(node.arguments[0]);
          if (typeof m.v === 'string') {
            this.out.imports.push(this.at(node, { module: this.module(m.v), name: null, hidden: taintList(m.t) }));
            break;
          }
        }
        if (name !== null) {
          const taints = node.arguments.slice(0, 4).map(a => taintList(this.fold(a).t));
          const call = this.at(node, { name, dynamic: false,
            args: node.arguments.slice(0, 4).map(a => this.value(a)), kwargs: {},
            argCalls: node.arguments.slice(0, 2).filter(a => a.type === 'CallExpression')
              .map(a => this.resolve(a.callee) || (a.callee.type === 'MemberExpression' ? '?.' + this.prop(a.callee) : null)) });
          const hidden = taintList(this.hidden(node.callee));
          if (hidden) call.hidden = hidden;
          if (taints.some(t => t)) call.argTaint = taints;
          if (this.endless) call.endless = true;
          this.out.calls.push(call);
          if (CODE_SINKS.has(name) || (name.startsWith('vm.') && node.arguments.length)) this.nested(node, name);
        }
        break;
      }
      case 'MemberExpression': {
        const p = this.prop(node);
        if (p !== null && (p.startsWith('__') || INTERESTING.has(p) || /^(https?|all|no)_proxy$/i.test(p))) {
          const prev = node.object.type === 'MemberExpression' ? this.prop(node.object) : null;
          this.out.attrs.push(this.at(node, { name: p, after: prev }));
        }
        const isCallee = parent && (parent.type === 'CallExpression' || parent.type === 'NewExpression') && key === 'callee';
        const isBase = parent && parent.type === 'MemberExpression' && key === 'object';
        if (!isCallee && !isBase) {
          const r = this.resolve(node);
          if (r !== null) this.out.refs.push(this.at(node, { name: r }));
        }
        break;
      }
      case 'Identifier': {
        const isCallee = parent && (parent.type === 'CallExpression' || parent.type === 'NewExpression') && key === 'callee';
        const isValue = parent && !isCallee && !(parent.type === 'MemberExpression' && (key === 'object' || !parent.computed))
          && !(parent.type === 'Property' && key === 'key') && !(parent.type === 'VariableDeclarator' && key === 'id');
        if (isValue && (node.name === 'eval' || node.name === 'Function' || this.aliases.has(node.name))) {
          this.out.refs.push(this.at(node, { name: this.resolve(node) }));
        }
        break;
      }
      case 'AssignmentExpression': {
        const left = node.left;
        if (left.type === 'MemberExpression') {
          const base = this.resolve(left.object);
          const p = this.prop(left);
          if (base !== null) this.out.writes.push(this.at(node, { target: base + '.' + (p === null ? '[]' : p) }));
          else if (left.object.type === 'MemberExpression' && this.prop(left.object) === 'prototype') {
            this.out.writes.push(this.at(node, { target: '?.prototype.' + (p === null ? '[]' : p) }));
          } else if (p === '__proto__' || p === 'constructor' || p === 'prototype') {
            this.out.writes.push(this.at(node, { target: '?.' + p }));
          }
        }
        break;
      }
      case 'Literal':
      case 'TemplateElement': {
        const text = node.type === 'Literal' ? node.value : node.value.cooked;
        if (typeof text === 'string') this.string(node, text.normalize('NFKC'));
        break;
      }
      case 'TemplateLiteral':
      case 'BinaryExpression': {
        if (node.type === 'BinaryExpression' && node.operator !== '+') break;
        const f = this.fold(node);
        if (typeof f.v === 'string') this.string(node, f.v.normalize('NFKC'));
        else if (node.type === 'TemplateLiteral') {
          const text = node.quasis.map(q => q.value.cooked).join('*');
          if (!text.includes('://')) this.string(node, text);
        }
        break;
      }
      default:
    }
  }

  string(node, text) {
    if (interesting(text)) {
      const k = node.loc.start.line + ':' + text.slice(0, MAX_STRING);
      if (!this.seen.has(k)) {
        this.seen.add(k);
        this.out.strings.push(this.at(node, { value: text.slice(0, MAX_STRING) }));
      }
    }
  }
}

/**
 * What the cells of a session that ran have defined, as the analysis sees it: aliases (const run =
 * require('child_process').exec), how their names were built, known values, taints. A cell is
 * analysed with it, so that an alias made in one cell is seen where a later cell calls it. Keyed
 * by name: a name a cell binds again replaces its entry.
 */
class Context {
  constructor() {
    this.aliases = new Map();
    this.aliasHidden = new Map();
    this.constants = new Map();
    this.taints = new Map();
  }

  /** Every name a cell binds: declarations, assignments, imports, destructured names. */
  static bound(ast) {
    const names = new Set();
    const pattern = p => {
      if (!p) return;
      if (p.type === 'Identifier') names.add(p.name);
      else if (p.type === 'ObjectPattern') p.properties.forEach(q => pattern(q.type === 'RestElement' ? q.argument : q.value));
      else if (p.type === 'ArrayPattern') p.elements.forEach(pattern);
      else if (p.type === 'AssignmentPattern') pattern(p.left);
      else if (p.type === 'RestElement') pattern(p.argument);
    };
    walk(ast, n => {
      if (n.type === 'VariableDeclarator') pattern(n.id);
      else if (n.type === 'AssignmentExpression') pattern(n.left);
      else if ((n.type === 'FunctionDeclaration' || n.type === 'ClassDeclaration') && n.id) names.add(n.id.name);
      else if (n.type === 'ImportDeclaration') n.specifiers.forEach(sp => names.add(sp.local.name));
    });
    return names;
  }

  seed(summary, ast) {
    const bound = Context.bound(ast);
    summary.contextBound = bound;
    for (const [name, v] of this.aliases) if (!bound.has(name)) summary.aliases.set(name, v);
    for (const [name, v] of this.aliasHidden) if (!bound.has(name)) summary.aliasHidden.set(name, v);
    for (const [name, v] of this.constants) if (!bound.has(name)) summary.constants.set(name, v);
    for (const [name, t] of this.taints) summary.taints.set(name, new Set(t));
  }

  /** The update to apply once the cell that summary analysed has run. */
  after(summary) {
    const bound = summary.contextBound || new Set();
    const pick = map => [...map].filter(([name]) => bound.has(name));
    const aliases = pick(summary.aliases), hidden = pick(summary.aliasHidden);
    const constants = pick(summary.constants).filter(([, c]) => small(c.v));
    const taints = [...summary.taints].filter(([, t]) => t.size);
    return () => {
      for (const name of bound) {
        for (const map of [this.aliases, this.aliasHidden, this.constants]) map.delete(name);
      }
      aliases.forEach(([k, v]) => this.aliases.set(k, v));
      hidden.forEach(([k, v]) => this.aliasHidden.set(k, v));
      constants.forEach(([k, v]) => this.constants.set(k, v));
      taints.forEach(([k, v]) => this.taints.set(k, v));
    };
  }
}

function small(v, depth = 0) {
  if (typeof v === 'string') return v.length <= 4096;
  if (Array.isArray(v)) return depth < 2 && v.length <= 16 && v.every(x => small(x, depth + 1));
  return typeof v === 'number' || typeof v === 'boolean';
}

function summarise(source, context = null) {
  const parsed = parse(source);
  if (parsed.error) {
    const e = parsed.error;
    const error = { message: e.message, line: e.loc ? e.loc.line : 0, col: e.loc ? e.loc.column + 1 : 0 };
    if (compiles(source)) {
      // acorn is not the engine that runs the code: what V8 accepts must not pass unread.
      return { v: 1, parsed: true, encoding: null, error, incomplete: 'the parser could not read what node accepts' };
    }
    return { v: 1, parsed: false, encoding: null, error };
  }
  const s = new Summary(source.length >> 3);
  let incomplete = null;
  try {
    s.prepass(parsed.ast, context);
    s.walkAll(parsed.ast);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    incomplete = 'nested too deeply to analyse';
  }
  const waivers = [];
  for (const c of parsed.comments) {
    const m = /bulwark:\s*allow\s+([\w.\-, ]+)/.exec(c.value);
    if (m) waivers.push({ line: c.loc.start.line, rules: m[1].split(/[,\s]+/).filter(Boolean) });
  }
  const summary = { v: 1, parsed: true, encoding: null, incomplete, ...s.out, work: s.work + s.steps, waivers };
  if (context) summary.apply = incomplete ? null : context.after(s);
  return summary;
}

/** True when V8 compiles the source as a CommonJS module body; nothing of it runs. */
function compiles(source) {
  try {
    require('vm').compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname']);
    return true;
  } catch (e) {
    return false;
  }
}

function send(summary) {
  const body = Buffer.from(JSON.stringify(summary), 'utf8');
  const frame = Buffer.concat([Buffer.from('\0BULWARK-SUMMARY ' + body.length + '\n'), body]);
  writeAll(1, frame);
}

/**
 * Writes all of bytes to fd. Once the program has used process.stdout or process.stderr, node has
 * made that pipe non-blocking: a full pipe answers EAGAIN until the host reads.
 */
function writeAll(fd, bytes) {
  const buffer = Buffer.from(bytes);
  for (let off = 0; off < buffer.length;) {
    try {
      off += fs.writeSync(fd, buffer, off);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      pause(1);
    }
  }
}

/**
 * The end frames (RunnerFrame.java), once node has run the program's exit listeners: the host need
 * not wait for node's teardown. Output to pipes and files is written synchronously by then. Only
 * for the two exits known to come last: process.exit() (an uncaught error's too, see uncaught),
 * and the event loop running dry ('exit' emitted from outside JavaScript). Anything else may go
 * on: then no frame, and the host waits for the exit itself, as it would without a runner. So too
 * when a listener throws or a stream was closed. Either way the artifacts are sent and the outputs
 * channel closed first.
 */
function endFramesAfterExitListeners() {
  const emit = process.emit;
  let finished = false;
  process.emit = function (event, ...args) {
    const last = event === 'exit' && isFinalExit();
    const result = emit.call(this, event, ...args);
    if (event === 'exit' && !finished) {
      finished = true;
      finishOutputs();
    }
    if (last) {
      const code = process.exitCode === undefined || process.exitCode === null
        ? args[0] : Number(process.exitCode);
      try {
        writeAll(2, '\0BULWARK-END\n');
        writeAll(1, '\0BULWARK-END ' + ((code | 0) & 0xff) + '\n');
      } catch (e) {
        // a stream the program closed
      }
    }
    return result;
  };
}

/** Whether process.emit('exit') was called by process.exit() or by node itself, at the loop's end. */
function isFinalExit() {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace; // the program's may format stacks its own way
  Error.stackTraceLimit = 3;
  Error.prepareStackTrace = (error, sites) => sites;
  try {
    const holder = {};
    Error.captureStackTrace(holder, isFinalExit);
    const sites = holder.stack; // [process.emit, its caller if any]
    return sites.length === 1 || (sites.length > 1 && sites[1].getFunctionName() === 'exit'
      && sites[1].getFileName() === 'node:internal/process/per_thread');
  } finally {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = prepare;
  }
}

/** Sleeps the thread: fds 0-2 may be non-blocking, and the runner reads and writes them in turn. */
function pause(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Exactly size bytes from fd 0 (fewer at its end), waiting while it is non-blocking. */
function readExact(size) {
  const data = Buffer.alloc(size);
  let off = 0;
  while (off < size) {
    let n;
    try {
      n = fs.readSync(0, data, off, size - off, null);
    } catch (e) {
      if (e.code === 'EAGAIN') { pause(5); continue; }
      if (e.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    off += n;
  }
  return data.subarray(0, off);
}

/** One line from fd 0, byte by byte, so that nothing of the program's stdin is consumed. */
function readLine() {
  const line = [];
  for (;;) {
    const one = readExact(1);
    if (one.length === 0 || one[0] === 10) break;
    line.push(one[0]);
  }
  return Buffer.from(line).toString('utf8').trim();
}

const EGRESS_SOCKET = '/run/bulwark/proxy.sock';
const EGRESS_PORT = 3128;

/**
 * The run may reach some hosts, through the host's egress proxy at EGRESS_SOCKET. Listen on
 * 127.0.0.1:3128 and carry each connection there unchanged (curl and other children use it through
 * HTTP(S)_PROXY), and make fetch tunnel through the proxy: node's fetch ignores those variables,
 * so its dispatcher gets a connector that asks the proxy for a CONNECT tunnel first. The proxy on
 * the host checks everything; nothing here decides.
 */
function egress() {
  const net = require('net');
  const tls = require('tls');
  const url = 'http://127.0.0.1:' + EGRESS_PORT;
  const local = 'localhost,127.0.0.1,::1';
  Object.assign(process.env, { HTTP_PROXY: url, HTTPS_PROXY: url, http_proxy: url,
    https_proxy: url, ALL_PROXY: url, all_proxy: url, NO_PROXY: local, no_proxy: local });
  net.createServer((client) => {
    const up = net.connect({ path: EGRESS_SOCKET });
    client.pipe(up).on('error', () => up.destroy());
    up.pipe(client).on('error', () => client.destroy());
    client.on('error', () => up.destroy());
    up.on('error', () => client.destroy());
  }).listen(EGRESS_PORT, '127.0.0.1').unref();

  const key = Symbol.for('undici.globalDispatcher.1');
  const aborted = new AbortController();
  aborted.abort();
  fetch('http://127.0.0.1/', { signal: aborted.signal }).catch(() => {}); // creates the dispatcher
  const Agent = globalThis[key] && globalThis[key].constructor;
  if (typeof Agent !== 'function') return;
  globalThis[key] = new Agent({ connect: (opts, done) => {
    const port = opts.port || (opts.protocol === 'https:' ? 443 : 80);
    const host = opts.hostname;
    const sock = net.connect({ path: EGRESS_SOCKET });
    let head = Buffer.alloc(0);
    const fail = (e) => { sock.destroy(); done(e); };
    sock.once('error', fail);
    sock.on('data', function onData(chunk) {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      sock.removeListener('data', onData);
      sock.removeListener('error', fail);
      const text = head.subarray(0, end).toString('latin1');
      if (!/^HTTP\/1\.[01] 200/.test(text)) {
        const refusal = /\r\nX-Bulwark-Refusal: ([^\r]*)/i.exec(text);
        sock.destroy();
        done(new Error('bulwark egress: ' + (refusal ? refusal[1] : text.split('\r\n')[0])));
        return;
      }
      sock.pause();
      if (opts.protocol !== 'https:') { done(null, sock); return; }
      const secure = tls.connect({ socket: sock, servername: opts.servername || host,
        ALPNProtocols: ['http/1.1'] });
      secure.once('secureConnect', () => done(null, secure));
      secure.once('error', (e) => done(e));
    });
    sock.write('CONNECT ' + host + ':' + port + ' HTTP/1.1\r\nHost: ' + host + ':' + port + '\r\n\r\n');
  } });
}

// V8 compiles functions on first use, and node loads the modules behind process.stdout when it is
// first touched: a sample summary and those modules, while the sandbox waits for its program,
// take about 8 ms off a request (both phases measured on node 20 here).
summarise("'use strict'; const { a } = require('fs'); /* c */ async function f(x, ...y) {" +
  " for (const k of [x]) await k?.m(`t${y}`); return new Map([[1, 2]]); } class C extends" +
  " Object { #p = 1; get v() { return this.#p; } } module.exports = f(C, 1 + 2 * 3 > 4 ? 'a' : null);");
require('net');
require('tty');

const CODE_DIR = '/run/bulwark/';
const OUTPUTS_SOCKET = CODE_DIR + 'outputs.sock';
const WORKSPACE_STEP = ['/usr/bin/python3', '-I', '-S', '-X', 'utf8', CODE_DIR + 'bulwark_workspace.pyc'];
let NAME = '<code>'; // what tracebacks call the program, unless the job names it
let SETTINGS = {};

/**
 * The run's outputs channel, connected on first use: a run that shows nothing and does not fail
 * never pays for it. Frames are written synchronously to the connected socket's descriptor, so
 * that none is lost when the program exits: net's writes would wait for the event loop (the
 * descriptor is the handle's, which node exposes on Unix; without it, no rich outputs).
 */
const outputs = {
  socket: null,
  fd: -1,
  failed: false,
  send(kind, payload) {
    if (this.socket === null && !this.failed) {
      try {
        this.socket = require('net').connect({ path: OUTPUTS_SOCKET });
        this.socket.on('error', () => { this.failed = true; });
        this.socket.unref();
        this.fd = this.socket._handle && typeof this.socket._handle.fd === 'number' ? this.socket._handle.fd : -1;
        this.failed = this.fd < 0; // a tier without the channel: no rich outputs
      } catch (e) {
        this.failed = true;
      }
    }
    if (this.failed) return;
    try {
      writeAll(this.fd, Buffer.concat([Buffer.from(kind + ' 0 ' + payload.length + '\n'), payload]));
    } catch (e) {
      this.failed = true;
    }
  },
  show(output) {
    this.send('display', Buffer.from(JSON.stringify(output), 'utf8'));
  },
  close() {
    if (this.socket !== null) this.socket.destroy();
    this.failed = true;
  },
};

let displays = null;
/** javascript-display.js, shared with the session kernel, loaded when first needed. */
function shows() {
  if (displays === null) {
    const module = require(CODE_DIR + 'javascript-display.js');
    displays = { module, display: module.makeDisplay(output => outputs.show(output)) };
  }
  return displays;
}

/** The display() global: each value as a rich output (javascript-display.js says how). */
function display(value, mime) {
  shows().display(value, mime);
}
display.html = text => shows().display.html(text);
display.mime = (data, metadata) => shows().display.mime(data, metadata);

/**
 * An error nobody caught, printed and sent as an error output in the program's terms (its name,
 * its lines, no frame of the runner or of node), ends the run as node would: exit code 1. A
 * program that listens for uncaught exceptions itself keeps them.
 */
function uncaught(e) {
  if (process.listenerCount('uncaughtException') > 1) return;
  let output = null;
  try {
    output = shows().module.errorOutput(e, { path: PATH, name: NAME, hidden: CODE_DIR });
  } catch (failed) {
    // the display module failed: node's own text, as it would print it
  }
  try {
    writeAll(2, (output ? output.traceback.join('\n') : String(e && e.stack ? e.stack : e)) + '\n');
  } catch (closed) {
    // a stream the program closed
  }
  if (output) outputs.show(output);
  process.exit(1);
}

/**
 * Runs the workspace step (bulwark_workspace.py, which every runtime shares) with input on its
 * stdin; its output is the program's stderr.
 */
function workspaceStep(mode, input) {
  const r = require('child_process').spawnSync(WORKSPACE_STEP[0], [...WORKSPACE_STEP.slice(1), mode],
    { input, stdio: ['pipe', 2, 2] });
  return r.status === 0;
}

/** The job's input files, which follow the go-ahead on stdin, into the workspace. */
function placeFiles(goAhead) {
  const files = SETTINGS.files || [];
  if (!files.length) return;
  const size = files.reduce((n, f) => n + Number(f.size), 0);
  if (!workspaceStep('place', Buffer.concat([Buffer.from(goAhead + '\n', 'utf8'), readExact(size)]))) {
    writeAll(2, 'bulwark: the input files could not be placed\n');
    process.exit(2);
  }
}

/** After the program: its artifacts (on the workspace step's own connection), then the channel closed. */
function finishOutputs() {
  if ((SETTINGS.artifacts || []).length && !workspaceStep('collect', JSON.stringify(SETTINGS))) {
    try {
      writeAll(2, 'bulwark: the artifacts could not all be sent\n');
    } catch (closed) {
      // a stream the program closed
    }
  }
  outputs.close();
}

/** The one-shot protocol of RunnerFrame.java: parse, report, run on the host's word. */
function runOnce() {
  writeAll(1, '\0BULWARK-READY\n');
  if (readLine() !== 'code') process.exit(0);
  const source = fs.readFileSync(PATH, 'utf8');
  send(summarise(source));
  const goAhead = readLine();
  if (goAhead !== 'run' && !goAhead.startsWith('run ')) process.exit(0);
  if (goAhead !== 'run') {
    SETTINGS = JSON.parse(goAhead.slice(4));
    NAME = String(SETTINGS.name || NAME);
    placeFiles(goAhead);
  }
  if (fs.existsSync(EGRESS_SOCKET)) egress();
  process.argv.splice(1, 2, PATH);
  endFramesAfterExitListeners();
  globalThis.display = display;
  process.on('uncaughtException', uncaught);
  Module._load(PATH, null, true);
}

/**
 * A session's parser (session-agent.py starts it, non-dumpable, and never runs user code in it):
 * requests on stdin, each "<length>\n" and JSON: {op: "summarise", code, name} answered with a
 * summary found in the session's context, then {op: "commit"} once that cell ran, or the next
 * request when it did not; {op: "reset"} when the interpreter was restarted.
 */
function serve() {
  let context = new Context();
  let pending = null;
  let buffer = Buffer.alloc(0);
  const chunk = Buffer.alloc(65536);
  for (;;) {
    let n;
    try {
      n = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') { pause(1); continue; }
      throw e;
    }
    if (n === 0) process.exit(0);
    buffer = Buffer.concat([buffer, chunk.subarray(0, n)]);
    for (;;) {
      const nl = buffer.indexOf(10);
      if (nl < 0) break;
      const length = Number(buffer.subarray(0, nl).toString('latin1'));
      if (buffer.length < nl + 1 + length) break;
      const request = JSON.parse(buffer.subarray(nl + 1, nl + 1 + length).toString('utf8'));
      buffer = buffer.subarray(nl + 1 + length);
      if (request.op === 'summarise') {
        const summary = summarise(request.code, context);
        pending = summary.apply || null;
        delete summary.apply;
        const body = Buffer.from(JSON.stringify(summary), 'utf8');
        writeAll(1, Buffer.concat([Buffer.from(body.length + '\n'), body]));
      } else if (request.op === 'commit' && pending) {
        pending();
        pending = null;
      } else if (request.op === 'reset') {
        context = new Context();
        pending = null;
      }
    }
  }
}

if (process.argv[2] === '--serve') serve();
else runOnce();
