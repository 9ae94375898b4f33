/**
 * The object that owns a key in indented text (YAML, pretty-printed JSON, JS/TS literals): the
 * key of the nearest line above with less indentation. `customers:\n  - name: …` → customers,
 * `"product": {\n  "name": …` → product, `const employees = [\n  { name: … }` → employees.
 * Used only for keys whose category depends on the owner (name, address, image…).
 */
const NL = 10;
const MAX_LINES = 24;
const MAX_LINE = 512;

function indentOf(buf: Buffer, s: number, e: number): number {
  let i = s;
  while (i < e && (buf[i] === 32 || buf[i] === 9)) i++;
  // A YAML list item's keys sit after "- ": count the dash as indentation.
  while (i < e && buf[i] === 45 && (buf[i + 1] === 32 || buf[i + 1] === 9)) {
    i += 2;
    while (i < e && (buf[i] === 32 || buf[i] === 9)) i++;
  }
  return i === e ? -1 : i - s;
}

// Run on one line of at most MAX_LINE characters; no nested quantifiers, so no backtracking blow-up.
/** `customer:`, `"patient": {`, `- items: [` */
const BLOCK_KEY = /^\s*(?:-\s+)?["'`]?([\p{L}_$][\p{L}\p{N}_$-]*)["'`]?\s*:\s*[[{]?\s*$/u;
/** `const employees = [`, `export const users: User[] = [`, `patients = {` */
const ASSIGNED = /([\p{L}_$][\p{L}\p{N}_$]*)\s*(?::[^=\n]*)?=\s*[[{(]\s*$/u;

/** The key a line opens a block with, if it does. */
function openerKey(buf: Buffer, s: number, e: number): string | undefined {
  if (e - s > MAX_LINE) return undefined;
  // Only a line ending with an opener can own the lines below it: check that before any regex.
  let last = e - 1;
  while (last >= s && (buf[last] === 32 || buf[last] === 9 || buf[last] === 13)) last--;
  const c = buf[last];
  if (c !== 58 && c !== 123 && c !== 91 && c !== 40) return undefined;
  if (c !== 58) {
    // `{` / `[` / `(` open a block only after `key:` or `name =` on the same line.
    const sep = buf.indexOf(61, s);
    const colon = buf.indexOf(58, s);
    if ((sep < 0 || sep > last) && (colon < 0 || colon > last)) return undefined;
  }
  const line = buf.toString('utf8', s, e).replace(/\r$/, '');
  return BLOCK_KEY.exec(line)?.[1] ?? ASSIGNED.exec(line)?.[1];
}

/** Start of the line holding byte `pos` (Buffer.lastIndexOf reads a negative offset from the end). */
function lineStartOf(buf: Buffer, pos: number): number {
  return pos <= 0 ? 0 : buf.lastIndexOf(NL, pos - 1) + 1;
}

export function ownerAt(buf: Buffer, keyStart: number): string | undefined {
  let lineStart = lineStartOf(buf, keyStart);
  let lineEnd = buf.indexOf(NL, keyStart);
  if (lineEnd < 0) lineEnd = buf.length;
  let want = indentOf(buf, lineStart, lineEnd);
  if (want <= 0) return undefined;
  for (let n = 0; n < MAX_LINES && lineStart > 0; n++) {
    lineEnd = lineStart - 1;
    lineStart = lineStartOf(buf, lineEnd);
    const ind = indentOf(buf, lineStart, lineEnd);
    if (ind < 0 || ind >= want) continue;
    const key = openerKey(buf, lineStart, lineEnd);
    if (key) return key;
    want = ind;
    if (want === 0) return undefined;
  }
  return undefined;
}
