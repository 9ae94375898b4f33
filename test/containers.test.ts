/**
 * End to end through the built CLI: a folder as a new user would have it (a workbook, a zipped
 * CSV, a nested archive, an encrypted entry, a scanned ID card, a logo), in text, JSON and SARIF,
 * the SARIF checked by Microsoft's Multitool with GitHub's rules.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/util/paths.js';
import { multitoolErrors } from './helpers/sarif-multitool.js';
import { pdf, xlsx, zip } from './helpers/zip-writer.js';
import { copyFileSync, mkdirSync } from 'node:fs';

const BIN = path.join(PACKAGE_ROOT, 'bin/pdscan.js');
// Two CLI runs and the SARIF Multitool in one test: on a loaded 2-core CI machine this passed the
// default 60 s. A limit on how long the test may hang, not an assertion about speed.
const CLI_AND_MULTITOOL = 180_000;
let dir: string;
const ROWS = [
  ['Họ tên', 'Số CCCD', 'Số điện thoại'],
  ['Trần Văn Bình', '001090012345', '0387654321'],
];
const CSV = `${ROWS.map((r) => r.join(',')).join('\n')}\n`;

function pdscan(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-cli-containers-'));
  writeFileSync(path.join(dir, 'khach_hang.xlsx'), xlsx([{ name: 'Khách hàng', rows: ROWS }]));
  const inner = zip([{ name: 'kh.csv', data: CSV }]);
  writeFileSync(path.join(dir, 'backup.zip'), zip([{ name: 'exports/kh.csv', data: CSV }, { name: 'old/inner.zip', data: inner }, { name: 'luong.csv', data: CSV, encrypted: true, store: true }]));
  writeFileSync(path.join(dir, 'cccd_mat_truoc.pdf'), pdf([]));
  writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  mkdirSync(path.join(dir, 'data'));
  copyFileSync(path.join(PACKAGE_ROOT, 'fixtures/demo-db/clinic.sqlite'), path.join(dir, 'data/clinic.sqlite'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('containers through the CLI', () => {
  test('text: inner paths, the encrypted entry, the scanned ID card and the skipped binary are all named', () => {
    const r = pdscan(['scan', '.']);
    expect(r.stdout).toContain('backup.zip!/exports/kh.csv');
    expect(r.stdout).toContain('backup.zip!/old/inner.zip!/kh.csv');
    expect(r.stdout).toContain('khach_hang.xlsx');
    expect(r.stdout).toMatch(/backup\.zip!\/luong\.csv: encrypted entry/);
    expect(r.stdout).toMatch(/cccd_mat_truoc\.pdf\n.*id-document-image.*PDF without a text layer/);
    expect(r.stdout).toContain('1 binary file not read: logo.png');
    expect(r.stdout).not.toContain('001090012345');
  });

  test('JSON locations carry the inner path; SARIF nests the inner files under the archive and passes the Multitool', () => {
    const json = path.join(dir, 'out.json');
    const sarif = path.join(dir, 'out.sarif');
    pdscan(['scan', '.', '--json', json, '--sarif', sarif]);
    const data = JSON.parse(readFileSync(json, 'utf8')) as { findings: Array<{ location?: { path: string } }>; skippedBinary: string[] };
    expect(data.findings.map((f) => f.location?.path)).toContain('backup.zip!/exports/kh.csv');
    expect(data.skippedBinary).toEqual(['logo.png']);
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as { runs: Array<{ artifacts: Array<{ location: { uri: string; uriBaseId?: string }; parentIndex?: number }>; results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; index?: number } } }> }> }> };
    const run = log.runs[0]!;
    const innermost = run.artifacts.findIndex((a) => a.location.uri === 'kh.csv');
    const parent = run.artifacts[run.artifacts[innermost]!.parentIndex!]!;
    expect(parent.location.uri).toBe('old/inner.zip');
    expect(run.artifacts[parent.parentIndex!]!.location).toEqual({ uri: 'backup.zip', uriBaseId: '%SRCROOT%' });
    expect(run.results.some((r) => r.locations[0]!.physicalLocation.artifactLocation.index === innermost)).toBe(true);
    expect(multitoolErrors(sarif)).toEqual([]);
  }, CLI_AND_MULTITOOL);

  test('SQLite files are named by default and sampled as databases with --include-databases', () => {
    const plain = pdscan(['scan', '.']);
    expect(plain.stdout).toMatch(/data\/clinic\.sqlite: database file \(SQLite\?\), not scanned: use --include-databases/);
    expect(plain.stdout).not.toContain('db/sqlite/');
    const json = path.join(dir, 'db.json');
    const sarif = path.join(dir, 'db.sarif');
    pdscan(['scan', '.', '--include-databases', '--json', json, '--sarif', sarif]);
    const data = JSON.parse(readFileSync(json, 'utf8')) as { findings: Array<{ kind: string; category: string; location?: { path: string } }>; problems: Array<{ where: string }> };
    const columns = data.findings.filter((f) => f.kind === 'column' && f.location?.path.startsWith('db/sqlite/clinic.sqlite/'));
    expect(columns.map((f) => f.category)).toEqual(expect.arrayContaining(['national-id', 'health', 'ethnicity']));
    expect(data.problems.map((p) => p.where)).not.toContain('data/clinic.sqlite');
    expect(multitoolErrors(sarif)).toEqual([]);
  }, CLI_AND_MULTITOOL);
});
