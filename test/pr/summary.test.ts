/** Inventory diff, obligations, the Markdown summary, step outputs and the diff filter, on made-up findings. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { ScanResult } from '../../src/model/result.js';
import { diffFacts, emptyFacts, factsOf } from '../../src/pr/inventory-facts.js';
import { obligationsFor } from '../../src/pr/obligations.js';
import { mdCell, renderSummary } from '../../src/pr/summary.js';
import { eventBase, formatOutputs, lineLinker } from '../../src/pr/github.js';
import { decidingLocations, filterToChanges } from '../../src/pr/diff-filter.js';
import { RuleCatalog } from '../../src/rules/meta/index.js';
import type { ReportContext } from '../../src/report/context.js';
import type { ChangeSet } from '../../src/pr/changes.js';
import { LineSet } from '../../src/pr/line-set.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'r',
  kind: 'value',
  category: 'phone',
  categories: [over.category ?? 'phone'],
  confidence: 'high',
  score: 0.9,
  message: 'Phone number',
  value: '0912345678',
  location: { path: 'src/a.ts', line: 1, column: 1 },
  ...over,
});

const flow = (recipient: object, categories: string[], extra: Record<string, unknown> = {}, sinkLine = 9): Finding =>
  finding({
    ruleId: 'flow-to-third-party',
    kind: 'flow',
    category: categories[0]!,
    categories,
    value: undefined,
    message: 'Personal data sent to a third party',
    location: { path: 'src/api.ts', line: 2, column: 1 },
    flow: [
      { location: { path: 'src/api.ts', line: 2, column: 1 }, message: 'source' },
      { location: { path: 'src/api.ts', line: sinkLine, column: 3 }, message: 'sink' },
    ],
    properties: { recipient, ...extra },
  });

const openai = { id: 'openai', name: 'OpenAI', country: 'US', kind: 'ai' };
const vnpay = { id: 'vnpay', name: 'VNPAY', country: 'VN', kind: 'payment' };

describe('inventory facts', () => {
  it('collects categories, recipients and transfers abroad; suppressed findings do not count', () => {
    const facts = factsOf([
      finding({ category: 'health', categories: ['health'] }),
      finding({ category: 'biometric', categories: ['biometric'], suppression: { kind: 'inSource', justification: 'x' } }),
      flow(openai, ['health', 'phone']),
      flow(vnpay, ['financial']),
      flow({ id: 'aws-s3', name: 'Amazon S3', country: 'SG' }, ['phone'], { crossBorder: false }),
      finding({ ruleId: 'pdscan-suppression-without-reason', category: 'location', categories: ['location'] }),
    ]);
    expect([...facts.categories].sort()).toEqual(['financial', 'health', 'phone']);
    expect([...facts.recipients.keys()].sort()).toEqual(['aws-s3', 'openai', 'vnpay']);
    expect([...facts.transfers.keys()]).toEqual(['openai@US']); // crossBorder: false wins over the country
  });

  it('diff lists what the head adds: sensitive categories, recipients, transfers, purposes', () => {
    const base = factsOf([finding({ category: 'health', categories: ['health'] }), flow(vnpay, ['financial'])]);
    const head = factsOf([
      finding({ category: 'health', categories: ['health'] }),
      finding({ category: 'location', categories: ['location'] }),
      finding({ category: 'phone' }),
      flow(vnpay, ['financial']),
      flow(openai, ['health'], { purposes: ['marketing.advertising.profiling'] }),
    ]);
    const d = diffFacts(head, base, 'pdpl-2025');
    expect(d.sensitiveCategories).toEqual(['location']);
    expect(d.recipients.map((r) => r.id)).toEqual(['openai']);
    expect(d.transfers.map((r) => `${r.id}:${r.country}`)).toEqual(['openai:US']);
    expect(d.purposes).toEqual(['marketing.advertising.profiling']);
    // Sensitivity depends on the regime: online activity is sensitive only under Law 91.
    const oa = factsOf([finding({ category: 'online-activity', categories: ['online-activity'] })]);
    expect(diffFacts(oa, emptyFacts(), 'pdpl-2025').sensitiveCategories).toEqual(['online-activity']);
    expect(diffFacts(oa, emptyFacts(), 'decree-13').sensitiveCategories).toEqual([]);
  });
});

describe('obligations', () => {
  it('new sensitive data, a new transfer abroad and a new recipient trigger their duties; an existing duty is an update', () => {
    const base = factsOf([finding({ category: 'health', categories: ['health'] }), flow({ id: 'aws', name: 'AWS', country: 'US' }, ['phone'])]);
    const head = factsOf([...[finding({ category: 'location', categories: ['location'] })], flow(openai, ['health'])]);
    const d = diffFacts(head, base, 'pdpl-2025');
    const r = obligationsFor(d, base, 'pdpl-2025');
    const byId = Object.fromEntries(r.obligations.map((o) => [o.id, o.status]));
    expect(byId['location-tracking']).toBe('new');
    expect(byId['breach-notice-location-biometric']).toBe('new');
    expect(byId['cross-border-transfer-assessment']).toBe('update'); // the base already sends data abroad
    expect(byId['sensitive-data-safeguards']).toBe('update'); // the base already has health data
    expect(byId['processing-impact-assessment']).toBeUndefined(); // any-personal: not in diff mode
    for (const o of r.obligations) expect(o.refs.every((x) => x.startsWith('pdpl-2025:'))).toBe(true);
  });

  it('sensitive data makes the small-business exemptions unavailable, once', () => {
    const head = factsOf([finding({ category: 'health', categories: ['health'] })]);
    const r = obligationsFor(diffFacts(head, emptyFacts(), 'pdpl-2025'), emptyFacts(), 'pdpl-2025');
    expect(r.lostExemptions.map((e) => e.id)).toEqual(expect.arrayContaining(['small-enterprise-startup', 'household-micro-enterprise']));
    const already = obligationsFor(diffFacts(head, head, 'pdpl-2025'), head, 'pdpl-2025');
    expect(already.lostExemptions).toEqual([]);
    expect(already.obligations).toEqual([]);
  });

  it('a full scan (no base) lists the general duties of any personal data', () => {
    const head = factsOf([finding({ category: 'phone' })]);
    const r = obligationsFor(diffFacts(head, emptyFacts(), 'pdpl-2025'), emptyFacts(), 'pdpl-2025', ['phone'], true);
    expect(r.obligations.map((o) => o.id)).toEqual(expect.arrayContaining(['processing-impact-assessment', 'breach-notification', 'dpo']));
    // Under Decree 13 a DPO was needed only for sensitive data.
    const d13 = obligationsFor(diffFacts(head, emptyFacts(), 'decree-13'), emptyFacts(), 'decree-13', ['phone'], true);
    expect(d13.obligations.map((o) => o.id)).not.toContain('dpo');
  });
});

describe('renderSummary', () => {
  const ctx: ReportContext = { regime: 'pdpl-2025', showData: false, explain: false, cwd: '/repo', toolVersion: '0.0.0', rules: new RuleCatalog() };
  const result = (findings: Finding[]): ScanResult => ({ target: { kind: 'files', name: '.' }, findings, evidence: [], problems: [], stats: { filesScanned: 3 } });

  it('masks values, escapes table cells, links lines and reports stale entries', () => {
    const findings = [
      finding({ category: 'health', categories: ['health'], message: 'Diagnosis | note <b>', value: 'viêm phổi cấp', location: { path: 'src/a|b.ts', line: 4, column: 2 } }),
      finding({ suppression: { kind: 'inSource', justification: 'demo' } }),
    ];
    const head = factsOf(findings);
    const introduced = diffFacts(head, emptyFacts(), 'pdpl-2025');
    const md = renderSummary({
      results: [result(findings)],
      ctx,
      failOn: 'high',
      exitCode: 1,
      diff: { ref: 'main', from: 'a'.repeat(40), changedFiles: 1, deletedFiles: 0 },
      introduced,
      obligations: obligationsFor(introduced, emptyFacts(), 'pdpl-2025'),
      baselined: 2,
      stale: [{ fingerprint: 'f', ruleId: 'vn-phone', category: 'phone', path: 'old.ts', line: 3 }],
      baselineFile: '.pdscan-baseline.json',
      notes: ['deepened the shallow clone'],
      link: (p, l) => `https://example.invalid/${p}#L${l}`,
    });
    expect(md).not.toContain('viêm phổi cấp');
    expect(md).toContain('Diagnosis \\| note &lt;b&gt;');
    expect(md).toContain('[`src/a\\|b.ts:4`](https://example.invalid/src/a|b.ts#L4)');
    expect(md).toMatch(/\*\*1 new finding\*\* in 1 changed file since `main`/);
    expect(md).toMatch(/1 suppressed inline, 2 hidden by the baseline/);
    expect(md).toMatch(/❌ Failed/);
    expect(md).toMatch(/1 baseline entry no longer matches \(stale\)/);
    expect(md).toMatch(/pdscan baseline prune --baseline .pdscan-baseline.json/);
    expect(md).toMatch(/> deepened the shallow clone/);
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('says so when nothing new is introduced', () => {
    const md = renderSummary({
      results: [result([])],
      ctx,
      failOn: 'high',
      exitCode: 0,
      diff: { ref: 'main', from: 'b'.repeat(40), changedFiles: 2, deletedFiles: 1 },
      introduced: diffFacts(emptyFacts(), emptyFacts(), 'pdpl-2025'),
      obligations: { obligations: [], lostExemptions: [] },
      baselined: 0,
      stale: [],
      notes: [],
    });
    expect(md).toMatch(/✅ Passed: no new finding at or above `high`/);
    expect(md).toMatch(/New sensitive categories:\*\* none new/);
    expect(md).toMatch(/No new obligation/);
    expect(md).not.toMatch(/### New findings\n/);
  });

  it('mdCell neutralises Markdown and HTML', () => {
    expect(mdCell('a|b`c<script>\nd\\')).toBe("a\\|b'c&lt;script&gt; d\\\\");
  });
});

describe('GitHub environment', () => {
  it('formats outputs, with a heredoc for multi-line values', () => {
    const s = formatOutputs({ a: 1, b: 'x,y', c: 'line1\nline2', d: true });
    expect(s).toMatch(/^a=1\nb=x,y\nc<<(pdscan_[0-9a-f]{16})\nline1\nline2\n\1\nd=true\n$/);
  });
  it('reads the pull request base from the event payload', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-ev-'));
    const file = path.join(dir, 'e.json');
    writeFileSync(file, JSON.stringify({ pull_request: { base: { sha: 'abc' } } }));
    expect(eventBase({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file })).toBe('abc');
    expect(eventBase({ GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: file })).toBe('abc');
    writeFileSync(file, JSON.stringify({ merge_group: { base_sha: 'mq' } }));
    expect(eventBase({ GITHUB_EVENT_NAME: 'merge_group', GITHUB_EVENT_PATH: file })).toBe('mq');
    writeFileSync(file, JSON.stringify({ before: '0000000000000000000000000000000000000000' }));
    expect(eventBase({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: file }, true)).toBeUndefined(); // a new branch
    writeFileSync(file, JSON.stringify({ before: 'def' }));
    expect(eventBase({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: file }, true)).toBe('def');
    expect(eventBase({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: file })).toBeUndefined();
    writeFileSync(file, '{not json');
    expect(eventBase({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file, GITHUB_BASE_REF: 'main' })).toBe('origin/main');
  });
  it('links lines only inside GitHub Actions', () => {
    expect(lineLinker({})).toBeUndefined();
    const link = lineLinker({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'sha' })!;
    expect(link('dữ liệu/a b.ts', 3)).toBe('https://github.com/o/r/blob/sha/d%E1%BB%AF%20li%E1%BB%87u/a%20b.ts#L3');
  });
});

describe('diff filter', () => {
  const changes = (lines: Record<string, Array<[number, number]> | 'all'>): ChangeSet => ({
    ref: 'main',
    base: 'b',
    from: 'b',
    root: '/r',
    changed: new Map(Object.entries(lines).map(([p, l]) => [p, { path: p, repoPath: p, status: 'modified' as const, binary: false, lines: l === 'all' ? 'all' : new LineSet(l) }])),
    deleted: [],
    notes: [],
  });

  it('a flow counts as new when any step of its path changed: sink, source, or a step in another file', () => {
    const sinkChanged = flow(openai, ['phone'], {}, 9);
    const c = changes({ 'src/api.ts': [[9, 9]] });
    expect(decidingLocations(sinkChanged).map((l) => l.line)).toEqual([2, 9, 2]);
    expect(filterToChanges([sinkChanged], c)).toEqual([sinkChanged]);
    // The source line (step 1) changed: the flow is the change's doing too.
    expect(filterToChanges([sinkChanged], changes({ 'src/api.ts': [[2, 2]] }))).toEqual([sinkChanged]);
    // A line between the steps is not on the path.
    expect(filterToChanges([sinkChanged], changes({ 'src/api.ts': [[5, 6]] }))).toEqual([]);
    // The sink is in an unchanged file; a middle step sits on a changed line of another file.
    const across = finding({
      ...sinkChanged,
      location: { path: 'src/sink.ts', line: 4, column: 1 },
      flow: [
        { location: { path: 'src/ctrl.ts', line: 7, column: 1 }, message: 'request body' },
        { location: { path: 'src/ctrl.ts', line: 8, column: 1 }, message: 'call send()' },
        { location: { path: 'src/sink.ts', line: 4, column: 1 }, message: 'sink' },
      ],
    });
    expect(filterToChanges([across], changes({ 'src/ctrl.ts': [[8, 8]] }))).toEqual([across]);
    expect(filterToChanges([across], changes({ 'src/ctrl.ts': [[20, 30]] }))).toEqual([]);
  });

  it('a value or declaration finding keeps the line rule: only its own lines decide', () => {
    const v = finding({ location: { path: 'src/api.ts', line: 4, column: 1 } });
    expect(filterToChanges([v], changes({ 'src/api.ts': [[3, 3]] }))).toEqual([]);
    expect(filterToChanges([v], changes({ 'src/api.ts': [[4, 4]] }))).toEqual([v]);
  });

  it('a multi-line finding is new when any of its lines changed; aggregates when their file changed', () => {
    const span = finding({ location: { path: 'a.ts', line: 3, column: 1, endLine: 6, endColumn: 2 } });
    expect(filterToChanges([span], changes({ 'a.ts': [[5, 5]] }))).toEqual([span]);
    expect(filterToChanges([span], changes({ 'a.ts': [[7, 9]] }))).toEqual([]);
    const agg = finding({ kind: 'aggregate', count: 500, location: { path: 'data.csv', line: 2, column: 1 } });
    expect(filterToChanges([agg], changes({ 'data.csv': [[900, 901]] }))).toEqual([agg]);
    expect(filterToChanges([agg], changes({ 'data.csv': [] }))).toEqual([]);
    expect(filterToChanges([finding({ location: undefined })], changes({ 'a.ts': 'all' }))).toEqual([]);
    expect(filterToChanges([finding({ location: { path: 'b.ts', line: 1, column: 1 } })], changes({ 'a.ts': 'all' }))).toEqual([]);
  });
});
