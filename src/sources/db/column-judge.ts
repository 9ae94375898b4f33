/**
 * Decides what a column holds from five signals (issue 4, "Classification"), each step written to
 * `explain` so that --explain shows the reasoning:
 *
 *   name            the identifier classifier on the column name (owner = the table)
 *   match ratio     share of non-null sampled values in which a detector found the category
 *   validator rate  share of those matches whose checksum/structure validator passed
 *   distinct        an identifier column with 1-3 distinct values is a placeholder or the
 *                   organisation's own number, not its customers'
 *   null ratio      few non-null values mean weak evidence either way
 *
 * Scores use the engine's scale (≥0.8 high, ≥0.6 medium, ≥0.4 low). Values alone start from the
 * match ratio; a name that agrees adds to it; a name alone counts at its own confidence, less when
 * enough values were sampled and none looks like the category (for categories whose values
 * detectors recognise on their own). Sparse columns (a notes column where 2% of values hold a CCCD)
 * stay reported, capped at low/medium. Columns whose values are hashes, ciphertext or masks are
 * recorded as a protection measure and, if the name says what they protect, reported at low.
 */
import type { Match } from '../../classify/engine.js';
import { confidenceFromScore, type Confidence } from '../../model/finding.js';
import { orderCategories, type Regime } from '../../model/categories.js';
import type { OwnerKind } from '../../classify/names.js';
import type { NameSignal } from './name-signal.js';
import type { ColumnProtection } from './protection.js';
import type { ImageFormat } from './images.js';
import { holds } from '../../rules/meta/db.js';

/** Categories whose values detectors recognise without a label; silence from them means something. */
export const VALUE_DETECTABLE = new Set([
  'phone',
  'digital-account',
  'national-id',
  'passport',
  'tax-id',
  'social-insurance',
  'health-insurance',
  'financial',
  'online-activity',
  'license-plate',
  'driver-license',
]);

const NAME_SCORE: Record<Confidence, number> = { high: 0.8, medium: 0.65, low: 0.45 };
const NAME_BONUS: Record<Confidence, number> = { high: 0.25, medium: 0.15, low: 0.1 };

export interface CategoryEvidence {
  category: string;
  /** Non-null values in which the category was found. */
  matched: number;
  /** Of those, values where a validator ran and passed / failed. */
  validatorPassed: number;
  validatorFailed: number;
  /** Sum of the best engine score per matched value. */
  scoreSum: number;
  /** Highest-scoring match (its value is the example shown, masked). */
  best?: Match;
}

export interface ColumnFacts {
  /** `"khach_hang"."so_cccd"` or `"orders"."data" → lien_he.sdt`. */
  display: string;
  rows: number;
  nonNull: number;
  /** Non-null values that went through the detectors (all of them, or enough for dense columns). */
  checked?: number;
  distinct: number;
  /** When set, `distinct` was counted over only this many (the first) non-null values. */
  distinctOf?: number;
  /** True when values were read and classified (false for skipped types and binary columns). */
  valuesChecked: boolean;
  name?: NameSignal;
  ownerKind: OwnerKind;
  owner: string;
  evidence: Map<string, CategoryEvidence>;
  protection?: ColumnProtection;
  images?: { ratio: number; format: ImageFormat };
  /** An example raw value when only the name speaks (reporters mask it). */
  example?: string;
  /** Nearly all values are distinct record codes (BN000123, UUIDs): the column is a key. */
  keyLike?: boolean;
}

export interface CategoryVerdict {
  category: string;
  score: number;
  confidence: Confidence;
  matchRatio: number;
  validatorPassRate?: number;
  explain: string[];
  example?: string;
  source: 'values' | 'name' | 'name+values' | 'image' | 'protection';
}

