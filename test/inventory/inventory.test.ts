/**
 * The inventory built from a code scan and a database scan (synthetic ScanResults), their
 * merge, the golden JSON and Markdown (vi, en), the schema, merge idempotence, and that no
 * raw personal value ever reaches an inventory.
 */
import { describe, expect, test } from 'vitest';
import { buildInventory, mergeInventories, renderInventoryMarkdown, serializeInventory, validateInventory, type Inventory } from '../../src/report/inventory/index.js';
import { collectFacts } from '../../src/report/inventory/collect.js';
import type { ScanResult } from '../../src/model/result.js';
import { CODE_VALUES, DB_VALUES, ORGANISATION, codeScan, dbScan } from './fixtures.js';
import { expectGolden } from './golden.js';

const VERSION = '0.0.0-test';
const build = (results: ScanResult[], config?: unknown, regime: 'pdpl-2025' | 'decree-13' = 'pdpl-2025') =>
  buildInventory(results, { regime, toolVersion: VERSION, config, ruleName: (id) => (id === 'pd-log' ? 'Personal data written to logs' : id) });
const merge = (invs: Inventory[], o: { regime?: 'pdpl-2025' | 'decree-13'; config?: unknown } = {}) => mergeInventories(invs, { toolVersion: VERSION, ...o });
const roundTrip = (inv: Inventory): Inventory => JSON.parse(JSON.stringify(inv)) as Inventory;
const ALL_VALUES = [...CODE_VALUES, ...DB_VALUES, '0987654321', '2012-05-14'];

function outputs(inv: Inventory): string[] {
  return [serializeInventory(inv, 'json', 'vi'), renderInventoryMarkdown(inv, 'vi'), renderInventoryMarkdown(inv, 'en')];
}

describe('golden inventories', () => {
  const code = build([codeScan()], ORGANISATION);
  const db = build([dbScan()]);
  const merged = merge([code, db]);

  test.each([
    ['code', code],
    ['db', db],
    ['merged', merged],
  ])('%s: JSON, Vietnamese and English Markdown', (name, inv) => {
    expect(validateInventory(inv)).toEqual([]);
    expectGolden(`test/inventory/golden/${name}.json`, serializeInventory(inv, 'json', 'vi'));
    expectGolden(`test/inventory/golden/${name}.vi.md`, renderInventoryMarkdown(inv, 'vi'));
    expectGolden(`test/inventory/golden/${name}.en.md`, renderInventoryMarkdown(inv, 'en'));
  });

  test('no raw personal value in any output', () => {
    for (const inv of [code, db, merged]) {
      for (const out of outputs(inv)) for (const v of ALL_VALUES) expect(out).not.toContain(v);
    }
  });
});

