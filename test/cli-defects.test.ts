/**
 * Defects a new user hit on a fresh clone with hostile inputs (issue 15), end to end through the
 * built CLI (dist/): each test failed before its fix.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/util/paths.js';

const BIN = path.join(PACKAGE_ROOT, 'bin/pdscan.js');
let dir: string;

function pdscan(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-defects-'));
  writeFileSync(path.join(dir, 'person.txt'), 'Họ và tên: Trần Thị Mai\nSố CCCD: 001099012345\n');
  writeFileSync(path.join(dir, 'clean.txt'), 'Nothing personal here.\n');
  writeFileSync(path.join(dir, 'belief.txt'), 'Tôn giáo: Phật giáo\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--explain without --show-data', () => {
  test.each(['text', 'json', 'sarif'])('masks what validators say about the value (%s)', (format) => {
    const r = pdscan(['scan', 'person.txt', '--explain', '--no-code', '-f', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/validator vn-name-graded passed/);
    expect(r.stdout).not.toContain('Trần Thị Mai');
    expect(r.stdout).not.toContain('001099012345');
    expect(r.stdout).not.toMatch(/born 1999|Hà Nội/);
  });

  test('--show-data shows the reasons', () => {
    const r = pdscan(['scan', 'person.txt', '--explain', '--no-code', '--show-data']);
    expect(r.stdout).toContain('Vietnamese full name "Trần Thị Mai"');
  });
});

test('a closed pipe ends the run quietly with exit 0', () => {
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" rules --json | head -c 10 >/dev/null`], { encoding: 'utf8' });
  expect(r.stderr).not.toMatch(/EPIPE|at /);
  expect(r.status).toBe(0);
});

test('a closed pipe after SARIF output of a scan ends quietly with exit 0', () => {
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" scan person.txt --no-code -f sarif -q | head -1 >/dev/null`], { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).not.toMatch(/EPIPE|at /);
  expect(r.status).toBe(0);
});

test('--threads far above the cores is capped with a warning', () => {
  const r = pdscan(['scan', 'clean.txt', '--threads', '1000', '-q']);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/warning: --threads 1000 capped at \d+/);
});

describe('paths named on the command line', () => {
  test('one that does not exist is an error even next to one that does, named as typed', () => {
    const r = pdscan(['scan', 'clean.txt', '/nonexistent-pdscan']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('pdscan: /nonexistent-pdscan: no such file or directory\n');
  });

  test.each(['/dev/null', '/dev/zero'])('a device (%s) is an error, not "0 files"', (p) => {
    const r = pdscan(['scan', p]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not a regular file or directory/);
  });

  test.skipIf(process.platform === 'win32')('a FIFO is an error, not "0 files" (and is not opened)', () => {
    const fifo = path.join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = pdscan(['scan', 'pipe']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/pipe: not a regular file or directory/);
  });

  test('a file over --max-file-size is an error, not "0 findings in 0 files"', () => {
    const r = pdscan(['scan', 'person.txt', '--max-file-size', '10']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/person\.txt: \d+ bytes, over --max-file-size/);
  });
});

describe('configuration mistakes are usage errors naming file and field', () => {
  const rule = (extra: string) => `rules:\n  - id: my-rule\n    category: phone\n    name: Mine\n    patterns: ['(\\d{10})']\n${extra}`;
  test.each([
    ['a built-in id', 'rules:\n  - id: vn-phone\n    category: phone\n    name: Mine\n    patterns: [\'\\d{10}\']\n', /\.pdscan\.yml: rules\[0\]\.id: "vn-phone" is a built-in rule id/],
    ['an empty pattern', `rules:\n  - id: my-rule\n    category: phone\n    name: Mine\n    patterns: ['']\n`, /rules\[0\]\.patterns\[0\]: the pattern matches the empty string/],
    ['a value_group the pattern lacks', rule('    value_group: 5\n'), /rules\[0\]\.value_group: 5, but the pattern has 1 capture group/],
    ['a score above 1', rule('    score: 7\n'), /rules\[0\]\.score: must be between 0 and 1/],
    ['an unknown rule to disable', 'disable_rules: [no-such-rule]\n', /disable_rules\[0\]: no rule "no-such-rule"/],
    ['a bad max_file_size', 'max_file_size: lots\n', /^pdscan: \.pdscan\.yml: max_file_size: not a size/],
    ['a YAML alias bomb', `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`, /^pdscan: \.pdscan\.yml: invalid YAML/],
  ])('%s', (_name, config, message) => {
    const sub = mkdtempSync(path.join(dir, 'cfg-'));
    writeFileSync(path.join(sub, '.pdscan.yml'), config);
    writeFileSync(path.join(sub, 'a.txt'), 'x\n');
    const r = pdscan(['scan', 'a.txt'], sub);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });
});

describe('outputs are checked before the scan', () => {
  test('an inventory name without .json or .md', () => {
    const r = pdscan(['scan', 'person.txt', '--inventory', 'x.txt']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/x\.txt: the inventory file must end in \.json or \.md/);
  });

  test('an --output under a file', () => {
    const r = pdscan(['scan', 'person.txt', '-o', 'clean.txt/out.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/clean\.txt\/out\.json: cannot write here/);
  });
});

describe('text output', () => {
  test('file names with escape sequences and newlines are escaped, even with --no-color', () => {
    const sub = mkdtempSync(path.join(dir, 'esc-'));
    writeFileSync(path.join(sub, 'a\u001b[31mred\nb.txt'), 'Số điện thoại: 0912345678\n');
    const r = pdscan(['scan', '.', '--no-color', '-q'], sub);
    expect(r.stdout).toContain('a\\x1b[31mred\\nb.txt');
    expect(r.stdout).not.toContain('\u001b');
  });

  test('every skip is counted and named: a name that is not UTF-8, a file over the size limit', () => {
    const sub = mkdtempSync(path.join(dir, 'skips-'));
    writeFileSync(path.join(sub, 'a.txt'), 'Số điện thoại: 0987654321\n');
    writeFileSync(path.join(sub, 'big.txt'), 'x'.repeat(3000));
    writeFileSync(Buffer.concat([Buffer.from(`${sub}/bad`), Buffer.from([0xff]), Buffer.from('name.txt')]), 'x\n');
    const r = pdscan(['scan', '.', '--max-file-size', '2KB', '--no-code', '-q'], sub);
    expect(r.stdout).toMatch(/^Skipped \(2\)$/m);
    expect(r.stdout).toMatch(/^ {2}bad\uFFFDname\.txt: name is not valid UTF-8 \(bytes 626164ff/m);
    expect(r.stdout).toMatch(/^ {2}big\.txt: larger than the size limit/m);
    expect(r.stdout).toMatch(/^Not scanned: 1 over --max-file-size$/m);
  });

  test('counts files with findings and files scanned apart, with singular and plural, in English', () => {
    const r = pdscan(['scan', 'belief.txt', 'clean.txt', '--no-code']);
    expect(r.stdout).toMatch(/1 finding \(.*\) in 1 file \(2 files scanned\)/);
    expect(r.stdout).toMatch(/Sensitive data: Political opinions, religious beliefs/);
  });
});

test('--help shows the defaults of --format, --fail-on and --law', () => {
  const r = pdscan(['scan', '--help']);
  const help = r.stdout.replace(/\s+/g, ' ');
  expect(help).toMatch(/--format <format> .{0,100}?\(default: text\)/);
  expect(help).toMatch(/--fail-on <level> .{0,100}?\(default: none/);
  expect(help).toMatch(/--law <regime> .{0,100}?\(default: pdpl-2025/);
});

describe('.pdscan.yml is found from the scan root up to the git root', () => {
  test('scanning a repository from elsewhere uses its config, names it, and does not report the config itself', () => {
    const repo = mkdtempSync(path.join(dir, 'repo-'));
    mkdirSync(path.join(repo, '.git'));
    mkdirSync(path.join(repo, 'src'));
    writeFileSync(path.join(repo, '.pdscan.yml'), 'allowlist:\n  values: ["0912345678"]\n');
    writeFileSync(path.join(repo, 'src/a.txt'), 'Số điện thoại: 0912345678\nSố điện thoại: 0987654321\n');
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'pdscan-elsewhere-'));
    try {
      for (const target of [repo, path.join(repo, 'src')]) {
        const r = pdscan(['scan', target, '--no-code', '-q'], elsewhere);
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/^1 finding .* in 1 file/m);
        expect(r.stdout).toContain('09******21');
        expect(r.stdout).toMatch(/^Config: .*\.pdscan\.yml$/m);
      }
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('pdscan db (SQLite demo, no server needed)', () => {
  const DB = path.join(PACKAGE_ROOT, 'fixtures/demo-db/clinic.sqlite');

  test('--only that matches no table warns and names the filter instead of reporting a clean database', () => {
    const r = pdscan(['db', DB, '--only', 'nosuch*', '-q']);
    expect(r.stderr).toMatch(/warning: no table matches --only nosuch\* \(4 tables found\)/);
    expect(r.stdout).toMatch(/no table matches --only nosuch\*/);
  });

  test('db --help lists --threads, and --threads sets the worker threads that judge tables (JSON stats)', () => {
    expect(pdscan(['db', '--help']).stdout).toMatch(/--threads <n>/);
    const run = (threads: string) => JSON.parse(pdscan(['db', DB, '-f', 'json', '-q', '--threads', threads]).stdout) as { stats: { threads: number }; findings: Array<{ ruleId: string; location: unknown }> };
    const one = run('1');
    const two = run('2');
    expect(one.stats.threads).toBe(1);
    expect(two.stats.threads).toBe(2);
    expect(two.findings.map((f) => [f.ruleId, f.location])).toEqual(one.findings.map((f) => [f.ruleId, f.location]));
  });
});
