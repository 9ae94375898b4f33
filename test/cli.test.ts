/**
 * End-to-end tests of the built CLI (dist/, built by `npm ci`/`npm run build`): exit codes,
 * masking, outputs, configuration errors. A project-local rule keeps these independent of the
 * tuning of the built-in packs.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/util/paths.js';
import { multitoolErrors } from './helpers/sarif-multitool.js';

const BIN = path.join(PACKAGE_ROOT, 'bin/pdscan.js');
let dir: string;

function pdscan(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CONFIG = `
# The built-in phone rules would win the overlap with the test rule on the same number.
disable_rules: [vn-phone, vn-phone-landline, vn-phone-84]
rules:
  - id: test-phone
    category: phone
    name: Test phone number
    patterns: ['\\b(0[35789]\\d{8})\\b']
    value_group: 1
    context: { words: ['số điện thoại'] }
    examples: { match: ['0912345678'], no_match: ['x'] }
  - id: test-health
    category: health
    name: Test diagnosis
    patterns: ['(?i)chẩn đoán:\\s*(\\S[^\\n]{2,40})']
    value_group: 1
    score: 0.85
    examples: { match: ['Chẩn đoán: tiểu đường'], no_match: ['x'] }
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-cli-'));
  writeFileSync(path.join(dir, '.pdscan.yml'), CONFIG);
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'src/notes.txt'), 'Bệnh nhân A\nSố điện thoại: 0912608374\nChẩn đoán: viêm phổi cấp\n');
  writeFileSync(path.join(dir, 'src/clean.txt'), 'Không có dữ liệu cá nhân ở đây.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pdscan scan', () => {
  test('text output masks values and exits 0 without --fail-on', () => {
    const r = pdscan(['scan', 'src']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('src/notes.txt');
    expect(r.stdout).toContain('09******74');
    expect(r.stdout).not.toContain('0912608374');
    expect(r.stdout).not.toContain('viêm phổi');
  });

  test('--show-data prints raw values', () => {
    const r = pdscan(['scan', 'src', '--show-data']);
    expect(r.stdout).toContain('0912608374');
  });

  test('--fail-on high exits 1 on sensitive data, --fail-on none exits 0', () => {
    expect(pdscan(['scan', 'src', '--fail-on', 'high']).code).toBe(1);
    expect(pdscan(['scan', 'src/clean.txt', '--fail-on', 'low']).code).toBe(0);
    expect(pdscan(['scan', 'src', '--fail-on', 'none']).code).toBe(0);
  });

  test('JSON carries the contract fields', () => {
    const r = pdscan(['scan', 'src', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>> };
    const phone = out.findings.find((f) => f.ruleId === 'test-phone')!;
    expect(phone).toMatchObject({
      category: 'phone',
      categories: ['phone'],
      sensitive: false,
      confidence: 'high',
      value: '09******74',
      location: { path: 'src/notes.txt', line: 2, column: 16 },
    });
    expect(phone.legalRefs).toEqual(expect.arrayContaining(['decree-13:2.3.g']));
    expect((phone.legalRefs as string[]).some((r) => r.startsWith('pdpl-2025:'))).toBe(true);
    const health = out.findings.find((f) => f.ruleId === 'test-health')!;
    expect(health.sensitive).toBe(true);
    expect(health.level).toBe('high');
  });

  test('--law decree-13 changes sensitivity where the regimes differ', () => {
    writeFileSync(path.join(dir, 'cred.yml'), '');
    const cfg = `${CONFIG}
  - id: test-ip
    category: online-activity
    name: Test IP
    patterns: ['\\b(203\\.113\\.\\d+\\.\\d+)\\b']
    value_group: 1
    score: 0.85
    examples: { match: ['203.113.5.6'], no_match: ['x'] }
`;
    writeFileSync(path.join(dir, 'alt.yml'), cfg);
    writeFileSync(path.join(dir, 'ip.txt'), 'login from 203.113.5.6\n');
    const pdpl = JSON.parse(pdscan(['scan', 'ip.txt', '-c', 'alt.yml', '--format', 'json']).stdout) as { findings: Array<{ sensitive: boolean }> };
    const d13 = JSON.parse(pdscan(['scan', 'ip.txt', '-c', 'alt.yml', '--format', 'json', '--law', 'decree-13']).stdout) as { findings: Array<{ sensitive: boolean }> };
    expect(pdpl.findings[0]!.sensitive).toBe(true);
    expect(d13.findings[0]!.sensitive).toBe(false);
  });

  test('SARIF passes the SARIF Multitool with GitHub rules and carries required properties', () => {
    const file = path.join(dir, 'out.sarif');
    const r = pdscan(['scan', 'src', '--sarif', file, '--quiet']);
    expect(r.code).toBe(0);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    const result = log.runs[0].results[0];
    expect(result.ruleId).toBeTruthy();
    expect(result.message.text).not.toMatch(/0912608374/);
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('src/notes.txt');
    expect(result.partialFingerprints['pdscan/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(result.properties)).toEqual(expect.arrayContaining(['category', 'sensitive', 'legalRefs', 'confidence']));
    const rule = log.runs[0].tool.driver.rules[0];
    expect(rule.properties.tags).toContain('privacy');
    expect(rule.help.markdown).toMatch(/Decree 13\/2023\/ND-CP/);
    expect(multitoolErrors(file)).toEqual([]);
  });

  test('fingerprints survive unrelated lines moving', () => {
    const fp = () => (JSON.parse(pdscan(['scan', 'src/notes.txt', '--format', 'json']).stdout) as { findings: Array<{ ruleId: string; fingerprint: string }> })
      .findings.map((f) => `${f.ruleId}:${f.fingerprint}`).sort();
    const before = fp();
    writeFileSync(path.join(dir, 'src/notes.txt'), 'Dòng mới\n\nBệnh nhân A\nSố điện thoại: 0912608374\nChẩn đoán: viêm phổi cấp\n');
    expect(fp()).toEqual(before);
  });

  test('the config file itself is never reported', () => {
    const out = JSON.parse(pdscan(['scan', '.', '--format', 'json']).stdout) as { findings: Array<{ location: { path: string } }> };
    expect(out.findings.some((f) => f.location.path === '.pdscan.yml')).toBe(false);
  });
});

describe('errors and exit codes', () => {
  test('usage error exits 2', () => {
    const r = pdscan(['scan', '--format', 'xml']);
    expect(r.code).toBe(2);
  });

  test('invalid YAML config exits 2 with one line naming the file, no stack', () => {
    writeFileSync(path.join(dir, 'bad.yml'), 'rules: [\n');
    const r = pdscan(['scan', 'src', '-c', 'bad.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^pdscan: bad\.yml:\d+:\d+: invalid YAML/);
  });

  test('a pattern RE2 refuses names the file and field', () => {
    writeFileSync(path.join(dir, 'look.yml'), `rules:\n  - id: bad\n    category: phone\n    name: Bad\n    patterns: ['(?=abc)x']\n`);
    const r = pdscan(['scan', 'src', '-c', 'look.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.pdscan\.yml rules: rules\[0\]\.patterns\[0\]: RE2 refused the pattern/);
    expect(r.stderr).toMatch(/lookaround/);
  });

  test('an unknown category in a user rule exits 2', () => {
    writeFileSync(path.join(dir, 'cat.yml'), `rules:\n  - id: bad\n    category: shoe-size\n    name: Bad\n    patterns: ['x']\n`);
    const r = pdscan(['scan', 'src', '-c', 'cat.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown category "shoe-size"/);
  });

  test('an unknown config field exits 2 naming it', () => {
    writeFileSync(path.join(dir, 'field.yml'), 'fail_onn: high\n');
    const r = pdscan(['scan', 'src', '-c', 'field.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/field\.yml: \(top level\): unknown field "fail_onn"/);
  });

  test('nothing to scan exits 3 with one line', () => {
    const r = pdscan(['scan', 'does-not-exist']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('pdscan: does-not-exist: no such file or directory\n');
  });

  test('--help exits 0', () => {
    expect(pdscan(['--help']).code).toBe(0);
    expect(pdscan(['scan', '--help']).stdout).toMatch(/--fail-on/);
  });
});

describe('pdscan rules', () => {
  test('prints the category table with both regimes', () => {
    const r = pdscan(['rules']);
    expect(r.code).toBe(0);
    for (const id of ['full-name', 'national-id', 'health', 'financial', 'online-activity']) expect(r.stdout).toContain(id);
    expect(r.stdout).toMatch(/Decree 356\/2025\/ND-CP/);
  });

  test('prints the by-law / precaution split for both regimes', () => {
    const r = pdscan(['rules']);
    expect(r.stdout).toMatch(/^credentials\s+basic\s+precaution\s/m);
    // Sub-kinds are listed apart, under their parent category (the category ids are fixed).
    expect(r.stdout).toMatch(/^eid-bank-credentials < credentials\s+basic\s+sensitive\s/m);
    expect(r.stdout).toMatch(/^blood-type < health\s+basic\s+sensitive\s/m);
    expect(r.stdout).not.toMatch(/^(blood-type|eid-bank-credentials)\*?\s+(basic|sensitive)/m);
    expect(r.stdout).toMatch(/^health\*\s+sensitive\s+sensitive\s/m);
  });
});
