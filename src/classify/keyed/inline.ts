/**
 * Key/value entries written inline: JSON and JS/TS object entries ("key": "value", key: 'value',
 * key: 12, key: [0.12, ...]), YAML `key: value`, log and .env `key=value`, and "Label: value"
 * fields in text ("Ghi chú riêng tư: ...", "- **Họ tên cha:** ...").
 *
 * Driven by the separators: every ':' and '=' is found with Buffer.indexOf (memchr), the key is
 * read backwards from it over a bounded window, and the value is read forwards only when the
 * caller wants that key. This is a byte scanner with bounded look-back and look-ahead, not a
 * regular expression: its cost is linear in the text and it cannot backtrack. A regex walking
 * every key of a file through RE2 cost 20× more (one JS↔RE2 round trip per key).
 */
import type { KeyedValue, ValueKind, WantKey } from './types.js';

/** What an unquoted value after the separator can be. */
export type BareMode =
  /** Data files (YAML, logs, text, JSON): unquoted text is a value. */
  | 'data'
  /** Code: unquoted text is an expression; only numbers, booleans and text inside a string literal count. */
  | 'code'
  /** Schemas (GraphQL, Prisma): unquoted text is a type. */
  | 'none';

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const COLON = 58;
const EQ = 61;
const DQ = 34;
const SQ = 39;
const BT = 96;
const BACKSLASH = 92;

const MAX_KEY = 64;
const MAX_LABEL = 64;
const MAX_LABEL_WORDS = 6;
const MAX_STRING = 8192;
const MAX_BARE = 2048;
const MAX_VECTOR = 65536;
/** More items than this in one list: an enumeration of options, not one person's values. */
const MAX_ARRAY_ITEMS = 6;
const MAX_LABEL_VALUE_WORDS = 14;
const MAX_CODE_ARRAY_ITEMS = 2;

/** Identifier bytes: ASCII letters, digits, _ $ - . and any UTF-8 byte of a non-ASCII letter. */
const ID = new Uint8Array(256);
/** Bytes that may start a key: letters, _ $ and UTF-8 lead bytes. */
const ID_START = new Uint8Array(256);
/** Extra bytes allowed inside a "Label: value" label. */
const LABEL = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const digit = c >= 48 && c <= 57;
  ID[c] = letter || digit || c === 95 || c === 36 || c === 45 || c === 46 || c >= 0x80 ? 1 : 0;
  ID_START[c] = letter || c === 95 || c === 36 || c >= 0xc0 ? 1 : 0;
  LABEL[c] = ID[c] || c === SPACE || c === 40 || c === 41 || c === 47 || c === 39 ? 1 : 0;
}
LABEL[SQ] = 0;
/** Bytes after which an unquoted value of a `key=value` pair ends. */
const EQ_VALUE_END = new Uint8Array(256);
for (const ch of ' \t\r\n,;&"\'`)]}>|') EQ_VALUE_END[ch.charCodeAt(0)] = 1;
/** Bytes that can end a bare value at a following "…, Label: value". */
const FIELD_DELIM = new Uint8Array(256);
for (const ch of ',;|') FIELD_DELIM[ch.charCodeAt(0)] = 1;

/** Bytes that make a following '=' part of an operator (!=, <=, +=, ...). */
const OPERATOR = new Uint8Array(256);
for (const ch of '=!<>+-*/%&|^?:~') OPERATOR[ch.charCodeAt(0)] = 1;

const isSpace = (c: number | undefined) => c === SPACE || c === TAB;

/** Start of the line holding byte `pos` (Buffer.lastIndexOf reads a negative offset from the end). */
function lineStartOf(buf: Buffer, pos: number): number {
  return pos <= 0 ? 0 : buf.lastIndexOf(NL, pos - 1) + 1;
}

function lineEndOf(buf: Buffer, pos: number): number {
  const nl = buf.indexOf(NL, pos);
  let end = nl < 0 ? buf.length : nl;
  if (end > pos && buf[end - 1] === CR) end--;
  return end;
}

/** Is `pos` inside a string literal opened on its line (an odd number of `quote` bytes before it)? */
function insideQuote(buf: Buffer, lineStart: number, pos: number): number | undefined {
  for (const q of [SQ, DQ, BT]) {
    let n = 0;
    for (let i = lineStart; i < pos; i++) if (buf[i] === q && buf[i - 1] !== BACKSLASH) n++;
    if (n % 2 === 1) return q;
  }
  return undefined;
}

