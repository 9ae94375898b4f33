/** rules/obligations.yml is data: it must load, and its trigger grammar must evaluate as its header says. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { evaluateTrigger, purposeMatches, type Trigger, type TriggerFacts } from '../../src/model/obligations.js';
import { checkObligationsFile } from '../../src/rules/obligations-check.js';
import { obligationsFile, purposesFile } from '../../src/rules/catalogue.js';
import { isCategory, REGIMES } from '../../src/model/categories.js';
import { deadlineText } from '../../src/report/inventory/i18n.js';
import { ConfigError } from '../../src/util/errors.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const base: TriggerFacts = {
  regime: 'pdpl-2025',
  categories: ['phone', 'health'],
  sensitive: ['health'],
  foreign: { categories: [], recipients: [] },
  unknownCountry: { categories: [], recipients: [] },
  thirdParty: { categories: [], recipients: [] },
  purposes: [],
  recipients: [],
  children: null,
  childrenHinted: false,
};

function walkTriggers(t: Trigger, visit: (t: Trigger) => void): void {
  visit(t);
  if (typeof t === 'object' && !('category' in t) && !('purpose' in t)) {
    for (const sub of Object.values(t)) if (sub !== undefined) walkTriggers(sub as Trigger, visit);
  }
}

describe('rules/obligations.yml', () => {
  const file = obligationsFile();

  test('loads, with the dossier items a–i of Decree 13 Art. 24(1)', () => {
    expect(file.obligations.length).toBeGreaterThan(10);
    expect(file.dossier.items.map((d) => d.item)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i']);
  });

  test('every trigger names known categories and purposes, and every exemption exists', () => {
    const keys = new Set(purposesFile().purposes.map((p) => p.key));
    const exemptions = new Set(file.exemptions.map((e) => e.id));
    for (const o of file.obligations) {
      walkTriggers(o.trigger, (t) => {
        if (typeof t === 'object' && 'category' in t && Array.isArray(t.category)) for (const c of t.category) expect(isCategory(c), `${o.id}: ${c}`).toBe(true);
        if (typeof t === 'object' && 'purpose' in t && Array.isArray(t.purpose)) {
          for (const p of t.purpose) expect(keys.has(p.replace(/\.\*$/, '')), `${o.id}: purpose ${p}`).toBe(true);
        }
      });
      for (const e of o.exemptions ?? []) expect(exemptions.has(e), `${o.id}: exemption ${e}`).toBe(true);
      for (const r of REGIMES) expect(Array.isArray(o.refs[r])).toBe(true);
    }
  });

  test('deadlines follow the "<n> hours|days|working days" grammar', () => {
    for (const o of file.obligations) {
      const ds = o.deadline === null || o.deadline === undefined ? [] : typeof o.deadline === 'string' ? [o.deadline] : Object.values(o.deadline);
      for (const d of ds) {
        expect(d).toMatch(/^\d+ (hours|days|working days)$/);
        expect(deadlineText(d!, 'vi')).toMatch(/^\d+ (giờ|ngày|ngày làm việc)$/);
      }
    }
  });

  test('structural errors name the entry', () => {
    expect(() => checkObligationsFile({ obligations: [{ id: 'x', title_vi: 'a', title_en: 'a', why_vi: 'a', why_en: 'a', trigger: 'sometimes', refs: { 'decree-13': [], 'pdpl-2025': [] } }], dossier: { items: [] } }, REGIMES)).toThrow(
      new ConfigError('rules/obligations.yml: obligations[0].trigger: unknown trigger "sometimes"'),
    );
    expect(() => checkObligationsFile({ obligations: [{ id: 'x', title_vi: 'a', title_en: 'a', why_vi: 'a', why_en: 'a', trigger: 'any-personal', refs: { 'decree-13': [] } }], dossier: { items: [] } }, REGIMES)).toThrow(/obligations\[0\]\.refs\.pdpl-2025/);
    expect(() => checkObligationsFile({ obligations: [] }, REGIMES)).toThrow(/dossier\.items/);
    const form = (contents: unknown) => ({ obligations: [], dossier: { items: [], forms: [{ regime: 'pdpl-2025', form: '03a', label_vi: 'a', label_en: 'a', refs: [], contents }] } });
    expect(() => checkObligationsFile(form({ form: '03a', fields: ['controller.name'], other_vi: ['a', 'b'], other_en: ['a'] }), REGIMES)).toThrow(/dossier\.forms\[0\]\.contents: other_vi and other_en must match/);
    expect(() => checkObligationsFile(form({ fields: [] }), REGIMES)).toThrow(/dossier\.forms\[0\]\.contents: must name its form/);
  });
});

describe('trigger grammar', () => {
  test('any-personal and any-sensitive', () => {
    expect(evaluateTrigger('any-personal', base)).toMatchObject({ fires: 'yes', categories: ['phone', 'health'] });
    expect(evaluateTrigger('any-sensitive', base)).toMatchObject({ fires: 'yes', categories: ['health'] });
    expect(evaluateTrigger('any-sensitive', { ...base, sensitive: [] }).fires).toBe('no');
    expect(evaluateTrigger('any-personal', { ...base, categories: [], sensitive: [] }).fires).toBe('no');
  });

  test('cross-border: yes for a foreign recipient, maybe when only the country is unknown', () => {
    expect(evaluateTrigger('cross-border', base).fires).toBe('no');
    expect(evaluateTrigger('cross-border', { ...base, foreign: { categories: ['health'], recipients: ['openai'] } })).toMatchObject({ fires: 'yes', recipients: ['openai'] });
    expect(evaluateTrigger('cross-border', { ...base, unknownCountry: { categories: ['phone'], recipients: ['host:x'] } })).toMatchObject({ fires: 'maybe', reason: 'country-unknown' });
  });

  test('third-party, category and purpose triggers', () => {
    expect(evaluateTrigger('third-party', { ...base, thirdParty: { categories: ['phone'], recipients: ['momo'] } }).fires).toBe('yes');
    expect(evaluateTrigger({ category: ['location', 'health'] }, base)).toMatchObject({ fires: 'yes', categories: ['health'] });
    expect(evaluateTrigger({ category: ['location'] }, base).fires).toBe('no');
    const withPurposes = { ...base, purposes: [{ key: 'marketing.communications.email', categories: ['digital-account'], recipients: ['sendgrid'] }] };
    expect(evaluateTrigger({ purpose: ['marketing.*'] }, withPurposes)).toMatchObject({ fires: 'yes', purposes: ['marketing.communications.email'], recipients: ['sendgrid'] });
    expect(evaluateTrigger({ purpose: ['marketing'] }, withPurposes).fires).toBe('no');
  });

  test('recipient: a recipient of the kind, receiving one of the categories when they are given', () => {
    const withRecipients = {
      ...base,
      recipients: [
        { id: 'openai', kind: 'ai', categories: ['phone'] },
        { id: 'acme-life', kind: 'insurer', categories: ['phone', 'health'] },
        { id: 'host:x', categories: ['health'] },
      ],
    };
    expect(evaluateTrigger({ recipient: { kind: ['ai'] } }, withRecipients)).toMatchObject({ fires: 'yes', recipients: ['openai'], categories: ['phone'] });
    expect(evaluateTrigger({ recipient: { kind: ['insurer'], category: ['health'] } }, withRecipients)).toMatchObject({ fires: 'yes', recipients: ['acme-life'], categories: ['health'] });
    expect(evaluateTrigger({ recipient: { kind: ['ai'], category: ['health'] } }, withRecipients).fires).toBe('no');
    expect(evaluateTrigger({ recipient: { kind: ['payment'] } }, withRecipients).fires).toBe('no');
    expect(evaluateTrigger({ recipient: { kind: ['ai'] } }, base).fires).toBe('no');
  });

  test('every recipient kind a trigger names is a kind of the recipients schema', () => {
    const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas/recipients.schema.json'), 'utf8')) as { definitions: { recipient: { properties: { kind: { enum: string[] } } } } };
    const kinds = new Set(schema.definitions.recipient.properties.kind.enum);
    const named = obligationsFile().obligations.flatMap((o) => (typeof o.trigger === 'object' && 'recipient' in o.trigger ? o.trigger.recipient.kind : []));
    expect(named).toEqual(expect.arrayContaining(['ai', 'insurer']));
    for (const k of named) expect(kinds.has(k), k).toBe(true);
    for (const t of obligationsFile().dossier.transfer_types) for (const k of t.kinds ?? []) expect(kinds.has(k), k).toBe(true);
    for (const e of obligationsFile().dossier.transfer_exemptions) for (const k of e.kinds) expect(kinds.has(k), k).toBe(true);
  });

  test('children: the config decides; unknown is "maybe"', () => {
    expect(evaluateTrigger('children', base)).toMatchObject({ fires: 'maybe', reason: 'children-unknown' });
    expect(evaluateTrigger('children', { ...base, children: true }).fires).toBe('yes');
    expect(evaluateTrigger('children', { ...base, children: false }).fires).toBe('no');
    expect(evaluateTrigger('children', { ...base, categories: [], sensitive: [] }).fires).toBe('no');
  });

  test('a trigger per regime', () => {
    const t: Trigger = { 'decree-13': 'any-sensitive', 'pdpl-2025': 'any-personal' };
    const basicOnly = { ...base, categories: ['phone'], sensitive: [] };
    expect(evaluateTrigger(t, basicOnly).fires).toBe('yes');
    expect(evaluateTrigger(t, { ...basicOnly, regime: 'decree-13' }).fires).toBe('no');
    expect(evaluateTrigger({ 'pdpl-2025': 'any-personal' }, { ...base, regime: 'decree-13' }).fires).toBe('no');
  });

  test('purpose patterns: "x.*" matches x and below, a plain key only itself', () => {
    const seg = fc.stringMatching(/^[a-z_]{1,8}$/);
    fc.assert(
      fc.property(fc.array(seg, { minLength: 1, maxLength: 4 }), fc.array(seg, { maxLength: 3 }), (parent, child) => {
        const p = parent.join('.');
        const key = [...parent, ...child].join('.');
        expect(purposeMatches(`${p}.*`, key)).toBe(true);
        expect(purposeMatches(p, key)).toBe(child.length === 0);
        expect(purposeMatches(`${p}.*`, `${p}x`)).toBe(false);
      }),
    );
  });
});
