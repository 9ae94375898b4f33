import { describe, expect, it } from 'vitest';
import { addUp, scoreApp, type AppLabels, type PdscanFinding } from '../bench/real-apps/score.js';

const labels: AppLabels = {
  repo: 'acme/app',
  commit: 'a'.repeat(40),
  kind: 'intl',
  monorepo: false,
  split: 'heldout',
  fields: [
    { file: 'prisma/schema.prisma', line: 10, model: 'User', field: 'email', category: 'digital-account' },
    { file: 'prisma/schema.prisma', line: 11, model: 'User', field: 'name', category: 'full-name' },
    { file: 'prisma/schema.prisma', line: 12, model: 'User', field: 'createdAt', category: null },
    { file: 'prisma/schema.prisma', line: 20, model: 'Product', field: 'name', category: null },
  ],
  flows: [
    { file: 'src/billing.ts', lines: [30, 34], sink: 'payment', recipient: 'Stripe', categories: ['digital-account'] },
    { file: 'src/signup.ts', lines: [12, 12], sink: 'email', recipient: null, categories: ['digital-account'] },
  ],
};

const decl = (line: number, field: string, category: string, file = 'prisma/schema.prisma'): PdscanFinding => ({
  ruleId: `pd-declared-${category}`, kind: 'declaration', category, location: { path: file, line }, properties: { field },
});

describe('real-app scoring', () => {
  it('scores fields at (file, field, category) against the nearest labelled field', () => {
    const s = scoreApp(labels, [
      decl(10, 'email', 'digital-account'), // true positive
      decl(20, 'name', 'full-name'), // Product.name is not a person's name: false positive
      decl(40, 'phone', 'phone'), // nobody labelled this field: not scored
    ]);
    expect(s.fields).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(s.fields.misses.map((m) => `${m.line}:${m.expected}:${m.got.join()}`).sort()).toEqual(['11:full-name:', '20:null:full-name']);
  });

  it('a wrong category on a labelled field counts as a false positive and a miss', () => {
    const s = scoreApp(labels, [decl(11, 'name', 'digital-account')]);
    expect(s.fields).toMatchObject({ tp: 0, fp: 1, fn: 2 });
  });

  it('finds a labelled flow by its result line or by any codeFlow step within ±3 lines', () => {
    const viaStep: PdscanFinding = {
      ruleId: 'pd-third-party', kind: 'flow', category: 'digital-account', location: { path: 'src/lib/mail.ts', line: 5 },
      flow: [{ location: { path: 'src/signup.ts', line: 14 } }, { location: { path: 'src/lib/mail.ts', line: 5 } }],
    };
    const far: PdscanFinding = { ruleId: 'pd-third-party', kind: 'flow', category: 'digital-account', location: { path: 'src/billing.ts', line: 40 }, flow: [{ location: { path: 'src/billing.ts', line: 40 } }] };
    const s = scoreApp(labels, [viaStep, far]);
    expect(s.flows.found).toBe(1);
    expect(s.flows.missed.map((m) => m.file)).toEqual(['src/billing.ts']);
    expect(s.flows.unmatchedResults).toEqual([{ ruleId: 'pd-third-party', file: 'src/billing.ts', line: 40 }]);
  });

  it('adds scores up per split', () => {
    const a = scoreApp(labels, [decl(10, 'email', 'digital-account')]);
    expect(addUp([a, a])).toEqual({ tp: 2, fp: 0, fn: 2, flowsFound: 0, flowsTotal: 4 });
  });
});
