/**
 * The pull-request summary and the inventory evaluate rules/obligations.yml with one evaluator:
 * for the same scan they list the same obligations with the same status, including the duties
 * pdscan cannot rule out (children's data, a transfer to a recipient whose country is unknown).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Regime } from '../../src/model/categories.js';
import type { ScanResult } from '../../src/model/result.js';
import { scanFiles } from '../../src/scan/scan-files.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { buildInventory, renderInventoryMarkdown } from '../../src/report/inventory/index.js';
import { diffFacts, emptyFacts, factsOf } from '../../src/pr/inventory-facts.js';
import { obligationsFor } from '../../src/pr/obligations.js';
import { renderSummary } from '../../src/pr/summary.js';
import { RuleCatalog } from '../../src/rules/meta/index.js';
import { thirdPartyFlow } from '../helpers/flow-finding.js';

const result = (findings: Finding[]): ScanResult => ({ target: { kind: 'files', name: '.' }, findings, evidence: [], problems: [], stats: { filesScanned: 1 } });

/** id → status as the inventory lists them. */
function inventoryView(r: ScanResult, regime: Regime, children?: boolean): Record<string, string> {
  const inv = buildInventory([r], { regime, toolVersion: '0.0.0', ...(children !== undefined ? { config: { children } } : {}) });
  return Object.fromEntries(inv.obligations.map((o) => [o.id, o.status]));
}

/** id → status as a full-scan pull-request summary lists them (no base: everything is introduced). */
function prView(r: ScanResult, regime: Regime, children?: boolean): Record<string, string> {
  const head = factsOf(r.findings);
  const report = obligationsFor(diffFacts(head, emptyFacts(), regime), emptyFacts(), regime, [...head.categories], true, children ?? null);
  return Object.fromEntries(report.obligations.map((o) => [o.id, o.verdict]));
}

const flow = (recipient: object, categories: string[], props: Record<string, unknown> = {}): Finding =>
  thirdPartyFlow(recipient, categories, props, { line: 9, sourceLine: 2 });

// A partner API whose country nobody knows, and health data: the children's duty and the
// cross-border assessment can be neither confirmed nor ruled out.
const synthetic = result([
  flow({ id: 'host:api.partner.example', name: 'api.partner.example' }, ['health', 'phone']),
  flow({ id: 'vnpay', name: 'VNPAY', country: 'VN', kind: 'payment' }, ['financial'], { crossBorder: false }),
]);