describe('merge', () => {
  const code = roundTrip(build([codeScan()], ORGANISATION));
  const db = roundTrip(build([dbScan()]));

  test('merging an inventory with itself changes nothing', () => {
    expect(merge([code])).toEqual(code);
    expect(merge([code, code])).toEqual(code);
    expect(merge([db, db, db])).toEqual(db);
  });

  test('merging a merged inventory again changes nothing; input order does not matter', () => {
    const m = roundTrip(merge([code, db]));
    expect(merge([m])).toEqual(m);
    expect(merge([m, code])).toEqual(m);
    expect(merge([db, m, code])).toEqual(m);
    expect(merge([db, code])).toEqual(m);
    expect(JSON.stringify(merge([db, code]))).toBe(JSON.stringify(m));
  });

  test('code and database inventories merge into one', () => {
    const m = merge([code, db]);
    expect(m.targets.map((t) => t.kind).sort()).toEqual(['database', 'files']);
    const nid = m.categories.find((c) => c.id === 'national-id')!;
    expect(nid.files.map((f) => f.path)).toContain('seed/customers.sql');
    expect(nid.fields).toContainEqual(expect.objectContaining({ model: 'KhachHang', field: 'so_cccd' }));
    expect(nid.columns).toContainEqual(expect.objectContaining({ database: 'bank', schema: 'public', table: 'khach_hang', column: 'so_cccd' }));
    expect(nid.occurrences).toBe(nid.files.reduce((n, f) => n + f.count, 0) + nid.fields.length + nid.columns.length);
    expect(m.storages.map((s) => s.id)).toEqual(expect.arrayContaining(['model:khachhang', 'table:postgres:bank.public.khach_hang']));
    expect(m.protection.map((p) => p.key)).toEqual(['encryption:aes-256-gcm', 'hashing:bcrypt', 'hashing:sha256']);
    expect(m.organisation.controller?.name).toBe(ORGANISATION.controller.name);
  });

  test('the same finding seen twice is counted once', () => {
    const twice = build([codeScan(), codeScan()], ORGANISATION);
    expect(twice).toEqual(build([codeScan()], ORGANISATION));
  });

  test('different organisation values are not guessed between: listed as conflicts to confirm', () => {
    const other = roundTrip(build([dbScan()], { controller: { name: 'Ngân hàng Thử Nghiệm (giả định)' }, dpo: { name: 'Bộ phận Pháp chế' } }));
    const m = merge([code, other]);
    expect(m.organisation.controller?.name).toBeUndefined();
    expect(m.organisation.dpo?.name).toBe('Bộ phận Pháp chế');
    expect(m.conflicts['controller.name']).toEqual(['"Công ty TNHH Thương mại An Phát (giả định)"', '"Ngân hàng Thử Nghiệm (giả định)"']);
    expect(m.todo).toContainEqual(expect.objectContaining({ item: 'a', kind: 'to-confirm', key: 'conflict.controller.name' }));
    expect(renderInventoryMarkdown(m, 'vi')).toContain('Công ty TNHH Thương mại An Phát (giả định) / Ngân hàng Thử Nghiệm (giả định)');
    expect(merge([roundTrip(m), other])).toEqual(m);
    // The current config settles it.
    const settled = merge([m], { config: { controller: { name: 'Công ty Hợp Nhất (giả định)' } } });
    expect(settled.conflicts).toEqual({});
    expect(settled.organisation.controller?.name).toBe('Công ty Hợp Nhất (giả định)');
  });

  test('--law on merge re-derives sensitivity and obligations', () => {
    const legacy = merge([code, db], { regime: 'decree-13' });
    expect(legacy.regime).toBe('decree-13');
    expect(legacy.categories.find((c) => c.id === 'credentials')!.sensitive).toBe(false);
    expect(legacy.categories.find((c) => c.id === 'id-document-image')!.sensitive).toBe(false);
    expect(legacy.obligations.map((o) => o.id)).not.toContain('no-id-document-images-for-account-verification');
    expect(validateInventory(legacy)).toEqual([]);
  });
});

