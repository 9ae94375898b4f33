import { describe, expect, it } from 'vitest';
import { applyVerdicts, drawSample, reportedValues, wilson, type JsonFinding, type Sampled } from '../bench/noise/judge-sample.js';

const finding = (over: Partial<JsonFinding>): JsonFinding => ({ ruleId: 'email-address', kind: 'value', category: 'digital-account', level: 'medium', location: { path: 'a.ts', line: 1 }, ...over });

describe('noise judgement sample', () => {
  it('keeps only error/warning value findings, not notes, declarations, suppressed or planted ones', () => {
    const kept = reportedValues([
      finding({ ruleId: 'kept-value' }),
      finding({ ruleId: 'kept-aggregate', kind: 'aggregate', level: 'high' }),
      finding({ ruleId: 'note', level: 'low' }),
      finding({ ruleId: 'declaration', kind: 'declaration' }),
      finding({ ruleId: 'flow', kind: 'flow', level: 'high' }),
      finding({ ruleId: 'suppressed', suppression: { kind: 'inSource' } }),
      finding({ ruleId: 'planted', location: { path: 'exports/pdscan-planted-customers.csv', line: 2 } }),
    ]);
    expect(kept.map((f) => f.ruleId)).toEqual(['kept-value', 'kept-aggregate']);
  });

  it('draws k distinct items, the same for the same seed, and every item can be drawn', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = drawSample(items, 10, 7);
    expect(new Set(a).size).toBe(10);
    expect(drawSample(items, 10, 7)).toEqual(a);
    expect(drawSample(items, 10, 8)).not.toEqual(a);
    expect(drawSample(items, 80, 7).sort((x, y) => x - y)).toEqual(items);
    const seen = new Set<number>();
    for (let seed = 0; seed < 200; seed++) for (const x of drawSample(items, 5, seed)) seen.add(x);
    expect(seen.size).toBe(50);
  });

  it('gives the Wilson 95 % interval of a share', () => {
    expect(wilson(5, 10)).toEqual([23.7, 76.3]);
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(0, 10)[1]).toBeCloseTo(27.8, 1);
  });

  it('refuses a missing verdict, a non-actionable one without a cause, and a reason quoting the value', () => {
    const s = (n: number, value: string): Sampled => ({ n, repo: 'o/r', commit: 'c', path: 'p', line: n, ruleId: 'r', kind: 'value', category: 'phone', level: 'warning', context: 'source', synthetic: false, value, masked: '*', excerpt: [] });
    const sample = [s(1, '0903817264'), s(2, 'lan.nguyen88@gmail.com'), s(3, 'Trần Văn Hùng'), s(4, 'x')];
    const { judged, problems } = applyVerdicts(sample, [
      { n: 1, verdict: 'actionable', reason: 'real mobile in a data file' },
      { n: 2, verdict: 'synthetic', reason: 'placeholder mailbox' },
      { n: 3, verdict: 'not-personal', cause: 'c', reason: 'the name trần văn hùng is fake' },
    ]);
    expect(problems).toEqual(['#2: a non-actionable verdict needs a cause', '#3: the reason quotes the value', '#4: no valid verdict and reason']);
    expect(JSON.stringify(judged)).not.toContain('0903817264');
    expect(judged[0]).toMatchObject({ verdict: 'actionable', path: 'p', line: 1 });
  });
});