describe('PR summary and inventory agree on obligations', () => {
  for (const regime of ['pdpl-2025', 'decree-13'] as const) {
    it(`synthetic findings with an unknown-country transfer and possible children's data (${regime})`, () => {
      const inv = inventoryView(synthetic, regime);
      expect(prView(synthetic, regime)).toEqual(inv);
      expect(inv['cross-border-transfer-assessment']).toBe('to-confirm');
      // Law 91 Art. 24 and Decree 13 Art. 20 word the duty differently: one obligation per regime.
      expect(inv[regime === 'decree-13' ? 'children-consent-decree-13' : 'children-consent']).toBe('to-confirm');
    });
  }

  it('a transfer abroad that may be exempt (Decree 356 Art. 17.3.đ) makes the cross-border duty "to confirm" for both, and due under Decree 13', () => {
    const stripe = flow({ id: 'stripe', name: 'Stripe', country: 'US', kind: 'payment' }, ['financial', 'digital-account'], { crossBorder: true });
    const r = result([stripe]);
    const inv = inventoryView(r, 'pdpl-2025');
    expect(prView(r, 'pdpl-2025')).toEqual(inv);
    expect(inv['cross-border-transfer-assessment']).toBe('to-confirm');
    const full = buildInventory([r], { regime: 'pdpl-2025', toolVersion: '0.0.0' });
    expect(full.transfers.map((t) => t.status)).toEqual(['exemption-to-confirm']);
    expect(full.obligations.find((o) => o.id === 'cross-border-transfer-assessment')!.confirm?.en).toMatch(/Stripe.*may be exempt.*17\.3/);
    // The summary, the transfer table and item e say the same.
    const md = renderInventoryMarkdown(full, 'en');
    expect(md).toContain('| Cross-border transfers | **Yes**: **[TO CONFIRM]** the cross-border transfer assessment may not be required (Decree 356 Art. 17.3) |');
    expect(md).toMatch(/\| Abroad, may be exempt from the assessment \(Decree 356 Art\. 17\.3\), \*\*\[TO CONFIRM\]\*\* \|/);
    expect(md).toContain('but only to recipients that may be exempt');
    expect(md).not.toContain('a cross-border transfer impact assessment is required');
    // With a recipient abroad that has no exemption, the duty is due again, fired by that one only.
    const both = result([stripe, flow({ id: 'sendgrid', name: 'SendGrid', country: 'US', kind: 'email' }, ['digital-account'], { crossBorder: true })]);
    expect(inventoryView(both, 'pdpl-2025')['cross-border-transfer-assessment']).toBe('applies');
    expect(prView(both, 'pdpl-2025')['cross-border-transfer-assessment']).toBe('applies');
    // Art. 17.3 is Decree 356's: under Decree 13 the transfer needs the assessment.
    expect(inventoryView(r, 'decree-13')['cross-border-transfer-assessment']).toBe('applies');
    expect(prView(r, 'decree-13')).toEqual(inventoryView(r, 'decree-13'));
  });

  it('a flow to a host named only by an environment variable is a recipient whose country is unknown, for both', () => {
    const envOnly = flow({}, ['phone'], { hostEnv: 'PARTNER_URL' });
    delete envOnly.properties!.recipient;
    const r = result([envOnly]);
    const inv = inventoryView(r, 'pdpl-2025');
    expect(inv['cross-border-transfer-assessment']).toBe('to-confirm');
    expect(inv['third-party-agreement']).toBe('applies');
    expect(prView(r, 'pdpl-2025')).toEqual(inv);
    expect([...factsOf(r.findings).recipients.values()].map((x) => x.name)).toEqual(['$PARTNER_URL']);
  });

  it('the config settles children: both list the duty as applying, or neither lists it', () => {
    expect(prView(synthetic, 'pdpl-2025', true)).toEqual(inventoryView(synthetic, 'pdpl-2025', true));
    expect(prView(synthetic, 'pdpl-2025', true)['children-consent']).toBe('applies');
    expect(prView(synthetic, 'pdpl-2025', false)).toEqual(inventoryView(synthetic, 'pdpl-2025', false));
    expect(prView(synthetic, 'pdpl-2025', false)['children-consent']).toBeUndefined();
  });

  it('a change that adds an unknown-country recipient lists the transfer assessment as new, to confirm', () => {
    const base = factsOf([flow({ id: 'vnpay', name: 'VNPAY', country: 'VN' }, ['financial'], { crossBorder: false })]);
    const head = factsOf(synthetic.findings);
    const r = obligationsFor(diffFacts(head, base, 'pdpl-2025'), base, 'pdpl-2025');
    const transfer = r.obligations.find((o) => o.id === 'cross-border-transfer-assessment');
    expect(transfer).toMatchObject({ status: 'new', verdict: 'to-confirm' });
    expect(transfer!.confirm).toContain('api.partner.example');
    const md = renderSummary({
      results: [synthetic],
      ctx: { regime: 'pdpl-2025', showData: false, explain: false, cwd: '/repo', toolVersion: '0.0.0', rules: new RuleCatalog() },
      failOn: 'none',
      exitCode: 0,
      diff: { ref: 'main', from: 'abc', changedFiles: 1, deletedFiles: 0 },
      introduced: diffFacts(head, base, 'pdpl-2025'),
      obligations: r,
      baselined: 0,
      stale: [],
      notes: [],
    });
    expect(md).toMatch(/cross-border transfer[^\n]*\| \*\*new\*\*, to confirm: the country where these recipients process data is unknown: api\.partner\.example\. \|/i);
  });

  describe('fixtures/demo-app', () => {
    let demo: ScanResult;
    beforeAll(async () => {
      demo = await scanFiles({ paths: ['fixtures/demo-app'], cwd: PACKAGE_ROOT, threads: 1, maxFileSize: 5 * 1024 * 1024, ruleOptions: {} });
    });

    it('lists the same obligations with the same status', () => {
      for (const regime of ['pdpl-2025', 'decree-13'] as const) {
        const inv = inventoryView(demo, regime);
        expect(Object.keys(inv).length).toBeGreaterThan(5);
        expect(prView(demo, regime), regime).toEqual(inv);
      }
    });
  });
});
