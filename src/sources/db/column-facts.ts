/**
 * From one column's sampled values to the facts the judge needs: counts, detector matches per
 * category (values classified in batches, the column name as context), protection shapes and
 * image signatures. Knows nothing about SQL.
 */
import type { Classifier, Match } from '../../classify/engine.js';
import type { OwnerKind } from '../../classify/names.js';
import type { ValueKind } from './types.js';
import type { ColumnFacts } from './column-judge.js';
import type { NameSignal } from './name-signal.js';
import { classifyMany } from './batch-classify.js';
import { columnProtection, protectionOfBinary, protectionOfValue, type ProtectionGuess } from './protection.js';
import { bytesOf, imageFormat, imageFormatOfText, type ImageFormat } from './images.js';
import { displayText, valueTexts } from './values.js';

export interface ColumnInput {
  display: string;
  kind: ValueKind;
  /** One entry per occurrence (per row, or per array element for JSON paths); nulls included. */
  values: unknown[];
  /** Rows sampled (denominator of the null ratio). */
  rows: number;
  /** Hint words for the classifier: the column name, or the path keys of a JSON field. */
  hint: string;
  name?: NameSignal;
  owner: string;
  ownerKind: OwnerKind;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const validatorPassed = (m: Match) => m.explain.some((e) => e.startsWith('validator ') && e.includes(' passed'));
const validatorFailed = (m: Match) => m.explain.some((e) => e.startsWith('validator ') && e.includes(' failed'));

export function columnFacts(input: ColumnInput, classifier: Classifier): ColumnFacts {
  const present = input.values.filter((v) => !isEmpty(v));
  const nonNull = present.length;
  const distinctSet = new Set<string>();
  const facts: ColumnFacts = {
    display: input.display,
    rows: input.rows,
    nonNull,
    distinct: 0,
    valuesChecked: false,
    name: input.name,
    owner: input.owner,
    ownerKind: input.ownerKind,
    evidence: new Map(),
  };

  if (input.kind === 'binary') {
    const formats = new Map<ImageFormat, number>();
    const guesses: Array<ProtectionGuess | undefined> = [];
    for (const v of present) {
      const b = bytesOf(v);
      if (!b) continue;
      distinctSet.add(Buffer.from(b).toString('base64'));
      const f = imageFormat(b);
      if (f) formats.set(f, (formats.get(f) ?? 0) + 1);
      guesses.push(f ? undefined : protectionOfBinary(b));
    }
    facts.distinct = distinctSet.size;
    setImages(facts, formats, nonNull);
    if (!facts.images) facts.protection = columnProtection(guesses, nonNull);
    return facts;
  }

  const distinctOver = present.length > DISTINCT_SAMPLE ? present.slice(0, DISTINCT_SAMPLE) : present;
  for (const v of distinctOver) {
    const t = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : v instanceof Date ? String(v.getTime()) : displayText(v);
    if (t !== undefined) distinctSet.add(t.length > 256 ? t.slice(0, 256) : t);
  }
  facts.distinct = distinctSet.size;
  if (distinctOver.length < present.length) facts.distinctOf = distinctOver.length;
  facts.example = present.length ? displayText(present[0]) : undefined;
  if (input.kind === 'skip') {
    facts.example = undefined;
    return facts;
  }
  facts.keyLike = looksLikeKeys(distinctOver, facts.distinct);

  // Protection and images are properties of the column: judged on the first values of the (random) sample.
  const shapes = present.slice(0, SHAPE_SAMPLE);
  const formats = new Map<ImageFormat, number>();
  const guesses: Array<ProtectionGuess | undefined> = [];
  for (const v of shapes) {
    const first = typeof v === 'string' ? v : valueTexts(v, input.kind)[0];
    if (first === undefined) continue;
    const img = imageFormatOfText(first);
    if (img) formats.set(img, (formats.get(img) ?? 0) + 1);
    guesses.push(img ? undefined : protectionOfValue(first));
  }
  setImages(facts, formats, shapes.length);
  if (facts.images && facts.images.ratio >= 0.5) return facts;
  facts.protection = columnProtection(guesses, shapes.length);
  if (facts.protection && facts.protection.kind !== 'masking') return facts;

  facts.valuesChecked = true;
  classifyValues(facts, present, input, classifier);
  // Masked values are evidence of masking only when nothing personal shows through them.
  if (facts.protection?.kind === 'masking' && facts.evidence.size) facts.protection = undefined;
  return facts;
}

/** Values whose shape (hash, ciphertext, mask, image) is checked: the share is all that matters. */
const SHAPE_SAMPLE = 1000;
/** Distinct values are counted over this many values (hashing every string of a big sample costs). */
const DISTINCT_SAMPLE = 2000;

/** Record codes (BN000123, KH-0042, a UUID): what a primary or foreign key holds, not a description. */
const CODE = /^(?:[A-Za-z]{1,5}[-_.]?\d{3,}|[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})$/i;

function looksLikeKeys(present: unknown[], distinct: number): boolean {
  if (present.length < 20 || distinct < present.length * 0.9) return false;
  let codes = 0;
  for (const v of present) if (typeof v === 'string' && v.length <= 40 && CODE.test(v.trim())) codes++;
  return codes >= present.length * 0.95;
}

/** Values classified per round; the sample is already in random order. */
const CHUNK = 50;
/**
 * Detector matches are what cost time (every candidate pattern, validator and context check: up
 * to a millisecond per address), so a column whose values mostly match stops being classified
 * once its match ratio is known well enough: after 50 values if ≥ 90% matched (the ratio is then
 * above 80% with 95% confidence), otherwise once 150 values matched and 300 were checked (about
 * ±5%). Columns where matches are rare (sparse notes) cost little per value and are classified in
 * full, so that a 2% minority is still seen; a column where 1,000 values matched nothing at all
 * (timestamps, amounts: candidates that every validator rejects still cost) stops there: a
 * category present in 0.3% of values would have shown with 95% probability.
 */
export const EARLY_STOP = { clearAfter: 50, clearRatio: 0.9, matched: 150, checked: 300, nothingAfter: 1000 } as const;

function classifyValues(facts: ColumnFacts, present: unknown[], input: ColumnInput, classifier: Classifier): void {
  // Repeated values (statuses, boilerplate notes) are classified once.
  const cache = new Map<string, Match[]>();
  let matchedValues = 0;
  let checked = 0;
  for (let at = 0; at < present.length; at += CHUNK) {
    const chunk = present.slice(at, at + CHUNK);
    const spellings = chunk.map((v) => valueTexts(v, input.kind));
    const fresh = [...new Set(spellings.flat().filter((t) => !cache.has(t)))];
    const results = classifyMany(classifier, fresh, input.hint);
    fresh.forEach((t, i) => cache.set(t, results[i]!));
    for (const texts of spellings) {
      checked++;
      // The best match of each category over all spellings of the value.
      const cats = new Map<string, Match>();
      for (const t of texts) {
        for (const m of cache.get(t) ?? []) {
          const prev = cats.get(m.category);
          if (!prev || m.score > prev.score) cats.set(m.category, m);
        }
      }
      if (cats.size) matchedValues++;
      for (const [category, m] of cats) {
        let e = facts.evidence.get(category);
        if (!e) facts.evidence.set(category, (e = { category, matched: 0, validatorPassed: 0, validatorFailed: 0, scoreSum: 0 }));
        e.matched++;
        e.scoreSum += m.score;
        if (validatorPassed(m)) e.validatorPassed++;
        else if (validatorFailed(m)) e.validatorFailed++;
        if (!e.best || m.score > e.best.score) e.best = m;
      }
    }
    if (checked >= EARLY_STOP.clearAfter && matchedValues >= checked * EARLY_STOP.clearRatio) break;
    if (matchedValues >= EARLY_STOP.matched && checked >= EARLY_STOP.checked) break;
    if (matchedValues === 0 && checked >= EARLY_STOP.nothingAfter) break;
  }
  facts.checked = checked;
}

function setImages(facts: ColumnFacts, formats: Map<ImageFormat, number>, nonNull: number): void {
  let total = 0;
  let top: ImageFormat | undefined;
  let topN = 0;
  for (const [f, n] of formats) {
    total += n;
    if (n > topN) {
      top = f;
      topN = n;
    }
  }
  if (top && nonNull) facts.images = { ratio: total / nonNull, format: top };
}
