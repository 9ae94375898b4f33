/**
 * How many rows to read and how, decided from the catalog's row estimate only, so that the cost
 * of a sample does not grow with the size of the table (issue 4, "Sampling"). Pure functions:
 * the connectors turn a plan into SQL or driver calls.
 */

/** Read everything when the table is at most this many times the sample. */
export const READ_ALL_FACTOR = 1;
/**
 * Row-level random sampling (BERNOULLI, a $rand filter) visits every row; allow it while the table
 * is small enough that this costs about as much as the sample itself.
 */
export const ROW_SAMPLING_MAX_FACTOR = 20;
/** Ask for more than needed so that sampling noise rarely leaves us short. */
export const OVERSAMPLE = 1.5;

export type PgPlan =
  | { method: 'all' }
  | { method: 'bernoulli' | 'system'; percent: number };

/** Current row count estimate, adjusted for growth since the last ANALYZE like the planner does. */
export function pgRowEstimate(reltuples: number, relpages: number, currentPages: number): number {
  if (reltuples < 0) return -1; // never analyzed
  if (relpages > 0 && currentPages > 0) return Math.round((reltuples / relpages) * currentPages);
  return reltuples === 0 && currentPages > 0 ? -1 : reltuples;
}

/** `estimatedRows` must be known (≥ 0): the connector counts or probes tables never analyzed. */
export function pgPlan(estimatedRows: number, sampleSize: number): PgPlan {
  if (estimatedRows <= sampleSize * READ_ALL_FACTOR) return { method: 'all' };
  const percent = clampPercent((sampleSize / estimatedRows) * 100 * OVERSAMPLE);
  return { method: estimatedRows <= sampleSize * ROW_SAMPLING_MAX_FACTOR ? 'bernoulli' : 'system', percent };
}

/** The next, larger percentage when a sample came back short (sampling noise or a stale estimate). */
export function topUpPercent(percent: number, got: number, wanted: number): number {
  const ratio = got > 0 ? wanted / got : 4;
  return clampPercent(percent * Math.min(8, Math.max(1.5, ratio * 1.2)));
}

function clampPercent(p: number): number {
  return Math.min(100, Math.max(0.0001, Math.round(p * 10000) / 10000));
}

/**
 * MySQL has no TABLESAMPLE. With an integer key we read `ranges` short index ranges starting at
 * random points between min and max: each is an index seek plus a few rows, whatever the size.
 */
export function randomIntStarts(min: number, max: number, count: number, random: () => number): number[] {
  const span = max - min + 1;
  const starts = new Set<number>();
  // Stratified: one random point per slice, so the ranges spread over the whole key space.
  for (let i = 0; i < count; i++) {
    const lo = min + Math.floor((span * i) / count);
    const hi = min + Math.floor((span * (i + 1)) / count);
    starts.add(lo + Math.floor(random() * Math.max(1, hi - lo)));
  }
  return [...starts].sort((a, b) => a - b);
}

const DIGITS = '0123456789';
const HEX = '0123456789abcdef';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The same for string keys (codes, UUIDs): random strings between min and max, interpolated on the
 * part after their common prefix, in the alphabet the keys use (digits for BN000123-style codes,
 * hex for UUIDs, letters and digits otherwise), so the ranges land among real keys.
 */
export function randomStringStarts(min: string, max: string, count: number, random: () => number): string[] {
  let prefix = 0;
  while (prefix < min.length && prefix < max.length && min[prefix] === max[prefix]) prefix++;
  const head = min.slice(0, prefix);
  const width = Math.min(6, Math.max(1, min.length - prefix, max.length - prefix));
  const a = min.slice(prefix, prefix + width);
  const b = max.slice(prefix, prefix + width);
  const alphabet = /^\d*$/.test(a + b) ? DIGITS : /^[0-9a-f]*$/.test(a + b) ? HEX : ALNUM;
  const base = alphabet.length;
  const toNum = (s: string, pad: string) => {
    let n = 0;
    for (let i = 0; i < width; i++) {
      const ch = i < s.length ? s[i]! : pad;
      const k = alphabet.indexOf(ch);
      n = n * base + (k >= 0 ? k : alphabet.split('').filter((c) => c < ch).length);
    }
    return n;
  };
  const lo = toNum(a, alphabet[0]!);
  const hi = Math.max(lo, toNum(b, alphabet[base - 1]!));
  const out = new Set<string>();
  for (let i = 0; i < count; i++) {
    const x = lo + ((hi - lo) * i) / count;
    const y = lo + ((hi - lo) * (i + 1)) / count;
    let n = Math.floor(x + random() * Math.max(1, y - x));
    let tail = '';
    for (let k = 0; k < width; k++) {
      tail = alphabet[n % base]! + tail;
      n = Math.floor(n / base);
    }
    out.add(head + tail);
  }
  return [...out].sort();
}

/**
 * MongoDB: `$sample` uses a random cursor only when the sample is under 5% of the collection
 * (otherwise it sorts everything in memory). Above that, read a few windows at random offsets.
 */
export type MongoPlan = { method: 'all' } | { method: 'sample' } | { method: 'windows'; windows: Array<{ skip: number; limit: number }> };

export function mongoPlan(count: number, sampleSize: number, random: () => number, windowCount = 10): MongoPlan {
  if (count <= sampleSize) return { method: 'all' };
  if (sampleSize < count * 0.05) return { method: 'sample' };
  const per = Math.ceil(sampleSize / windowCount);
  const slice = count / windowCount;
  const windows: Array<{ skip: number; limit: number }> = [];
  for (let i = 0; i < windowCount; i++) {
    const start = Math.floor(i * slice);
    const room = Math.max(0, Math.floor(slice) - per);
    windows.push({ skip: start + Math.floor(random() * (room + 1)), limit: per });
  }
  return { method: 'windows', windows };
}

/** Deterministic PRNG (mulberry32): repeated scans of the same data pick the same rows. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable seed per table so that two runs sample the same rows. */
export function seedFor(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