describe('dossier content', () => {
  test('a declaration is an input model when it carries the input marker, whatever its framework id', () => {
    const decl = (model: string, framework: string, input: boolean) => ({
      ruleId: 'pd-declared-phone', kind: 'declaration' as const, category: 'phone', categories: ['phone'], confidence: 'high' as const, score: 0.9, message: model,
      location: { path: `src/${model}.ts`, line: 1, column: 1 },
      properties: { model, field: 'phone', framework, ...(input ? { input: true } : {}) },
    });
    const result: ScanResult = {
      target: { kind: 'files', name: 'app' },
      // A validator added tomorrow needs no entry in the inventory; a model without the marker is storage.
      findings: [decl('SignupForm', 'valibot', true), decl('Customer', 'zod', false), decl('ContactBody', 'dto', true), decl('LeadPayload', '', false)],
      evidence: [], problems: [], stats: {},
    };
    const facts = collectFacts([result], {});
    expect(facts.sources.filter((s) => s.kind === 'input-model').map((s) => s.name).sort()).toEqual(['ContactBody', 'LeadPayload', 'SignupForm']);
    expect(facts.storages.map((s) => s.name)).toEqual(['Customer']);
  });

  test('every dossier item a–i is present, with references for both regimes', () => {
    const inv = build([codeScan()]);
    expect(inv.dossier.map((d) => d.item)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i']);
    for (const d of inv.dossier) {
      expect(d.refs['decree-13'].length).toBeGreaterThan(0);
      expect(d.refs['pdpl-2025'].length).toBeGreaterThan(0);
    }
    const md = renderInventoryMarkdown(inv, 'en');
    for (const d of inv.dossier) expect(md).toContain(`## ${d.item}. ${d.label.en}`);
  });

  test('without an inventory block every controller and DPO field is "to fill"', () => {
    const inv = build([codeScan()]);
    const keys = inv.todo.filter((t) => t.kind === 'to-fill').map((t) => t.key);
    for (const f of ['controller.name', 'controller.address', 'controller.registration_number', 'controller.representative', 'controller.phone', 'controller.email', 'dpo.name', 'dpo.email', 'dpo.phone', 'retention', 'legal_basis', 'processing_start']) {
      expect(keys).toContain(f);
    }
    expect(inv.dossier.find((d) => d.item === 'a')!.status).toBe('to-fill');
    const vi = renderInventoryMarkdown(inv, 'vi');
    expect(vi).toContain('**[CẦN ĐIỀN]** Điền tên tổ chức của bên kiểm soát dữ liệu (inventory.controller.name trong .pdscan.yml).');
    expect(renderInventoryMarkdown(inv, 'en')).toContain('**[TO FILL]** Fill in the controller’s name (inventory.controller.name in .pdscan.yml).');
  });

  test('purposes are inferred from flows, with evidence, and always to confirm', () => {
    const inv = build([codeScan()]);
    const pay = inv.purposes.find((p) => p.key === 'essential.service.payment_processing')!;
    expect(pay.status).toBe('to-confirm');
    expect(pay.recipients).toEqual(['momo', 'stripe']);
    expect(pay.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(['src/orders/orders.service.ts:40', 'src/orders/orders.service.ts:55']);
    expect(inv.purposes.find((p) => p.key === 'marketing.communications.email')!.marketing).toBe(true);
  });

  test('recipients carry country, kind, categories and file:line evidence; foreign ones are transfers', () => {
    const inv = build([codeScan()]);
    const stripe = inv.recipients.find((r) => r.id === 'stripe')!;
    expect(stripe).toMatchObject({ country: 'US', kind: 'payment', foreign: true, categories: ['financial', 'full-name'], sensitiveCategories: ['financial'] });
    expect(stripe.evidence).toEqual([{ path: 'src/orders/orders.service.ts', line: 40, sink: 'payment' }]);
    expect(inv.recipients.find((r) => r.id === 'momo')!.foreign).toBe(false);
    const s3 = inv.recipients.find((r) => r.service === 'aws-s3')!;
    expect(s3).toMatchObject({ id: 'aws-s3:ap-southeast-1', country: 'SG', region: 'ap-southeast-1' });
    const unknown = inv.recipients.find((r) => r.service === 'host:partner-api.example-logistics.io')!;
    expect(unknown.foreign).toBeNull();
    expect(inv.transfers.map((t) => [t.recipient, t.status])).toEqual([
      ['aws-s3:ap-southeast-1', 'foreign'],
      ['host:partner-api.example-logistics.io', 'to-confirm'],
      ['sendgrid', 'foreign'],
      // A payment provider abroad may be exempt from the assessment (Decree 356 Art. 17.3.đ).
      ['stripe', 'exemption-to-confirm'],
    ]);
    expect(inv.summary.crossBorder).toBe(true);
    expect(inv.summary.countries).toEqual(['SG', 'US', 'VN']);
  });

  test('obligations: why each applies, deadlines, references for both regimes', () => {
    const inv = build([codeScan()], ORGANISATION);
    const byId = new Map(inv.obligations.map((o) => [o.id, o]));
    expect(byId.get('processing-impact-assessment')).toMatchObject({ status: 'applies', deadline: '60 days' });
    expect(byId.get('cross-border-transfer-assessment')).toMatchObject({ status: 'applies', deadline: '60 days' });
    // Stripe may be exempt (Art. 17.3.đ): the duty is due because of the others.
    expect(byId.get('cross-border-transfer-assessment')!.firedBy.recipients).toEqual(['aws-s3:ap-southeast-1', 'sendgrid']);
    expect(byId.get('breach-notification')).toMatchObject({ status: 'applies', deadline: '72 hours' });
    expect(byId.get('marketing-consent')!.firedBy.purposes).toEqual(['marketing.communications.email']);
    expect(byId.get('dpo')!.status).toBe('applies');
    // An ordinary password is not sensitive by law (Decree 356 Art. 3.10): a precaution, listed apart.
    expect(byId.get('sensitive-data-notice')!.firedBy.categories).toEqual(['id-document-image', 'health', 'financial']);
    expect(inv.summary.precautionCategories).toEqual(['credentials']);
    for (const o of inv.obligations) {
      expect(o.why.vi).not.toContain('{categories}');
      expect(o.why.en).not.toContain('{categories}');
      expect(o.refs['decree-13'].length + o.refs['pdpl-2025'].length).toBeGreaterThan(0);
    }
    // Sector-specific duties cannot be checked from code: listed, to confirm.
    expect(byId.get('breach-notice-financial-sector')).toMatchObject({ status: 'to-confirm' });
    expect(byId.get('breach-notice-financial-sector')!.confirm!.en).toContain('finance');
    // Sensitive data was found: the small-business exemption is not available.
    const pia = byId.get('processing-impact-assessment')!;
    expect(pia.exemptions.find((e) => e.id === 'small-enterprise-startup')!.available).toBe(false);
    const md = renderInventoryMarkdown(inv, 'en');
    expect(md).toContain('not available because sensitive data was found');
    expect(md).toContain('**References under Decree 13:** Decree 13 Art. 24.1, 24.3, 24.4, 24.6');
  });

  test('Decree 13 regime: different sensitivity, DPO only for sensitive data, no Decree 356 extras', () => {
    const noSensitive: ScanResult = { ...codeScan(), findings: codeScan().findings.filter((f) => ['phone', 'digital-account', 'credentials'].includes(f.category)) };
    const legacy = build([noSensitive], undefined, 'decree-13');
    expect(legacy.summary.sensitiveCategories).toEqual([]);
    expect(legacy.obligations.map((o) => o.id)).not.toContain('dpo');
    expect(legacy.todo.some((t) => t.item === '+')).toBe(false);
    const current = build([noSensitive]);
    // A password found is a precaution, not sensitive data: no sensitive box, the small-business relief stays.
    expect(current.summary.sensitiveCategories).toEqual([]);
    expect(current.summary.precautionCategories).toEqual(['credentials']);
    expect(current.categories.find((c) => c.id === 'credentials')).toMatchObject({ sensitive: false, precaution: true });
    expect(current.obligations.map((o) => o.id)).not.toContain('sensitive-data-notice');
    const pia = current.obligations.find((o) => o.id === 'processing-impact-assessment')!;
    expect(pia.exemptions.find((e) => e.id === 'small-enterprise-startup')!.available).toBe(true);
    expect(current.obligations.map((o) => o.id)).toContain('dpo');
    expect(legacy.summary.precautionCategories).toEqual([]);
    expect(renderInventoryMarkdown(legacy, 'vi')).not.toContain('Nội dung bổ sung theo Nghị định 356');
  });

  test("children's data: config decides; names only hint", () => {
    const hinted = build([codeScan()]);
    expect(hinted.childrenHints).toEqual([{ path: 'src/students/student.entity.ts', line: 5, term: 'hoc sinh' }]);
    expect(hinted.obligations.find((o) => o.id === 'children-consent')).toMatchObject({ status: 'to-confirm' });
    expect(hinted.todo.find((t) => t.key === 'children')!.text.en).toContain('src/students/student.entity.ts:5');
    const yes = build([codeScan()], { children: true });
    expect(yes.obligations.find((o) => o.id === 'children-consent')!.status).toBe('applies');
    expect(yes.obligations.map((o) => o.id)).not.toContain('children-age-verification');
    expect(build([codeScan()], { children: true }, 'decree-13').obligations.map((o) => o.id)).toContain('children-age-verification');
    const no = build([codeScan()], { children: false });
    expect(no.obligations.map((o) => o.id)).not.toContain('children-consent');
    expect(no.todo.map((t) => t.key)).not.toContain('children');
  });

  test('protection measures are evidence, never presented as proof', () => {
    const inv = build([codeScan()]);
    expect(inv.dossier.find((d) => d.item === 'h')!.status).toBe('partial');
    expect(renderInventoryMarkdown(inv, 'en')).toContain('They are evidence to describe, not proof that the data is fully protected or that the law is complied with.');
    expect(renderInventoryMarkdown(inv, 'vi')).toContain('không chứng minh dữ liệu đã được bảo vệ đầy đủ hay việc tuân thủ pháp luật');
  });

  test('the Mermaid diagram goes sources → storages → recipients and marks foreign recipients', () => {
    const md = renderInventoryMarkdown(build([codeScan()]), 'en');
    const diagram = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3));
    expect(diagram).toContain('flowchart LR');
    expect(diagram.indexOf('"Sources"')).toBeLessThan(diagram.indexOf('"Storages"'));
    expect(diagram.indexOf('"Storages"')).toBeLessThan(diagram.indexOf('"Recipients"'));
    expect(diagram).toMatch(/\["Stripe · abroad: United States \(US\)"\]:::foreign/);
    expect(diagram).toMatch(/\[\("Amazon S3 · abroad: Singapore \(SG\)"\)\]:::foreign/);
    expect(diagram).toMatch(/\["MoMo \(M_Service\) · Vietnam \(VN\)"\]\n/);
    expect(diagram).toContain(':::unknown');
    const ids = [...diagram.matchAll(/^ {4}(\w+)[[(]/gm)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(diagram).toMatch(/-->\|"financial, full-name"\|/);
  });

  test('an empty scan still gives every section, marked to fill', () => {
    const inv = build([{ target: { kind: 'files', name: '.' }, findings: [], evidence: [], problems: [], stats: { filesScanned: 0 } }]);
    expect(validateInventory(inv)).toEqual([]);
    expect(inv.obligations).toEqual([]);
    expect(inv.todo.map((t) => t.key)).toEqual(expect.arrayContaining(['categories.none', 'purposes.none', 'protection.none']));
    const md = renderInventoryMarkdown(inv, 'en');
    expect(md).toContain('No obligation follows from the scan results.');
    expect(md).toContain('Not enough data for a diagram.');
  });
});

describe('no raw values', () => {
  test('a value carried by an evidence description or a name is masked', () => {
    const scan = codeScan();
    scan.evidence.push({ kind: 'protection', key: 'masking', description: `Masks ${CODE_VALUES[1]} in logs`, location: { path: 'src/a.ts', line: 1, column: 1 } });
    scan.findings.push({ ruleId: 'pd-log', kind: 'risk', category: 'digital-account', categories: ['digital-account'], confidence: 'high', score: 0.9, message: 'x', value: CODE_VALUES[2], location: { path: `uploads/${CODE_VALUES[2]}.txt`, line: 1, column: 1 } });
    const inv = build([scan]);
    for (const out of outputs(inv)) for (const v of CODE_VALUES) expect(out).not.toContain(v);
    expect(JSON.stringify(inv)).toContain('Masks 09******78 in logs');
  });

  test('short values that could be ordinary words are left alone ("Nam" in "Việt Nam")', () => {
    const scan = codeScan();
    scan.findings.push({ ruleId: 'gender', kind: 'value', category: 'gender', categories: ['gender'], confidence: 'high', score: 0.9, message: 'x', value: 'Nam', location: { path: 'seed/a.csv', line: 2, column: 5 } });
    expect(renderInventoryMarkdown(build([scan]), 'vi')).toContain('Việt Nam');
  });
});