/** A separator that is an operator, a URL scheme or a type cast rather than a key's separator. */
function notASeparator(buf: Buffer, p: number): boolean {
  const prev = buf[p - 1];
  const next = buf[p + 1];
  if (buf[p] === COLON) {
    return next === COLON || prev === COLON || next === EQ || (next === 47 && buf[p + 2] === 47);
  }
  // '=' : skip ==, ===, !=, <=, >=, =>, +=, |=, ...
  return next === EQ || next === 62 || (prev !== undefined && OPERATOR[prev] === 1);
}

interface KeySpan {
  start: number;
  end: number;
  key: string;
  label: boolean;
}

interface CachedKey {
  bytes: Uint8Array;
  text: string;
  next: CachedKey | undefined;
}
const KEY_CACHE_LIMIT = 16384;
const keyCache = new Map<number, CachedKey>();

/**
 * The key text for bytes [s, e). Data files repeat a few keys thousands of times: hashing the
 * bytes and returning the same string object saves decoding (and garbage) for each occurrence,
 * and the callers' Map lookups hit the string's cached hash.
 */
function decodeKey(buf: Buffer, s: number, e: number): string {
  let h = 0x811c9dc5 ^ (e - s);
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 16777619);
  h &= 0x3fffffff;
  const head = keyCache.get(h);
  for (let en = head; en; en = en.next) {
    const b = en.bytes;
    if (b.length !== e - s) continue;
    let i = 0;
    while (i < b.length && b[i] === buf[s + i]) i++;
    if (i === b.length) return en.text;
  }
  const text = buf.toString('utf8', s, e);
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(h, { bytes: Uint8Array.prototype.slice.call(buf, s, e), text, next: head });
  return text;
}

/** Read the key that ends just before separator `p`, or undefined. */
function keyBefore(buf: Buffer, p: number, lineStart: number): KeySpan | undefined {
  let e = p;
  while (e > lineStart && p - e < 8 && isSpace(buf[e - 1])) e--;
  // Markdown bold around a label: "**Họ tên cha:**" puts the colon inside; "**Label**:" outside.
  while (e > lineStart && buf[e - 1] === 42) e--;
  const q = buf[e - 1];
  if (q === DQ || q === SQ || q === BT) {
    // Quoted key: the opening quote is on the same line, within MAX_KEY bytes.
    const from = Math.max(lineStart, e - 1 - MAX_KEY * 2);
    let s = e - 2;
    while (s >= from && buf[s] !== q) s--;
    if (s < from || s === e - 2) return undefined;
    if (!ID_START[buf[s + 1]!]) return undefined;
    // An object key follows `{`, `,`, `[`, `(`, a YAML "- " or the line start; after a word it is
    // a quoted title in prose (Nghĩa vụ "Dữ liệu sức khỏe": Khoản 2 …).
    let b = s;
    while (b > lineStart && isSpace(buf[b - 1])) b--;
    const before = b > lineStart ? buf[b - 1] : -1;
    if (before !== -1 && before !== 123 && before !== 44 && before !== 91 && before !== 40 && before !== 45) return undefined;
    return { start: s + 1, end: e - 1, key: decodeKey(buf, s + 1, e - 1), label: false };
  }
  let s = e;
  while (s > lineStart && e - s < MAX_KEY && ID[buf[s - 1]!]) s--;
  if (s === e || (s > lineStart && ID[buf[s - 1]!])) return undefined;
  // "…\nEmail: …" inside a string literal: the letter after a backslash belongs to the escape.
  if (s > lineStart && buf[s - 1] === BACKSLASH) s++;
  // Keys start with a letter, _ or $ (not "10" of "10:30", not "-x").
  while (s < e && !ID_START[buf[s]!] && (buf[s] === 45 || buf[s] === 46)) s++;
  if (s === e || !ID_START[buf[s]!]) return undefined;
  // Trailing dots/dashes are punctuation ("Note.-"), not part of the key.
  let ke = e;
  while (ke > s && (buf[ke - 1] === 46 || buf[ke - 1] === 45)) ke--;
  if (buf[p] === COLON && s > lineStart && buf[s - 1] === SPACE) {
    const label = labelBefore(buf, s, ke, lineStart);
    if (label) return label;
  }
  return { start: s, end: ke, key: decodeKey(buf, s, ke), label: false };
}

