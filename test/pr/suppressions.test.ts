/** Inline suppressions end to end: every comment syntax, the missing-reason warning, SARIF. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { clearGithubEnv, makeRepo, pdscan, type Repo, type RunResult } from './helpers.js';
import { MISSING_REASON_RULE } from '../../src/rules/meta/families.js';
import { multitoolErrors } from '../helpers/sarif-multitool.js';

let repo: Repo;
let run: RunResult;
let sarif: { runs: Array<{ results: Array<{ ruleId: string; suppressions?: Array<{ kind: string; justification?: string }>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };

beforeAll(async () => {
  clearGithubEnv();
  repo = makeRepo();
  repo.write('src/app.ts', [
    '// pdscan-ignore-next-line phone -- synthetic number for the demo',
    'const a = "TESTPHONE-1000";',
    'const b = "TESTPHONE-1001"; // pdscan-ignore-line t-phone -- rule id works too',
    '// pdscan-ignore-next-line phone',
    'const c = "TESTPHONE-1002";',
    '// pdscan-ignore-next-line health -- wrong category: does not hide the phone',
    'const d = "TESTPHONE-1003";',
    'const e = "TESTPHONE-1004";',
    '',
  ].join('\n'));
  repo.write('scripts/seed.py', '# pdscan-ignore-next-line health -- seed data\nDIAG = "TESTDIAG-flu"\n');
  repo.write('db/seed.sql', "-- pdscan-ignore-next-line digital-account -- fixture accounts\nINSERT INTO t VALUES ('TESTACCT-1');\n");
  repo.write('docs/index.html', '<!-- pdscan-ignore-next-line phone -- example in docs -->\n<p>TESTPHONE-1005</p>\n<!-- pdscan-ignore-next-line phone -->\n<p>TESTPHONE-1006</p>\n');
  repo.write('conf/app.yml', 'contact: TESTPHONE-1007 # pdscan-ignore-line phone -- placeholder\n');
  repo.commit('base');
  run = await pdscan(repo.dir, ['scan', '--sarif', path.join(repo.out, 'r.sarif')]);
  sarif = JSON.parse(readFileSync(path.join(repo.out, 'r.sarif'), 'utf8'));
});
afterAll(() => repo.dispose());

const at = (p: string, line: number) => run.json!.findings.filter((f) => f.location?.path === p && f.location.line === line && f.ruleId.startsWith('t-'));

describe('inline suppressions', () => {
  it('// next-line with a category, reason kept as justification', () => {
    expect(at('src/app.ts', 2)[0]!.suppression).toEqual({ kind: 'inSource', justification: 'synthetic number for the demo' });
  });
  it('same-line directive with a rule id', () => {
    expect(at('src/app.ts', 3)[0]!.suppression?.justification).toBe('rule id works too');
  });
  it('# (Python/YAML), -- (SQL) and <!-- --> (HTML) syntaxes', () => {
    expect(at('scripts/seed.py', 2)[0]!.suppression?.justification).toBe('seed data');
    expect(at('db/seed.sql', 2)[0]!.suppression?.justification).toBe('fixture accounts');
    expect(at('docs/index.html', 2)[0]!.suppression?.justification).toBe('example in docs');
    expect(at('conf/app.yml', 1)[0]!.suppression?.justification).toBe('placeholder');
  });
  it('a directive for another category does not hide the finding, nor reach two lines down', () => {
    expect(at('src/app.ts', 7)[0]!.suppression).toBeUndefined();
    expect(at('src/app.ts', 8)[0]!.suppression).toBeUndefined();
  });
  it('a suppression without a reason still hides the finding but is itself a low warning of that category', () => {
    expect(at('src/app.ts', 5)[0]!.suppression).toEqual({ kind: 'inSource' });
    const warnings = run.json!.findings.filter((f) => f.ruleId === MISSING_REASON_RULE);
    expect(warnings.map((w) => `${w.location!.path}:${w.location!.line}`).sort()).toEqual(['docs/index.html:3', 'src/app.ts:4']);
    for (const w of warnings) {
      expect(w.level).toBe('low');
      expect(w.category).toBe('phone');
      expect(w.suppression).toBeUndefined();
      expect(w.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
  });
  it('suppressed results stay in SARIF with `suppressions`', () => {
    const results = sarif.runs[0]!.results;
    const sup = results.filter((r) => r.suppressions?.length && r.ruleId.startsWith('t-'));
    expect(sup.length).toBe(8);
    const first = sup.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'src/app.ts' && r.locations[0]!.physicalLocation.region.startLine === 2)!;
    expect(first.suppressions).toEqual([{ kind: 'inSource', justification: 'synthetic number for the demo' }]);
    expect(results.some((r) => r.ruleId === MISSING_REASON_RULE && !r.suppressions)).toBe(true);
    expect(multitoolErrors(path.join(repo.out, 'r.sarif'))).toEqual([]);
  });
  it('suppressed findings do not fail the check', async () => {
    const r = await pdscan(repo.dir, ['scan', 'scripts', '--fail-on', 'low']);
    expect(r.json!.findings.filter((f) => f.ruleId.startsWith('t-')).every((f) => f.suppression)).toBe(true);
    expect(r.code).toBe(0);
  });
});