export interface ColumnVerdict {
  /** Most sensitive first (Finding.category / categories). */
  categories: CategoryVerdict[];
  /** Lines common to every category (counts, protection...). */
  explain: string[];
  protection?: ColumnProtection;
  message: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const round = (x: number) => Math.round(x * 100) / 100;

function clampScore(x: number): number {
  return Math.max(0, Math.min(1, round(x)));
}

function finish(v: Omit<CategoryVerdict, 'confidence'>): CategoryVerdict | undefined {
  const score = clampScore(v.score);
  const confidence = confidenceFromScore(score);
  if (!confidence) return undefined;
  v.explain.push(`score ${score} → ${confidence} confidence`);
  return { ...v, score, confidence };
}

/** Values the ratios are computed over. */
const checkedOf = (f: ColumnFacts) => f.checked ?? f.nonNull;

function judgeValues(f: ColumnFacts, e: CategoryEvidence): CategoryVerdict | undefined {
  const checked = checkedOf(f);
  const ratio = checked ? e.matched / checked : 0;
  const avg = e.matched ? e.scoreSum / e.matched : 0;
  // One lone match among many values is noise unless the detector itself was sure.
  if (e.matched < 2 && !(checked <= 10 && e.matched === 1) && !(e.best && e.best.score >= 0.8)) return undefined;
  const explain: string[] = [];
  let score = ratio >= 0.8 ? 0.6 : ratio >= 0.5 ? 0.55 : ratio >= 0.2 ? 0.5 : 0.4;
  const of = checked < f.nonNull ? `${checked} values checked (of ${f.nonNull} non-null sampled)` : `${checked} non-null sampled values`;
  explain.push(`values: ${e.matched} of ${of} matched ${e.category} (${pct(ratio)}) → ${score}`);
  const detector = round((avg - 0.6) * 0.5);
  if (detector !== 0) {
    score += detector;
    explain.push(`detectors' average score ${round(avg)} (${detector > 0 ? '+' : ''}${detector})`);
  }
  let passRate: number | undefined;
  const ran = e.validatorPassed + e.validatorFailed;
  if (ran > 0) {
    passRate = e.validatorPassed / ran;
    const adj = passRate >= 0.9 ? 0.1 : passRate < 0.5 ? -0.1 : 0;
    score += adj;
    explain.push(`validator pass rate ${pct(passRate)} of ${ran} checked${adj ? ` (${adj > 0 ? '+' : ''}${adj})` : ''}`);
  }
  const name = f.name;
  if (name && name.category === e.category) {
    score += NAME_BONUS[name.confidence];
    explain.push(`column name agrees: ${name.reason} (+${NAME_BONUS[name.confidence]})`);
  }
  if (VALUE_DETECTABLE.has(e.category) && Math.min(f.nonNull, f.distinctOf ?? f.nonNull) >= 20 && f.distinct <= 3) {
    score -= 0.2;
    explain.push(`only ${f.distinct} distinct value${f.distinct === 1 ? '' : 's'}: a placeholder or the organisation's own number? (-0.2)`);
  }
  if (f.nonNull < 5) {
    score -= 0.1;
    explain.push(`only ${f.nonNull} non-null value${f.nonNull === 1 ? '' : 's'} sampled (-0.1)`);
  }
  if (ratio < 0.05 && score > 0.59) {
    score = 0.59;
    explain.push('sparse: under 5% of values, capped at low confidence');
  } else if (ratio < 0.2 && score > 0.79) {
    score = 0.79;
    explain.push('sparse: under 20% of values, capped at medium confidence');
  }
  if (f.ownerKind === 'non-person' && !(name && name.category === e.category) && score > 0.59) {
    score = 0.59;
    explain.push(`table "${f.owner}" is not about people: capped at low confidence`);
  }
  return finish({
    category: e.category,
    score,
    matchRatio: round(ratio),
    validatorPassRate: passRate === undefined ? undefined : round(passRate),
    explain,
    example: e.best?.value,
    source: name && name.category === e.category ? 'name+values' : 'values',
  });
}

function judgeNameOnly(f: ColumnFacts, name: NameSignal): CategoryVerdict | undefined {
  const explain = [`column name: ${name.reason} → ${NAME_SCORE[name.confidence]}`];
  let score = NAME_SCORE[name.confidence];
  const e = f.evidence.get(name.category);
  const checked = checkedOf(f);
  const ratio = checked && e ? e.matched / checked : 0;
  if (f.valuesChecked && VALUE_DETECTABLE.has(name.category) && checked >= 20 && ratio < 0.05) {
    score -= 0.2;
    explain.push(`but ${e?.matched ?? 0} of ${checked} sampled values look like ${holds(name.category)} (-0.2)`);
  } else if (f.keyLike && !VALUE_DETECTABLE.has(name.category)) {
    score -= 0.3;
    explain.push(`but the values are unique record codes (a key such as "${f.example ?? ''}"), not ${holds(name.category)} (-0.3)`);
  } else if (f.rows > 0 && f.nonNull === 0) {
    score -= 0.1;
    explain.push(`all ${f.rows} sampled values are empty (-0.1)`);
  } else if (e && e.matched > 0) {
    explain.push(`${e.matched} of ${checked} values matched (${pct(ratio)})`);
  }
  return finish({ category: name.category, score, matchRatio: round(ratio), explain, example: e?.best?.value ?? f.example, source: 'name' });
}

function judgeImages(f: ColumnFacts): CategoryVerdict | undefined {
  const img = f.images!;
  const name = f.name;
  const explain = [`values: ${pct(img.ratio)} of ${f.nonNull} non-null values are ${img.format.toUpperCase()} images (magic bytes)`];
  let category = 'personal-image';
  let score = 0.6;
  if (name && (name.category === 'id-document-image' || name.category === 'personal-image' || name.category === 'biometric')) {
    category = name.category;
    score += NAME_BONUS[name.confidence];
    explain.push(`column name: ${name.reason} (+${NAME_BONUS[name.confidence]})`);
  } else if (name && ['national-id', 'passport', 'driver-license', 'health-insurance', 'social-insurance'].includes(name.category)) {
    category = 'id-document-image';
    score += NAME_BONUS[name.confidence];
    explain.push(`column name is about an identity document (${name.term}): id-document-image (+${NAME_BONUS[name.confidence]})`);
  } else if (f.ownerKind === 'person') {
    explain.push(`table "${f.owner}" is about people`);
  } else {
    score = 0.45;
    explain.push('nothing in the column or table name says these are photos of people: low confidence');
  }
  return finish({ category, score, matchRatio: round(img.ratio), explain, source: 'image' });
}

function judgeProtected(f: ColumnFacts): CategoryVerdict | undefined {
  const p = f.protection!;
  const name = f.name;
  if (!name) return undefined;
  return finish({
    category: name.category,
    score: 0.45,
    matchRatio: 0,
    explain: [`column name: ${name.reason}`, `values are ${p.description} (${pct(p.ratio)}): recorded as a protection measure, not as plain data → low`],
    source: 'protection',
  });
}

/** All categories the column holds, most sensitive first; empty when it holds none. */
export function judgeColumn(f: ColumnFacts, regime: Regime): ColumnVerdict | undefined {
  const common: string[] = [];
  common.push(
    `${f.rows} rows sampled; ${f.nonNull} non-null (null ratio ${pct(f.rows ? 1 - f.nonNull / f.rows : 0)}); ${f.distinct} distinct${f.distinctOf ? ` among the first ${f.distinctOf}` : ''}`,
  );
  const verdicts: CategoryVerdict[] = [];
  if (f.protection) {
    const v = judgeProtected(f);
    if (v) verdicts.push(v);
    return verdicts.length ? build(f, verdicts, common, regime) : undefined;
  }
  if (f.images && f.images.ratio >= 0.5) {
    if (f.ownerKind === 'non-person' && !(f.name && (f.name.category === 'personal-image' || f.name.category === 'id-document-image'))) return undefined;
    const v = judgeImages(f);
    if (v) verdicts.push(v);
    return verdicts.length ? build(f, verdicts, common, regime) : undefined;
  }
  if (f.name?.protection) common.push(`the name says "${f.name.protection}" but the values do not look ${f.name.protection === 'hashing' ? 'hashed' : f.name.protection === 'encryption' ? 'encrypted' : 'masked'}`);

  const fromValues = new Map<string, CategoryVerdict>();
  for (const e of f.evidence.values()) {
    const v = judgeValues(f, e);
    if (v) fromValues.set(v.category, v);
  }
  const name = f.name;
  if (name) {
    const byValues = fromValues.get(name.category);
    const byName = judgeNameOnly(f, name);
    const best = [byValues, byName].filter((v): v is CategoryVerdict => !!v).sort((a, b) => b.score - a.score)[0];
    if (best) fromValues.set(name.category, best);
  }
  if (!fromValues.size) return undefined;

  // The best-supported category decides how much noise to tolerate in the others.
  const ranked = [...fromValues.values()].sort((a, b) => b.score - a.score || b.matchRatio - a.matchRatio);
  const primary = ranked[0]!;
  const strongPrimary = primary.matchRatio >= 0.5 || primary.source === 'name+values';
  for (const v of ranked) {
    if (v !== primary) {
      if (strongPrimary && v.source !== 'name' && v.matchRatio < 0.1) continue;
      // A contradicted name loses to values that explain the column.
      if (v.source === 'name' && VALUE_DETECTABLE.has(v.category) && f.valuesChecked && checkedOf(f) >= 20 && v.matchRatio < 0.05 && primary.matchRatio >= 0.5) continue;
    }
    verdicts.push(v);
  }
  return build(f, verdicts, common, regime);
}

function build(f: ColumnFacts, verdicts: CategoryVerdict[], common: string[], regime: Regime): ColumnVerdict {
  const order = orderCategories(
    verdicts.map((v) => v.category),
    regime,
  );
  const sorted = order.map((c) => verdicts.find((v) => v.category === c)!);
  return { categories: sorted, explain: common, protection: f.protection, message: messageFor(f, sorted) };
}

function messageFor(f: ColumnFacts, verdicts: CategoryVerdict[]): string {
  const top = verdicts[0]!;
  const what = verdicts.map((v) => holds(v.category));
  const list = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}` : what[0]!;
  if (top.source === 'protection') return `Column ${f.display} holds ${list}, protected: ${f.protection!.description} (${pct(f.protection!.ratio)} of ${f.nonNull} sampled values)`;
  if (top.source === 'image') return `Column ${f.display} holds ${list} (${pct(top.matchRatio)} of ${f.nonNull} sampled values are images)`;
  if (top.source === 'name' && top.matchRatio === 0) {
    return f.nonNull ? `Column ${f.display} is named for ${list} (${f.nonNull} sampled values)` : `Column ${f.display} is named for ${list} (no values in the sample)`;
  }
  const checked = checkedOf(f);
  const of = checked < f.nonNull ? `${f.nonNull} sampled values; ${checked} checked` : `${f.nonNull} sampled values`;
  return `Column ${f.display} holds ${list} (${pct(top.matchRatio)} of ${of})`;
}
