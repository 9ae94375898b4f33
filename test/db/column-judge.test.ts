/**
 * The column decision from its five signals, on synthetic facts (no database, no rule packs).
 */
import { describe, expect, test } from 'vitest';
import { judgeColumn, type CategoryEvidence, type ColumnFacts } from '../../src/sources/db/column-judge.js';
import type { NameSignal } from '../../src/sources/db/name-signal.js';
import type { Match } from '../../src/classify/engine.js';

function name(category: string, confidence: 'high' | 'medium' | 'low' = 'high', extra: Partial<NameSignal> = {}): NameSignal {
  return { category, confidence, term: category, reason: `name matches "${category}"`, owner: 'person', identifier: 'col', ...extra };
}

function ev(category: string, matched: number, opts: { passed?: number; failed?: number; score?: number } = {}): CategoryEvidence {
  const score = opts.score ?? 0.9;
  const best: Match = { ruleId: 'r', category, start: 0, end: 1, value: 'v', score, confidence: 'high', explain: [] };
  return { category, matched, validatorPassed: opts.passed ?? 0, validatorFailed: opts.failed ?? 0, scoreSum: score * matched, best };
}

function facts(over: Partial<ColumnFacts> & { evidence?: Map<string, CategoryEvidence> }): ColumnFacts {
  return {
    display: '"t"."c"',
    rows: 1000,
    nonNull: 1000,
    distinct: 1000,
    valuesChecked: true,
    owner: 't',
    ownerKind: 'unknown',
    evidence: new Map(),
    ...over,
  };
}

const evidence = (...e: CategoryEvidence[]) => new Map(e.map((x) => [x.category, x]));

describe('values and name together', () => {
  test('a named CCCD column whose values validate is high, with the reasoning', () => {
    const v = judgeColumn(facts({ name: name('national-id'), evidence: evidence(ev('national-id', 920, { passed: 920 })) }), 'pdpl-2025')!;
    expect(v.categories.map((c) => [c.category, c.confidence])).toEqual([['national-id', 'high']]);
    expect(v.message).toBe('Column "t"."c" holds citizen ID numbers (CCCD/CMND) (92% of 1000 sampled values)');
    const why = v.categories[0]!.explain.join('\n');
    expect(why).toMatch(/920 of 1000 non-null sampled values matched national-id \(92%\)/);
    expect(why).toMatch(/validator pass rate 100%/);
    expect(why).toMatch(/column name agrees/);
    expect(v.explain.join('\n')).toMatch(/null ratio 0%.*1000 distinct/);
  });

  test('values alone (cryptic column name) are enough for a dense column', () => {
    const v = judgeColumn(facts({ evidence: evidence(ev('phone', 990, { passed: 990 })) }), 'pdpl-2025')!;
    expect(v.categories[0]).toMatchObject({ category: 'phone', confidence: 'high', source: 'values' });
  });

  test('a failing validator lowers confidence', () => {
    const good = judgeColumn(facts({ evidence: evidence(ev('national-id', 900, { passed: 900, score: 0.7 })) }), 'pdpl-2025')!;
    const bad = judgeColumn(facts({ evidence: evidence(ev('national-id', 900, { failed: 900, score: 0.7 })) }), 'pdpl-2025')!;
    expect(good.categories[0]!.score).toBeGreaterThan(bad.categories[0]!.score);
    expect(bad.categories[0]!.validatorPassRate).toBe(0);
  });
});

describe('sparse columns', () => {
  test('2% CCCD in a notes column is still reported, at low confidence', () => {
    const v = judgeColumn(facts({ evidence: evidence(ev('national-id', 20, { passed: 20, score: 1 })) }), 'pdpl-2025')!;
    expect(v.categories[0]).toMatchObject({ category: 'national-id', confidence: 'low', matchRatio: 0.02 });
    expect(v.categories[0]!.explain.join('\n')).toMatch(/sparse/);
  });

  test('one lone weak match among many values is noise', () => {
    expect(judgeColumn(facts({ evidence: evidence(ev('phone', 1, { score: 0.6 })) }), 'pdpl-2025')).toBeUndefined();
  });

  test('a 10% minority is capped at medium', () => {
    const v = judgeColumn(facts({ name: undefined, evidence: evidence(ev('phone', 100, { passed: 100, score: 1 })) }), 'pdpl-2025')!;
    expect(v.categories[0]!.confidence).toBe('medium');
  });
});

