import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  mongoPlan,
  pgPlan,
  pgRowEstimate,
  randomIntStarts,
  randomStringStarts,
  seededRandom,
  topUpPercent,
} from '../../src/sources/db/sampling-plan.js';

describe('PostgreSQL plan', () => {
  test('small tables are read whole; medium ones row-sampled; big ones page-sampled', () => {
    expect(pgPlan(0, 10_000)).toEqual({ method: 'all' });
    expect(pgPlan(10_000, 10_000)).toEqual({ method: 'all' });
    expect(pgPlan(50_000, 10_000)).toEqual({ method: 'bernoulli', percent: 30 });
    expect(pgPlan(5_000_000, 10_000)).toEqual({ method: 'system', percent: 0.3 });
  });

  test('property: the expected sample is about 1.5× the wanted rows, never over 100%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1e9 }), (n, rows) => {
        const p = pgPlan(rows, n);
        if (rows <= n) return p.method === 'all';
        if (p.method === 'all') return false;
        const expected = (p.percent / 100) * rows;
        // The percentage is rounded to 4 decimals (and at least 0.0001%).
        return p.percent <= 100 && p.percent > 0 && (p.percent === 100 || Math.abs(expected - 1.5 * n) <= rows * 1e-6 + 1);
      }),
    );
  });

  test('row estimate follows growth since the last ANALYZE, like the planner', () => {
    expect(pgRowEstimate(1000, 10, 20)).toBe(2000);
    expect(pgRowEstimate(-1, 0, 50)).toBe(-1); // never analyzed
    expect(pgRowEstimate(0, 0, 50)).toBe(-1); // analyzed empty, rows since
    expect(pgRowEstimate(0, 0, 0)).toBe(0);
  });

  test('top-up grows the percentage by the shortfall, at least ×1.5, at most ×8, never over 100', () => {
    expect(topUpPercent(1, 5000, 10_000)).toBe(2.4);
    expect(topUpPercent(1, 9900, 10_000)).toBe(1.5);
    expect(topUpPercent(1, 0, 10_000)).toBe(4.8);
    expect(topUpPercent(60, 10, 10_000)).toBe(100);
  });
});

describe('MySQL key ranges', () => {
  test('integer starts are stratified over [min, max] and sorted', () => {
    const starts = randomIntStarts(1, 1_000_000, 20, seededRandom(7));
    expect(starts).toHaveLength(20);
    starts.forEach((s, i) => {
      expect(s).toBeGreaterThanOrEqual(1 + Math.floor((1_000_000 * i) / 20));
      expect(s).toBeLessThan(1 + Math.floor((1_000_000 * (i + 1)) / 20));
    });
  });

  test('property: integer starts stay within the key range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 50 }), (lo, span, k) => {
        const starts = randomIntStarts(lo, lo + span, k, seededRandom(lo ^ span));
        return starts.every((s) => s >= lo && s <= lo + span) && starts.length >= 1;
      }),
    );
  });

  test('string starts interpolate the varying part of codes between min and max', () => {
    const starts = randomStringStarts('KH000001', 'KH099999', 10, seededRandom(1));
    expect(starts.length).toBeGreaterThan(5);
    for (const s of starts) {
      expect(s.startsWith('KH0')).toBe(true);
      expect(s >= 'KH000001' && s <= 'KH099999').toBe(true);
    }
    // They spread: not all in the first tenth.
    expect(starts.some((s) => s > 'KH050000')).toBe(true);
  });

  test('property: string starts keep the common prefix, are sorted and unique', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ minLength: 1, maxLength: 12 }), (a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        let prefix = 0;
        while (prefix < min.length && prefix < max.length && min[prefix] === max[prefix]) prefix++;
        const starts = randomStringStarts(min, max, 8, seededRandom(3));
        const sorted = [...starts].sort();
        return starts.length <= 8 && starts.every((s, i) => s === sorted[i] && s.startsWith(min.slice(0, prefix))) && new Set(starts).size === starts.length;
      }),
    );
  });
});

describe('MongoDB plan', () => {
  test('$sample only under 5% of the collection; windows otherwise; all when it fits', () => {
    expect(mongoPlan(5_000, 10_000, seededRandom(1))).toEqual({ method: 'all' });
    expect(mongoPlan(1_000_000, 10_000, seededRandom(1))).toEqual({ method: 'sample' });
    const w = mongoPlan(100_000, 10_000, seededRandom(1));
    expect(w.method).toBe('windows');
    if (w.method !== 'windows') return;
    expect(w.windows).toHaveLength(10);
    expect(w.windows.reduce((a, x) => a + x.limit, 0)).toBe(10_000);
    // Windows do not overlap and stay inside the collection.
    for (let i = 0; i < w.windows.length; i++) {
      const x = w.windows[i]!;
      expect(x.skip + x.limit).toBeLessThanOrEqual(100_000);
      if (i > 0) expect(x.skip).toBeGreaterThanOrEqual(w.windows[i - 1]!.skip + w.windows[i - 1]!.limit);
    }
  });

  test('exactly 5% is not "below 5%"', () => {
    expect(mongoPlan(200_000, 10_000, seededRandom(1)).method).toBe('windows');
    expect(mongoPlan(200_001, 10_000, seededRandom(1)).method).toBe('sample');
  });
});

test('seeded random is deterministic and in [0, 1)', () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  const xs = Array.from({ length: 100 }, () => a());
  expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
  expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
});
