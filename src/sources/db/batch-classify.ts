/**
 * Classify many short values (one column's sample) in a few classifier calls instead of one call
 * per value: values are joined with a blank separator wider than any rule's context window, so
 * one value's words never act as context (or negative context) for its neighbour. A match that
 * still runs across a separator (a `\s+` in some pattern) sends the values it touches back to be
 * classified one by one, which gives exactly the single-value result.
 */
import type { Classifier, Match } from '../../classify/engine.js';

/** Bytes per classifier call: big enough to amortise the call, small enough for the cache. */
const CHUNK_BYTES = 2 * 1024 * 1024;

function separatorFor(classifier: Classifier): Buffer {
  let width = 0;
  for (const r of classifier.rules) width = Math.max(width, r.ctxBefore, r.ctxAfter, r.negBefore, r.negAfter);
  // Blank lines: whitespace is a boundary for every pattern and adds no context words.
  return Buffer.from(`\n${' '.repeat(Math.min(4096, width + 2))}\n`, 'utf8');
}

const separators = new WeakMap<Classifier, Buffer>();

/** Matches for each text, in the same order as `texts`. */
export function classifyMany(classifier: Classifier, texts: readonly string[], hint?: string): Match[][] {
  const out: Match[][] = texts.map(() => []);
  let sep = separators.get(classifier);
  if (!sep) {
    sep = separatorFor(classifier);
    separators.set(classifier, sep);
  }
  let i = 0;
  while (i < texts.length) {
    const parts: Buffer[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const index: number[] = [];
    let size = 0;
    while (i < texts.length && (size < CHUNK_BYTES || parts.length === 0)) {
      const b = Buffer.from(texts[i]!.normalize('NFC'), 'utf8');
      if (b.length > 0) {
        if (parts.length) {
          parts.push(sep);
          size += sep.length;
        }
        starts.push(size);
        parts.push(b);
        size += b.length;
        ends.push(size);
        index.push(i);
      }
      i++;
    }
    if (!parts.length) continue;
    const buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    const matches = classifier.classifyBuffer(buf, hint ? { hint } : {});
    const dirty = new Set<number>();
    for (const m of matches) {
      const k = itemAt(starts, m.start);
      if (k < 0) continue;
      if (m.end > ends[k]!) {
        dirty.add(k);
        const k2 = itemAt(starts, m.end - 1);
        if (k2 >= 0) dirty.add(k2);
        continue;
      }
      out[index[k]!]!.push(m);
    }
    for (const k of dirty) {
      const t = index[k]!;
      out[t] = classifier.classifyText(texts[t]!, hint ? { hint } : {});
    }
  }
  return out;
}

/** Index of the last item starting at or before `offset` (-1 if none). */
function itemAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}
