/**
 * Last line of defence against raw personal values in an inventory. The inventory is built
 * from categories, identifiers and locations only, but evidence descriptions and names come
 * from other modules; if one of them ever carries a value a scan found, it is masked here.
 * Only values that cannot collide with ordinary words are checked: those with at least four
 * digits or an "@" (IDs, phone numbers, cards, e-mail addresses). A value like "Nam" (a gender)
 * would otherwise mangle "Việt Nam" in the legal text.
 */
import type { ScanResult } from '../../model/result.js';
import { maskValue } from '../mask.js';

const STRONG = /\d{4}|@/;
const MAX_VALUES = 20_000;

export function strongValues(results: ScanResult[]): string[] {
  const set = new Set<string>();
  for (const r of results) {
    for (const f of r.findings) {
      const v = f.value?.trim();
      if (v && v.length >= 6 && STRONG.test(v)) set.add(v);
      if (set.size >= MAX_VALUES) break;
    }
  }
  // Longest first, so that a value containing another is masked whole.
  return [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** A deep copy with every occurrence of the values masked in every string. */
export function scrubValues<T>(data: T, values: string[]): T {
  if (!values.length) return data;
  const map = (x: unknown): unknown => {
    if (typeof x === 'string') {
      if (!/\d|@/.test(x)) return x;
      let s = x;
      for (const v of values) if (s.includes(v)) s = s.split(v).join(maskValue(v));
      return s;
    }
    if (Array.isArray(x)) return x.map(map);
    if (x && typeof x === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x)) out[k] = map(v);
      return out;
    }
    return x;
  };
  return map(data) as T;
}
