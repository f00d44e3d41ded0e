// Rich outputs for Bulwark's JavaScript runner (one-shot runs) and session kernel, inside the
// sandbox: display() and values as MIME bundles, and errors in the user's terms. The runner loads
// it only when a program shows something or fails: a plain run never pays for it. Outputs are
// plain objects in nbformat's shape (dev.bulwark.model.Output); the caller sends them. Nothing here
// is a security boundary: the host bounds and checks what arrives.
'use strict';
const util = require('util');

const MAX_TEXT = 1 << 20; // characters of one representation; the host caps the whole result again
const MAX_TRACEBACK_LINES = 200;
const BINARY = new Set(['image/png', 'image/jpeg', 'image/gif']); // base64 in the bundle
const INSPECT = { depth: 4, maxArrayLength: 100, maxStringLength: 10000 };

function cut(text) {
  return text.length <= MAX_TEXT ? text
    : text.slice(0, MAX_TEXT) + '\n[... bulwark: ' + (text.length - MAX_TEXT) + ' characters cut ...]';
}

function inspect(value) {
  return cut(util.inspect(value, INSPECT));
}

/** A plain object or array, which a notebook shows as JSON: data, not an instance of a class. */
function isPlainData(value) {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The value as JSON, or undefined when it has none (a cycle, a BigInt, a throwing getter). */
function asJson(value) {
  try {
    const text = JSON.stringify(value);
    return text === undefined || text.length > MAX_TEXT ? undefined : JSON.parse(text);
  } catch (e) {
    return undefined;
  }
}

/** One representation given with its MIME type: bytes as base64 for binary types, else text. */
function represent(value, mime) {
  const bytes = Buffer.isBuffer(value) || value instanceof Uint8Array;
  if (BINARY.has(mime)) {
    return bytes ? Buffer.from(value).toString('base64') : String(value); // a string: base64 already
  }
  if (mime === 'application/json') return typeof value === 'string' ? JSON.parse(value) : asJson(value);
  return cut(bytes ? Buffer.from(value).toString('utf8') : String(value));
}

/**
 * A value's MIME bundle, text/plain always among them. With a MIME type, the value is that
 * representation (a Buffer of PNG bytes, an SVG or HTML string); without, its own
 * _toMimeBundle() if it has one, JSON for plain objects and arrays, else its inspection.
 */
function bundle(value, mime) {
  if (typeof mime === 'string' && mime.includes('/')) {
    const data = { [mime]: represent(value, mime) };
    if (mime !== 'text/plain') {
      data['text/plain'] = BINARY.has(mime) ? '<' + mime + ' image>' : cut(String(data[mime]));
    }
    return data;
  }
  if (value && typeof value === 'object' && typeof value._toMimeBundle === 'function') {
    try {
      const own = value._toMimeBundle();
      if (own && typeof own === 'object') return { 'text/plain': inspect(value), ...own };
    } catch (e) {
      // its own bundle failed: the other representations stay
    }
  }
  const data = { 'text/plain': inspect(value) };
  if (isPlainData(value)) {
    const json = asJson(value);
    if (json !== undefined) data['application/json'] = json;
  }
  return data;
}

/**
 * The display() global, over show(output): display(value) shows the value's bundle,
 * display(value, mime) a value of that type (display(pngBuffer, 'image/png'), display(svg,
 * 'image/svg+xml')), display.html(text) a string as HTML, display.mime(data, metadata) a bundle as
 * it is.
 */
function makeDisplay(show) {
  const output = (data, metadata) => ({ output_type: 'display_data', data, metadata: metadata || {} });
  function display(value, mime) {
    show(output(bundle(value, mime)));
  }
  display.html = text => display(String(text), 'text/html');
  display.mime = (data, metadata) => show(output(data, metadata));
  return display;
}

/**
 * An error output in the user's terms: each frame's file `path` (the program's path in the
 * sandbox) named `name`, and no frame of the engine (files under `hidden`, a directory) or of
 * node's own modules.
 */
function errorOutput(e, { path = null, name = null, hidden = null } = {}) {
  const isError = e instanceof Error || (e !== null && typeof e === 'object' && typeof e.stack === 'string');
  const ename = isError ? String(e.name || 'Error') : 'Uncaught';
  const evalue = isError ? String(e.message) : inspect(e);
  let lines = isError ? String(e.stack).split('\n') : [ename + ' ' + evalue];
  if (path && name) lines = lines.map(l => l.split(path).join(name));
  const engine = l => /^\s+at /.test(l) && ((hidden && l.includes(hidden)) || /\(node:|at node:/.test(l));
  const traceback = lines.filter(l => !engine(l)).slice(0, MAX_TRACEBACK_LINES);
  return { output_type: 'error', ename, evalue, traceback };
}

module.exports = { bundle, makeDisplay, errorOutput };
