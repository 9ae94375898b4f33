import { describe, expect, test } from 'vitest';
import { scanSources } from '../../test/helpers/scan-sources.js';
import { ruleCatalog } from '../rules/meta/index.js';
import { toText } from './text.js';
import type { ReportContext } from './context.js';

const CTX: ReportContext = { regime: 'pdpl-2025', showData: false, explain: false, cwd: '.', toolVersion: 'test', rules: ruleCatalog([]) };

describe('text output: call sites of one wrapper are grouped', () => {
  const callers = Array.from({ length: 12 }, (_, i) => `src/c${String(i).padStart(2, '0')}.ts`);
  const files: Record<string, string> = {
    'src/log.ts': `import pino from 'pino';\nconst log = pino();\nexport function audit(what: string, data: unknown) { log.info({ data }, what); }`,
  };
  for (const p of callers) files[p] = `import { audit } from './log';\nexport function f(user: { email: string }) { audit('seen', user.email); }`;
  const findings = scanSources(files).findings.filter((f) => f.kind === 'flow');

  test('one result per call site in the findings, one entry in the text listing the others', () => {
    expect(findings.map((f) => f.location?.path).sort()).toEqual(callers);
    const text = toText([{ target: { kind: 'files', name: '.' }, findings, evidence: [], problems: [], stats: {} }], CTX);
    expect(text.match(/via audit\(\) → log\.info\(\)/g)).toHaveLength(1);
    expect(text).toContain('+ 11 other call sites of audit() reach the same sink: src/c01.ts:2, src/c02.ts:2,');
    expect(text).toContain('… and 3 more');
    // Files whose only results are grouped elsewhere get no section of their own.
    expect(text).not.toContain('src/c05.ts\n');
  });

  test('hard negative: results of different rules or sinks are not grouped', () => {
    const two = findings.slice(0, 2).map((f, i) => (i === 0 ? f : { ...f, ruleId: 'pd-third-party' }));
    const text = toText([{ target: { kind: 'files', name: '.' }, findings: two, evidence: [], problems: [], stats: {} }], CTX);
    expect(text.match(/via audit\(\) → log\.info\(\)/g)).toHaveLength(2);
    expect(text).not.toContain('other call site');
  });
});
