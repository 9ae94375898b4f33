/**
 * Issue 12 through the built CLI: every value finding says where it was found (SARIF and JSON
 * `properties.context`), values outside source and data files are notes that do not fail
 * --fail-on, and --include-test-data / `include_test_data: true` bring them back.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/util/paths.js';

const BIN = path.join(PACKAGE_ROOT, 'bin/pdscan.js');
const CONTEXTS = ['source', 'test', 'docs', 'i18n', 'asset', 'config-example', 'data'];
let dir: string;

function pdscan(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface SarifResult {
  level: string;
  ruleId: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
  properties: { kind: string; context?: string };
}

function sarifResults(args: string[]): SarifResult[] {
  const r = pdscan(['scan', 'app', '--format', 'sarif', '-q', ...args]);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { runs: Array<{ results: SarifResult[] }> }).runs[0]!.results;
}

const uri = (r: SarifResult) => r.locations[0]!.physicalLocation.artifactLocation.uri;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-testdata-'));
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  // The app lives under a directory named like a test folder: contexts are judged inside the scanned root.
  put('app/exports/customers.csv', 'ho_ten,so_dien_thoai\nTrần Văn Hùng,0903817264\nLê Thị Hoa,0987163542\n');
  put('app/test/users.test.txt', 'Số điện thoại: 0903817264\n');
  put('app/docs/guide.md', 'Số điện thoại: 0987163542\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file context of value findings', () => {
  test('every value finding in SARIF carries one of the seven contexts', () => {
    const results = sarifResults([]).filter((r) => r.properties.kind === 'value' || r.properties.kind === 'aggregate');
    expect(results.length).toBeGreaterThanOrEqual(3);
    for (const r of results) expect(CONTEXTS).toContain(r.properties.context);
    const byFile = Object.fromEntries(results.map((r) => [uri(r), r.properties.context]));
    expect(byFile).toMatchObject({ 'app/exports/customers.csv': 'data', 'app/test/users.test.txt': 'test', 'app/docs/guide.md': 'docs' });
  });

  test('JSON carries the same field', () => {
    const r = pdscan(['scan', 'app', '--format', 'json', '-q']);
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ location: { path: string }; properties?: { context?: string } }> }).findings;
    expect(findings.find((f) => f.location.path === 'app/test/users.test.txt')?.properties?.context).toBe('test');
  });

  test('test and docs values are notes; the data file keeps its level', () => {
    const results = sarifResults([]);
    for (const r of results.filter((x) => uri(x) !== 'app/exports/customers.csv')) expect(r.level, uri(r)).toBe('note');
    expect(results.filter((x) => uri(x) === 'app/exports/customers.csv').map((x) => x.level)).toContain('warning');
    expect(sarifResults(['--include-test-data']).filter((x) => uri(x) === 'app/test/users.test.txt').map((x) => x.level)).toContain('warning');
  });

  test('--fail-on ignores test data unless --include-test-data or include_test_data: true', () => {
    expect(pdscan(['scan', 'app', '--fail-on', 'low', '-q']).code).toBe(1);
    writeFileSync(path.join(dir, 'app/exports/customers.csv'), 'ho_ten\n');
    try {
      expect(pdscan(['scan', 'app', '--fail-on', 'low', '-q']).code).toBe(0);
      expect(pdscan(['scan', 'app', '--fail-on', 'low', '-q', '--include-test-data']).code).toBe(1);
      writeFileSync(path.join(dir, 'cfg.yml'), 'include_test_data: true\n');
      expect(pdscan(['scan', 'app', '--fail-on', 'low', '-q', '-c', 'cfg.yml']).code).toBe(1);
      writeFileSync(path.join(dir, 'bad.yml'), 'include_test_data: sometimes\n');
      const bad = pdscan(['scan', 'app', '-q', '-c', 'bad.yml']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('include_test_data');
    } finally {
      writeFileSync(path.join(dir, 'app/exports/customers.csv'), 'ho_ten,so_dien_thoai\nTrần Văn Hùng,0903817264\nLê Thị Hoa,0987163542\n');
    }
  });
});
