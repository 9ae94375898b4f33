/**
 * Database values → text for the classifier. Whole numbers get extra spellings because a phone or
 * an ID stored in a numeric column has lost its leading zeros and its "+": 912345678 was
 * 0912345678, 1090012345 was the CCCD 001090012345, 84912345678 was +84 912 345 678.
 */
import { scalarType } from './flatten.js';
import type { ValueKind } from './types.js';

/** Longest text classified per value; free-text columns keep their first few kilobytes. */
export const MAX_TEXT = 4096;

/** Spellings of a whole number that a phone/ID detector may recognise; the number itself first; none for short numbers. */
export function integerCandidates(digits: string): string[] {
  const d = digits.replace(/^[+]/, '');
  if (!/^\d+$/.test(d)) return [digits];
  // Short whole numbers are counters, amounts, years and keys, never phones or identifiers.
  if (d.length < 8) return [];
  const out = [d];
  if (d.startsWith('0')) return out;
  if (d.length >= 8 && d.length <= 10) out.push(`0${d}`); // mobile (9 digits) or landline (10) without its 0
  if (d.length >= 9 && d.length <= 11) out.push(d.padStart(12, '0')); // CCCD whose province code began with 0
  if (d.length === 11 && d.startsWith('84')) out.push(`+${d}`); // phone with country code
  return [...new Set(out)];
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Text spellings of one value (empty when there is nothing to classify). */
export function valueTexts(v: unknown, kind: ValueKind): string[] {
  if (v === null || v === undefined) return [];
  if (kind === 'skip' || kind === 'binary') return [];
  const t = scalarType(v);
  if (t === 'binary' || t === 'boolean' || t === 'objectid' || t === 'minkey' || t === 'maxkey') return [];
  if (t === 'date') return [dateText(v as Date)].filter(Boolean);
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'bigint') s = String(v);
  else if (t === 'long' || t === 'int32' || t === 'double' || t === 'decimal128') s = String((v as { toString(): string }).toString());
  else if (t === 'object') s = JSON.stringify(v);
  else s = String(v);
  s = s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s;
  if (!s.trim()) return [];
  const isWhole = kind === 'integer' || t === 'integer' || t === 'long' || t === 'int32' || (t === 'decimal128' && /^\d+$/.test(s));
  return isWhole && /^\+?\d+$/.test(s.trim()) ? integerCandidates(s.trim()) : [s];
}

/** The value as it should be shown (masked by reporters) when it is the example of a finding. */
export function displayText(v: unknown): string | undefined {
  const texts = valueTexts(v, 'text');
  const s = texts[0];
  if (s === undefined) return undefined;
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** Kind of a MongoDB field path, from the scalar types seen in the sample. */
export function kindFromTypes(types: Set<string>): ValueKind {
  const t = [...types].filter((x) => x !== 'null');
  if (t.length === 0) return 'skip';
  if (t.every((x) => x === 'binary')) return 'binary';
  if (t.every((x) => x === 'boolean' || x === 'objectid' || x === 'minkey' || x === 'maxkey' || x === 'regexp' || x === 'code')) return 'skip';
  if (t.every((x) => x === 'integer' || x === 'long' || x === 'int32')) return 'integer';
  if (t.every((x) => x === 'number' || x === 'double' || x === 'decimal128' || x === 'integer' || x === 'long' || x === 'int32')) return 'number';
  return 'text';
}