/**
 * "Ghi chú riêng tư: ...", "- Họ tên cha: ...", "Item: …, Tình trạng hôn nhân: Góa": extend the
 * key back over a few words up to the start of the line or a field delimiter. Too long a run
 * means prose ("Bệnh nhân cho biết hôm qua đã ..."), and only the last word is the key then.
 */
function labelBefore(buf: Buffer, s: number, e: number, lineStart: number): KeySpan | undefined {
  let i = s;
  while (i > lineStart && s - i < MAX_LABEL) {
    const c = buf[i - 1]!;
    // A sentence end (". ") is where a label starts: "…, tiền sự. Hồ sơ gồm:" is "Hồ sơ gồm".
    if (c === 46 && isSpace(buf[i])) break;
    // An apostrophe belongs to the label only as a possessive ("Father's name"); otherwise it is
    // the quote of a string literal that holds the label ('…, Tình trạng hôn nhân: Góa').
    if (!LABEL[c] && !(c === SQ && buf[i] === 115 && isSpace(buf[i + 1]))) break;
    i--;
  }
  if (s - i >= MAX_LABEL) return undefined;
  // Must stop at the line start or a delimiter, not in the middle of something else.
  const stop = i === lineStart ? -1 : buf[i - 1]!;
  if (stop !== -1 && !(FIELD_DELIM[stop] || stop === 42 || stop === 35 || stop === 62 || stop === TAB || stop === DQ || stop === SQ || stop === BT || stop === 91 || stop === 123 || stop === 93 || stop === COLON || stop === 46)) {
    return undefined;
  }
  // Strip list bullets and numbering: "- ", "1. ", "(a) ".
  while (i < s && (isSpace(buf[i]) || buf[i] === 45 || buf[i] === 43)) i++;
  let j = i;
  while (j < s && buf[j]! >= 48 && buf[j]! <= 57) j++;
  if (j > i && (buf[j] === 46 || buf[j] === 41) && isSpace(buf[j + 1])) i = j + 2;
  while (i < s && isSpace(buf[i])) i++;
  if (i >= s || !ID_START[buf[i]!]) return undefined;
  const text = buf.toString('utf8', i, e);
  const words = text.split(/\s+/).length;
  if (words > MAX_LABEL_WORDS) return undefined;
  return { start: i, end: e, key: text, label: true };
}

/** End of a bare value starting at `v`: the line end, cut before a following "…, Label: value". */
function bareEnd(buf: Buffer, v: number, lineEnd: number, stopQuote: number | undefined, yaml: boolean): number {
  const limit = Math.min(lineEnd, v + MAX_BARE);
  for (let i = v; i < limit; i++) {
    const c = buf[i]!;
    if (c === stopQuote) return i;
    if (yaml && c === 35 && isSpace(buf[i - 1])) return i;
    if (FIELD_DELIM[c] && nextLabelAt(buf, i + 1, limit)) return i;
  }
  return limit;
}

/** Does a short label followed by ':' (not '://') start at `i` (after spaces)? */
function nextLabelAt(buf: Buffer, i: number, limit: number): boolean {
  while (i < limit && isSpace(buf[i])) i++;
  if (i >= limit || !ID_START[buf[i]!]) return false;
  const start = i;
  let words = 1;
  while (i < limit && i - start < MAX_LABEL && LABEL[buf[i]!]) {
    if (buf[i] === SPACE && !isSpace(buf[i + 1])) words++;
    i++;
  }
  while (i < limit && buf[i] === 42) i++;
  return i < limit && buf[i] === COLON && buf[i + 1] !== 47 && words <= MAX_LABEL_WORDS;
}

