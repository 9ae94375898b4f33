/**
 * Obligations fired by who receives the data (issue 14): AI providers (Law 91 Art. 30.4, Decree
 * 356 Art. 10.3 / 10.5.đ), health data to insurers (Law 91 Art. 26.2, a high risk), the Network
 * Security Law 116/2025/QH15 where online activity or accounts are processed, and per foreign
 * recipient the Form 09 section II.1 transfer type and the Decree 356 Art. 17.3.đ exemption.
 * Decree 13 had none of these: its inventory must not show them.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Regime } from '../../src/model/categories.js';
import type { ScanResult } from '../../src/model/result.js';
import { buildInventory, mergeInventories, validateInventory } from '../../src/report/inventory/index.js';
import { renderInventoryMarkdown as renderMarkdown } from '../../src/report/inventory/markdown.js';
import { diffFacts, emptyFacts, factsOf } from '../../src/pr/inventory-facts.js';
import { obligationsFor } from '../../src/pr/obligations.js';
import { checkObligationsFile } from '../../src/rules/obligations-check.js';
import { obligationsFile } from '../../src/rules/catalogue.js';
import { ConfigError } from '../../src/util/errors.js';
import { thirdPartyFlow } from '../helpers/flow-finding.js';

const result = (findings: Finding[]): ScanResult => ({ target: { kind: 'files', name: '.' }, findings, evidence: [], problems: [], stats: { filesScanned: 1 } });

let line = 0;
const flow = (recipient: object, categories: string[], props: Record<string, unknown> = {}): Finding => {
  line += 10;
  return thirdPartyFlow(recipient, categories, props, { line, sourceLine: 1 });
};

const OPENAI = { id: 'openai', name: 'OpenAI', country: 'US', kind: 'ai' };
const STRIPE = { id: 'stripe', name: 'Stripe', country: 'US', kind: 'payment' };
const S3 = { id: 'aws-s3', name: 'Amazon S3', country: 'SG', kind: 'cloud-storage' };
const INSURER = { id: 'acme-life', name: 'Acme Life Insurance', country: 'VN', kind: 'insurer' };
const CRM = { id: 'crm.example', name: 'CRM', country: 'VN', kind: 'crm' };

const build = (findings: Finding[], regime: Regime = 'pdpl-2025') => buildInventory([result(findings)], { regime, toolVersion: '0.0.0' });
const byId = (inv: ReturnType<typeof build>) => new Map(inv.obligations.map((o) => [o.id, o]));
const prView = (findings: Finding[], regime: Regime) => {
  const head = factsOf(findings);
  const r = obligationsFor(diffFacts(head, emptyFacts(), regime), emptyFacts(), regime, [...head.categories], true, false);
  return Object.fromEntries(r.obligations.map((o) => [o.id, o.verdict]));
};

describe('AI processing (Law 91 Art. 30.4, Decree 356 Art. 10.3, 10.5.đ)', () => {
  it('a flow of personal data to an AI provider fires the duty with its references', () => {
    const inv = build([flow(OPENAI, ['digital-account', 'full-name'])]);
    const ai = byId(inv).get('ai-processing');
    expect(ai?.status).toBe('applies');
    expect(ai?.firedBy.recipients).toEqual(['openai']);
    expect(ai?.refs['pdpl-2025']).toEqual(expect.arrayContaining(['law91-30.4', 'd356-10.3', 'd356-10.5.đ']));
    expect(ai?.why.vi).toMatch(/không tham gia/);
    expect(ai?.why.en).toMatch(/opt out/);
  });

  it('no AI provider, no AI duty; and none under decree-13', () => {
    expect(byId(build([flow(STRIPE, ['financial'])])).has('ai-processing')).toBe(false);
    expect(byId(build([flow(OPENAI, ['digital-account'])], 'decree-13')).has('ai-processing')).toBe(false);
  });

  it('the pull-request summary lists it the same way', () => {
    const findings = [flow(OPENAI, ['digital-account'])];
    expect(prView(findings, 'pdpl-2025')['ai-processing']).toBe('applies');
    expect(prView(findings, 'decree-13')['ai-processing']).toBeUndefined();
  });
});

describe('health data to an insurer (Law 91 Art. 26.2)', () => {
  it('health data to a recipient of kind insurer is a duty to confirm and a high risk citing Art. 26.2', () => {
    const inv = build([flow(INSURER, ['health', 'full-name'])]);
    const duty = byId(inv).get('health-data-to-insurer');
    expect(duty).toMatchObject({ status: 'to-confirm', firedBy: { categories: ['health'], recipients: ['acme-life'] } });
    expect(duty?.refs['pdpl-2025']).toContain('law91-26.2');
    const risk = inv.risks.find((r) => r.ruleId === 'obligation:health-data-to-insurer');
    expect(risk).toMatchObject({ level: 'high', categories: ['health'], count: 1 });
    expect(inv.risks[0]!.level).toBe('high');
    expect(validateInventory(JSON.parse(JSON.stringify(inv)))).toEqual([]);
  });

  it('other data to an insurer, or health data to another recipient, does not fire it', () => {
    expect(byId(build([flow(INSURER, ['phone'])])).has('health-data-to-insurer')).toBe(false);
    expect(byId(build([flow(CRM, ['health'])])).has('health-data-to-insurer')).toBe(false);
    expect(byId(build([flow(INSURER, ['health'])], 'decree-13')).has('health-data-to-insurer')).toBe(false);
  });

  it('merging recomputes the risk instead of counting it twice', () => {
    const inv = build([flow(INSURER, ['health'])]);
    const merged = mergeInventories([inv, inv], { regime: 'pdpl-2025', toolVersion: '0.0.0' });
    expect(merged.risks.filter((r) => r.ruleId === 'obligation:health-data-to-insurer')).toHaveLength(1);
    expect(prView([flow(INSURER, ['health'])], 'pdpl-2025')['health-data-to-insurer']).toBe('to-confirm');
  });
});

describe('Network Security Law 116/2025/QH15', () => {
  it('online activity fires it, to confirm, stating the IP-log tension in both languages', () => {
    const duty = byId(build([flow(CRM, ['online-activity'])])).get('network-security-ip-identification');
    expect(duty?.status).toBe('to-confirm');
    expect(duty?.title.vi).toContain('116/2025/QH15');
    expect(duty?.why.vi).toMatch(/nhật ký IP/);
    expect(duty?.why.vi).toMatch(/72 giờ/);
    expect(duty?.why.en).toMatch(/IP logs/);
    expect(duty?.why.en).toMatch(/72-hour/);
    expect(duty?.note?.vi).toMatch(/Chưa xác minh/);
    expect(duty?.note?.en).toMatch(/unverified/);
  });

  it('not for data without online activity or accounts, and not under decree-13', () => {
    expect(byId(build([flow(CRM, ['phone'])])).has('network-security-ip-identification')).toBe(false);
    expect(byId(build([flow(CRM, ['online-activity'])], 'decree-13')).has('network-security-ip-identification')).toBe(false);
  });
});

describe('cross-border transfers per recipient (Form 09 II.1, Decree 356 Art. 17.3.đ)', () => {
  const findings = [flow(STRIPE, ['financial', 'digital-account']), flow(S3, ['full-name']), flow(OPENAI, ['digital-account'])];

  it('proposes the Form 09 box from the recipient kind and the payment exemption for payment processors', () => {
    const t = new Map(build(findings).transfers.map((x) => [x.recipient, x]));
    expect(t.get('stripe')?.form09?.type).toBe('1.3');
    expect(t.get('stripe')?.exemption?.ref).toBe('d356-17.3.đ');
    expect(t.get('aws-s3')?.form09).toMatchObject({ type: '1.2', refs: ['d356-17.1.a'] });
    expect(t.get('aws-s3')?.exemption).toBeUndefined();
    expect(t.get('openai')?.form09?.type).toBe('1.3');
    expect(t.get('openai')?.exemption).toBeUndefined();
  });

  it('both languages show them, marked to confirm; decree-13 shows neither', () => {
    const inv = build(findings);
    expect(renderMarkdown(inv, 'vi')).toMatch(/Stripe[^\n]*\[CẦN XÁC NHẬN\]\*\* 1\.3: [^\n]*chuyển tiền, thanh toán[^\n]*NĐ 356 Điều 17\.3\.đ/);
    expect(renderMarkdown(inv, 'en')).toMatch(/Stripe[^\n]*\[TO CONFIRM\]\*\* 1\.3: [^\n]*remittance or payment/);
    const legacy = build(findings, 'decree-13');
    expect(legacy.transfers.every((x) => x.form09 === undefined && x.exemption === undefined)).toBe(true);
    expect(renderMarkdown(legacy, 'en')).not.toMatch(/Transfer type \(Form 09|Assessment exemption/);
    expect(renderMarkdown(inv, 'en')).toMatch(/Transfer type \(Form 09 section II\.1\) \| Assessment exemption/);
  });

  it('the Form 09 boxes are data: the default box is the one without kinds', () => {
    const types = obligationsFile().dossier.transfer_types;
    expect(types.filter((t) => !t.kinds)).toHaveLength(1);
  });
});

describe('the recipient trigger grammar', () => {
  const file = (trigger: unknown) => ({
    obligations: [{ id: 'x', title_vi: 'x', title_en: 'x', why_vi: 'x', why_en: 'x', trigger, refs: { 'decree-13': [], 'pdpl-2025': [] } }],
    dossier: { items: [] },
  });
  it('accepts kind with an optional category and refuses anything else', () => {
    expect(() => checkObligationsFile(file({ recipient: { kind: ['ai'] } }), ['decree-13', 'pdpl-2025'])).not.toThrow();
    expect(() => checkObligationsFile(file({ recipient: { kind: ['insurer'], category: ['health'] } }), ['decree-13', 'pdpl-2025'])).not.toThrow();
    expect(() => checkObligationsFile(file({ recipient: { category: ['health'] } }), ['decree-13', 'pdpl-2025'])).toThrow(ConfigError);
    expect(() => checkObligationsFile(file({ recipient: { kind: ['ai'], country: ['US'] } }), ['decree-13', 'pdpl-2025'])).toThrow(ConfigError);
    expect(() => checkObligationsFile(file({ recipient: { kind: 'ai' } }), ['decree-13', 'pdpl-2025'])).toThrow(ConfigError);
  });
});