describe('name only', () => {
  test('categories that detectors cannot see in bare values rely on the name (gender, ethnicity)', () => {
    const v = judgeColumn(facts({ name: name('ethnicity'), distinct: 4, example: 'Kinh' }), 'pdpl-2025')!;
    expect(v.categories[0]).toMatchObject({ category: 'ethnicity', confidence: 'high', source: 'name', example: 'Kinh' });
    expect(v.message).toBe('Column "t"."c" is named for ethnic origins (1000 sampled values)');
  });

  test('a phone-named column whose values are not phones drops a level', () => {
    const v = judgeColumn(facts({ name: name('phone') }), 'pdpl-2025')!;
    expect(v.categories[0]).toMatchObject({ category: 'phone', confidence: 'medium' });
    expect(v.categories[0]!.explain.join('\n')).toMatch(/0 of 1000 sampled values look like phone numbers/);
  });

  test('a name that sounds personal on a column of unique record codes is low (ma_benh_nhan = patient code)', () => {
    const v = judgeColumn(facts({ name: name('health'), keyLike: true, example: 'BN000123' }), 'pdpl-2025')!;
    expect(v.categories[0]).toMatchObject({ category: 'health', confidence: 'low' });
    expect(v.categories[0]!.explain.join('\n')).toMatch(/unique record codes/);
  });

  test('an empty column is still reported by its name, one step lower', () => {
    const v = judgeColumn(facts({ name: name('health'), nonNull: 0, distinct: 0, valuesChecked: false }), 'pdpl-2025')!;
    expect(v.categories[0]).toMatchObject({ category: 'health', confidence: 'medium' });
    expect(v.message).toMatch(/no values in the sample/);
  });

  test('a contradicted name loses to values that explain the column', () => {
    const v = judgeColumn(facts({ name: name('phone', 'medium'), evidence: evidence(ev('digital-account', 950, { passed: 950 })) }), 'pdpl-2025')!;
    expect(v.categories.map((c) => c.category)).toEqual(['digital-account']);
  });
});

describe('noise control', () => {
  test('an identifier column with 1-3 distinct values is a placeholder or the organisation’s own number', () => {
    const many = judgeColumn(facts({ evidence: evidence(ev('phone', 1000, { passed: 1000 })) }), 'pdpl-2025')!;
    const one = judgeColumn(facts({ distinct: 1, evidence: evidence(ev('phone', 1000, { passed: 1000 })) }), 'pdpl-2025')!;
    expect(one.categories[0]!.score).toBeLessThan(many.categories[0]!.score);
    expect(one.categories[0]!.explain.join('\n')).toMatch(/only 1 distinct value/);
  });

  test('values in a table that is not about people are low at most', () => {
    const v = judgeColumn(facts({ ownerKind: 'non-person', owner: 'store', evidence: evidence(ev('phone', 1000, { passed: 1000 })) }), 'pdpl-2025')!;
    expect(v.categories[0]!.confidence).toBe('low');
  });

  test('incidental matches of another category are dropped when the column is clearly one thing', () => {
    const v = judgeColumn(facts({ name: name('phone'), evidence: evidence(ev('phone', 980, { passed: 980 }), ev('health', 30)) }), 'pdpl-2025')!;
    expect(v.categories.map((c) => c.category)).toEqual(['phone']);
  });

  test('a free-text column with two real categories lists both, most sensitive first', () => {
    const v = judgeColumn(facts({ evidence: evidence(ev('phone', 300, { passed: 300 }), ev('health', 150, { score: 0.85 })) }), 'pdpl-2025')!;
    expect(v.categories.map((c) => c.category)).toEqual(['health', 'phone']);
    expect(v.message).toMatch(/holds health or medical data and phone numbers/);
  });
});

describe('protection and images', () => {
  test('hashed values named for a category: recorded as protection, reported low, no example', () => {
    const v = judgeColumn(
      facts({ name: name('credentials'), protection: { kind: 'hashing', key: 'hashing:bcrypt', description: 'bcrypt password hashes', ratio: 1 } }),
      'pdpl-2025',
    )!;
    expect(v.categories[0]).toMatchObject({ category: 'credentials', confidence: 'low', source: 'protection' });
    expect(v.categories[0]!.example).toBeUndefined();
    expect(v.message).toMatch(/protected: bcrypt password hashes \(100% of 1000 sampled values\)/);
  });

  test('hashed values with no personal name are not a finding', () => {
    expect(judgeColumn(facts({ protection: { kind: 'hashing', key: 'hashing:sha256', description: 'digests', ratio: 1 } }), 'pdpl-2025')).toBeUndefined();
  });

  test('images: a CCCD photo column is id-document-image, an avatar personal-image, an unnamed blob low', () => {
    const img = { ratio: 1, format: 'jpeg' as const };
    expect(judgeColumn(facts({ images: img, name: name('national-id') }), 'pdpl-2025')!.categories[0]).toMatchObject({ category: 'id-document-image', confidence: 'high' });
    expect(judgeColumn(facts({ images: img, name: name('personal-image') }), 'pdpl-2025')!.categories[0]).toMatchObject({ category: 'personal-image', confidence: 'high' });
    expect(judgeColumn(facts({ images: img }), 'pdpl-2025')!.categories[0]).toMatchObject({ category: 'personal-image', confidence: 'low' });
    expect(judgeColumn(facts({ images: img, ownerKind: 'non-person', owner: 'product' }), 'pdpl-2025')).toBeUndefined();
  });
});