function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function trimSpan(buf: Buffer, s: number, e: number): [number, number] {
  while (s < e && (isSpace(buf[s]) || buf[s] === 42)) s++;
  while (e > s && (isSpace(buf[e - 1]) || buf[e - 1] === CR || buf[e - 1] === 42)) e--;
  return [s, e];
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function scalarKind(text: string): ValueKind {
  if (text === 'true' || text === 'false' || text === 'True' || text === 'False') return 'bool';
  if (text === 'null' || text === 'None' || text === 'nil' || text === '~' || text === 'NULL' || text === 'undefined') return 'null';
  // Bounded (MAX_BARE) and without nested quantifiers: no catastrophic backtracking.
  return text.length <= 64 && NUMBER.test(text) ? 'number' : 'bare';
}

/** Closing quote of a string starting at `open` (backslash escapes), on the same line. */
function closingQuote(buf: Buffer, open: number, lineEnd: number): number {
  const q = buf[open];
  const limit = Math.min(q === BT ? buf.length : lineEnd, open + MAX_STRING);
  for (let i = open + 1; i < limit; i++) {
    const c = buf[i];
    if (c === BACKSLASH) i++;
    else if (c === q) return i;
    else if (c === NL) return -1;
  }
  return -1;
}

function unescape(raw: string, quote: number): string {
  if (!raw.includes('\\')) return raw;
  const q = String.fromCharCode(quote);
  return raw.replace(/\\(.)/g, (m, ch: string) => (ch === q || ch === '\\' ? ch : ch === 'n' ? '\n' : ch === 't' ? '\t' : m));
}

/** A bracketed list starting at `open`: a numeric vector (any lines) or one-line string items. */
function arrayValues(buf: Buffer, open: number, lineEnd: number, maxItems: number, emit: (kind: ValueKind, s: number, e: number, value: string) => void): void {
  const limit = Math.min(buf.length, open + MAX_VECTOR);
  let numeric = true;
  let digits = 0;
  let close = -1;
  for (let i = open + 1; i < limit; i++) {
    const c = buf[i]!;
    if (c === 93) {
      close = i;
      break;
    }
    if (c >= 48 && c <= 57) digits++;
    else if (!(c === 44 || c === 46 || c === 45 || c === 43 || c === 101 || c === 69 || c === SPACE || c === TAB || c === NL || c === CR || c === 0xe2 || c === 0x80 || c === 0xa6)) {
      numeric = false;
      if (i > lineEnd) break;
    }
  }
  if (numeric && close > 0 && digits > 0) {
    emit('vector', open, close + 1, buf.toString('utf8', open, close + 1));
    return;
  }
  // Strings on the same line: ["Tăng huyết áp", "Dị ứng Penicillin"]. A long list is an
  // enumeration (options, reference data: every ethnic group, every province), not a record.
  const items: Array<[number, number, number]> = [];
  let i = open + 1;
  for (;;) {
    while (i < lineEnd && (isSpace(buf[i]) || buf[i] === 44)) i++;
    const c = buf[i];
    if (c !== DQ && c !== SQ) break;
    const end = closingQuote(buf, i, lineEnd);
    if (end < 0) break;
    if (items.length === maxItems) return;
    items.push([i + 1, end, c]);
    i = end + 1;
  }
  if (buf[i] !== 93 && i < lineEnd) return;
  for (const [s, e, q] of items) emit('string', s, e, unescape(buf.toString('utf8', s, e), q));
}

/** SCREAMING_CASE with at least one letter run of 2+: the naming of constants. */
function isConstantName(buf: Buffer, s: number, e: number): boolean {
  let upper = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i]!;
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 0x80) return false;
  }
  return upper >= 2;
}

/** Does the line start (after indentation) with one of the comment markers? */
function isCommentLine(buf: Buffer, lineStart: number, keyStart: number, markers: readonly string[]): boolean {
  let i = lineStart;
  while (i < keyStart && isSpace(buf[i])) i++;
  for (const m of markers) {
    let k = 0;
    while (k < m.length && buf[i + k] === m.charCodeAt(k)) k++;
    if (k === m.length) return true;
  }
  return false;
}

export interface InlineOptions {
  bare: BareMode;
  /** Line-comment markers of the file's language ("#", "//", "--"): documentation, not data. */
  lineComments?: readonly string[];
  /** YAML: " #" starts a comment. */
  yaml?: boolean;
}

