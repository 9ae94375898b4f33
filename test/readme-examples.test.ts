/**
 * The README's examples are the CLI's real output: every generated block (demo scan, JSON
 * finding, inventory excerpt, --explain) is rebuilt by scripts/readme-examples.ts from the built
 * CLI and compared, and the configuration examples are loaded as written. Refresh with
 * `npm run examples` and review the diff.
 */
import { afterAll, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/util/paths.js';
import { generateReadme } from '../scripts/readme-examples.js';

const readme = readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('every generated README example is what the CLI prints now (npm run examples refreshes them)', () => {
  const regenerated = generateReadme(readme);
  expect(regenerated, 'README.md examples are stale: run npm run examples and review the diff').toBe(readme);
});

test('the --explain example shows no value without --show-data', () => {
  const block = /<!-- generated: explain [^\n]*\n```text\n([\s\S]*?)```/.exec(readme)![1]!;
  expect(block).toContain('--explain');
  expect(block.split('\n').slice(1).join('\n')).not.toMatch(/Trần Thị Mai|0912345678/);
});

/** The fenced YAML block under a heading, or the one whose first line is a given comment. */
function yamlBlock(after: string): string {
  const start = readme.indexOf(after);
  expect(start, `README: "${after}" is missing`).toBeGreaterThanOrEqual(0);
  const m = /```yaml\n([\s\S]*?)```/.exec(readme.slice(start));
  return m![1]!;
}

test('the configuration example and its rule file load as written, and their rules fire', () => {
  const config = yamlBlock('## Configuration (`.pdscan.yml`)');
  const pack = yamlBlock('`rule_files` are rule packs');
  const packFile = /^# (\S+)\n/.exec(pack)![1]!;
  expect(config).toContain(`rule_files: [${packFile}]`);
  expect(pack).toMatch(/^pack: /m);
  writeFileSync(path.join(dir, '.pdscan.yml'), config);
  mkdirSync(path.join(dir, path.dirname(packFile)), { recursive: true });
  writeFileSync(path.join(dir, packFile), pack);
  writeFileSync(path.join(dir, 'staff.txt'), 'mã khách hàng KH12345678\nmã nhân viên NV-123456\n');
  const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin/pdscan.js'), 'scan', 'staff.txt', '-f', 'json', '-q'], { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).not.toMatch(/pdscan: /);
  expect([0, 1]).toContain(r.status);
  const rules = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
  expect(rules).toEqual(expect.arrayContaining(['acme-customer-code', 'acme-employee-id']));
});
