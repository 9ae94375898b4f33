/** Uniting facts is idempotent, commutative and associative: what makes merge deterministic. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { uniteFacts } from '../../src/report/inventory/facts.js';
import type { InventoryFacts } from '../../src/report/inventory/types.js';

// Small domains, so that generated facts collide and the uniting rules are exercised.
const path = fc.constantFrom('a.ts', 'b.ts', 'seed/c.csv');
const line = fc.integer({ min: 1, max: 4 });
const conf = fc.constantFrom('low' as const, 'medium' as const, 'high' as const);
const cat = fc.constantFrom('phone', 'health', 'national-id');
const cats = fc.uniqueArray(cat, { maxLength: 3 });
const where = fc.record({ path, line }, { requiredKeys: [] });

const facts: fc.Arbitrary<InventoryFacts> = fc.record({
  targets: fc.array(fc.record({ kind: fc.constant('files' as const), name: fc.constantFrom('x', 'y'), stats: fc.dictionary(fc.constantFrom('filesScanned', 'bytesScanned'), fc.nat(9)), problems: fc.nat(2) }), { maxLength: 2 }),
  categories: fc.array(
    fc.record({
      id: cat,
      files: fc.array(fc.record({ path, lines: fc.array(line, { maxLength: 3 }), count: fc.integer({ min: 1, max: 5 }), confidence: conf }), { maxLength: 3 }),
      fields: fc.array(fc.record({ model: fc.constantFrom('User', 'Order'), field: fc.constantFrom('phone', 'email'), confidence: conf }), { maxLength: 2 }),
      columns: fc.array(fc.record({ table: fc.constantFrom('t1', 't2'), column: fc.constantFrom('c1', 'c2'), confidence: conf, matchRatio: fc.constantFrom(0.5, 0.9) }), { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
  purposes: fc.array(fc.record({ key: fc.constantFrom('essential.service', 'marketing'), categories: cats, recipients: fc.uniqueArray(fc.constantFrom('stripe', 'momo')), confidence: conf, evidence: fc.array(where, { maxLength: 2 }) }), { maxLength: 2 }),
  sources: fc.array(fc.record({ id: fc.constantFrom('code:a.ts', 'input:Dto'), kind: fc.constant('code' as const), name: fc.constantFrom('a.ts', 'A.ts'), categories: cats, evidence: fc.array(where, { maxLength: 2 }) }), { maxLength: 2 }),
  storages: fc.array(fc.record({ id: fc.constantFrom('logs', 'model:user'), kind: fc.constantFrom('logs' as const, 'model' as const), name: fc.constantFrom('logs', 'User'), categories: cats, evidence: fc.array(where, { maxLength: 2 }) }), { maxLength: 2 }),
  recipients: fc.array(
    fc.record(
      {
        id: fc.constantFrom('stripe', 'momo'),
        service: fc.constantFrom('stripe', 'momo'),
        name: fc.constantFrom('Stripe', 'MoMo'),
        country: fc.constantFrom('US', 'VN'),
        crossBorder: fc.boolean(),
        categories: cats,
        purposes: fc.uniqueArray(fc.constantFrom('essential.service', 'marketing')),
        sinks: fc.uniqueArray(fc.constantFrom('payment', 'http')),
        evidence: fc.array(where, { maxLength: 2 }),
      },
      { requiredKeys: ['id', 'service', 'name', 'categories', 'purposes', 'sinks', 'evidence'] },
    ),
    { maxLength: 2 },
  ),
  links: fc.array(fc.record({ from: fc.constantFrom('source:code:a.ts'), to: fc.constantFrom('storage:logs', 'recipient:stripe'), categories: cats }), { maxLength: 2 }),
  protection: fc.array(fc.record({ key: fc.constantFrom('hashing:bcrypt'), description: fc.constantFrom('d1', 'd2'), categories: cats, where: fc.array(where, { maxLength: 2 }) }), { maxLength: 2 }),
  retention: fc.constant([]),
  risks: fc.array(fc.record({ ruleId: fc.constantFrom('pd-log', 'pd-in-url'), name: fc.constantFrom({ vi: 'n1', en: 'n1' }, { vi: 'n2', en: 'N2' }), kind: fc.constant('flow' as const), categories: cats, confidence: conf, where: fc.array(where, { maxLength: 2 }) }), { maxLength: 2 }),
  childrenHints: fc.array(fc.record({ path, line, term: fc.constantFrom('child', 'hoc sinh') }), { maxLength: 2 }),
});

const norm = (f: InventoryFacts) => JSON.parse(JSON.stringify(f)) as InventoryFacts;

describe('uniteFacts', () => {
  test('idempotent: uniting a set with itself changes nothing', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const once = norm(uniteFacts([f]));
        expect(norm(uniteFacts([once]))).toEqual(once);
        expect(norm(uniteFacts([once, once]))).toEqual(once);
      }),
    );
  });

  test('commutative and associative', () => {
    fc.assert(
      fc.property(facts, facts, facts, (a, b, c) => {
        const ab = norm(uniteFacts([a, b]));
        expect(norm(uniteFacts([b, a]))).toEqual(ab);
        expect(norm(uniteFacts([uniteFacts([a, b]), c]))).toEqual(norm(uniteFacts([a, uniteFacts([b, c])])));
      }),
    );
  });

  test('counts are not added up: the same file seen twice keeps its count', () => {
    const f: InventoryFacts = {
      ...uniteFacts([]),
      categories: [{ id: 'phone', files: [{ path: 'a.csv', lines: [2, 3], count: 40, confidence: 'high' }], fields: [], columns: [] }],
    };
    expect(uniteFacts([f, f]).categories[0]!.files[0]!.count).toBe(40);
  });
});