/** Every key/value entry whose key `want` accepts, in buffer order. */
export function scanInline(buf: Buffer, want: WantKey, opts: InlineOptions, out: KeyedValue[] = []): KeyedValue[] {
  let nextColon = buf.indexOf(COLON);
  let nextEq = buf.indexOf(EQ);
  while (nextColon >= 0 || nextEq >= 0) {
    let p: number;
    if (nextEq < 0 || (nextColon >= 0 && nextColon < nextEq)) {
      p = nextColon;
      nextColon = buf.indexOf(COLON, p + 1);
    } else {
      p = nextEq;
      nextEq = buf.indexOf(EQ, p + 1);
    }
    if (p === 0 || notASeparator(buf, p)) continue;
    const lineStart = lineStartOf(buf, p);
    const key = keyBefore(buf, p, lineStart);
    if (!key || !want(key.key)) continue;
    if (opts.lineComments && isCommentLine(buf, lineStart, key.start, opts.lineComments)) continue;
    // ETHNIC_GROUPS = [...], DEFAULT_PASSWORD = '…' in code: constants and reference data.
    if (opts.bare === 'code' && !key.label && isConstantName(buf, key.start, key.end)) continue;
    readValue(buf, p, lineStart, key, opts, out);
  }
  return out;
}

function readValue(buf: Buffer, p: number, lineStart: number, key: KeySpan, opts: InlineOptions, out: KeyedValue[]): void {
  const lineEnd = lineEndOf(buf, p);
  let v = p + 1;
  while (v < lineEnd && (isSpace(buf[v]) || buf[v] === 42)) v++;
  if (v >= lineEnd) return; // "key:" opens a block (YAML parent, object on the next line)
  const syntax = key.label ? 'label' : 'entry';
  const push = (kind: ValueKind, s: number, e: number, value: string) => {
    if (e > s) out.push({ key: key.key, value, start: s, end: e, keyStart: key.start, kind, syntax });
  };
  const c = buf[v]!;
  if (c === DQ || c === SQ || c === BT) {
    const end = closingQuote(buf, v, lineEnd);
    if (end < 0) return;
    push('string', v + 1, end, unescape(buf.toString('utf8', v + 1, end), c));
    return;
  }
  if (c === 91) {
    // In code a list under a key is more often a set of options than one person's values.
    arrayValues(buf, v, lineEnd, opts.bare === 'code' ? MAX_CODE_ARRAY_ITEMS : MAX_ARRAY_ITEMS, push);
    return;
  }
  if (c === 123 || c === 124 || (c === 62 && opts.yaml) || c === 38 || c === 40) return; // object, YAML block scalar/anchor, call
  // EMAIL_KEY=$(head -c 32 /dev/urandom): a shell command computes it, no value is written.
  if (c === 36 && buf[v + 1] === 40) return;
  let end: number;
  const quote = insideQuote(buf, lineStart, key.start);
  // "user.email:read", "repo:status" inside a string: a scope or URN token, not a key and its value.
  if (quote !== undefined && buf[p] === COLON && v === p + 1 && !key.label && buf[key.end] !== DQ && buf[key.end] !== SQ && buf[key.end] !== BT) return;
  if (buf[p] === EQ || (opts.bare === 'code' && quote === undefined)) {
    // A token: log/.env values end at whitespace, code values are expressions up to , ; } ).
    // key=<your-password>, key=${DB_PASSWORD}: the bracketed token runs to its closer.
    const closer = c === 60 ? 62 : c === 36 && buf[v + 1] === 123 ? 125 : -1;
    end = closer > 0 ? buf.indexOf(closer, v) + 1 : v;
    if (end <= v || end > lineEnd) end = v;
    while (end < lineEnd && end - v < MAX_BARE && !EQ_VALUE_END[buf[end]!]) end++;
  } else {
    // "Genetic test result released: RECIPIENT: …" — a heading before a field, not a field.
    if (key.label && nextLabelAt(buf, v, lineEnd)) return;
    end = bareEnd(buf, v, lineEnd, quote, opts.yaml ?? false);
  }
  const [s, e] = trimSpan(buf, v, end);
  let te = e;
  while (te > s && (buf[te - 1] === 44 || buf[te - 1] === 59)) te--;
  if (te <= s) return;
  const text = buf.toString('utf8', s, te);
  // After a label in prose, a long sentence is the text going on ("Sức khỏe: Bộ Y tế khuyến cáo
  // người dân …"), not a field's value.
  if (key.label && wordCount(text) > MAX_LABEL_VALUE_WORDS) return;
  const kind = scalarKind(text);
  if (kind === 'bare') {
    if (opts.bare === 'none') return;
    // In code an unquoted value is an expression (req.body.password, hashed, z.string()), unless
    // the whole "Label: value" sits inside a string literal.
    if (opts.bare === 'code' && quote === undefined) return;
  }
  push(kind, s, te, text);
}
