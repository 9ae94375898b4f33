/**
 * Real-repository noise bench (issue 12): value findings per level and per file context, per
 * 100k lines, on the public TS/JS applications of bench/noise/repos.json, plus a recall check on
 * realistic records planted into each of them (a CSV export, a seed JSON, an application log).
 *
 *   npx tsx bench/noise.ts [--only owner/name,...] [--before /work/main/bin/pdscan.js] [--threads 2]
 *                          [--no-build] [--out bench/.out/noise.json]
 *
 * Repositories are read from /work/.mirror/<owner>+<name> when present (a snapshot fetched by the
 * session tools), else cloned into the git-ignored bench/.cache/; never committed. The tree at the
 * listed commit is written out blob by blob (snapshots may lack a few large blobs: they are
 * skipped). `--before` scans the same trees with another build (main's) for the before/after
 * columns. Exit codes: 0 = report written, 2 = usage error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'bench/.cache');
const MIRRORS = '/work/.mirror';
const MAX_BLOB = 5 * 1024 * 1024;

interface RepoEntry {
  repo: string;
  commit: string;
  split?: 'tuning' | 'heldout';
}

interface JsonFinding {
  ruleId: string;
  kind: string;
  category: string;
  level: 'high' | 'medium' | 'low';
  location?: { path: string; line?: number };
  properties?: { context?: string; synthetic?: boolean };
}

/** Realistic records (synthetic people, realistic shapes) planted into every repository. */
const PLANTED: Record<string, { text: string; categories: string[] }> = {
  'exports/pdscan-planted-customers.csv': {
    text:
      'ho_ten,so_dien_thoai,email,so_cccd\n' +
      'Trần Văn Hùng,0903817264,hung.tran82@gmail.com,079190004321\n' +
      'Lê Thị Hoa,0987163542,hoa.le1990@yahoo.com,001089017352\n' +
      'Phạm Quốc Đạt,0834519267,quocdat.pham88@gmail.com,031088765491\n',
    categories: ['full-name', 'phone', 'digital-account', 'national-id'],
  },
  'seeds/pdscan-planted-staff.json': {
    text:
      '[\n  {"fullName": "Nguyễn Thị Lan", "email": "lan.nguyen88@gmail.com", "phone": "0912770438"},\n' +
      '  {"fullName": "Đỗ Minh Khoa", "email": "khoa.do1987@outlook.com", "phone": "0388416275"}\n]\n',
    categories: ['full-name', 'digital-account', 'phone'],
  },
  // Under exports/ with a .txt tail: many repositories git-ignore logs/ and *.log, and the scan
  // respects .gitignore (an ignored log is not in the repository).
  'exports/pdscan-planted-app.log.txt': {
    text:
      '2024-05-01T10:00:00Z INFO order created name="Phạm Minh Tuấn" phone=0903551827 email=tuan.pham77@gmail.com cccd=031088765491\n' +
      '2024-05-01T10:02:13Z INFO order created name="Vũ Thị Ngọc Anh" phone=0978204615 email=ngocanh.vu93@gmail.com cccd=079193008214\n',
    categories: ['full-name', 'phone', 'digital-account', 'national-id'],
  },
};

function usage(msg: string): never {
  console.error(`${msg}\nusage: npx tsx bench/noise.ts [--only owner/name,...] [--before BIN] [--threads N] [--no-build] [--out FILE]`);
  process.exit(2);
}

/** The git directory of a repository: the session's mirror, else a clone in bench/.cache. */
function gitDir(entry: RepoEntry): string | undefined {
  const slug = entry.repo.replace('/', '+');
  const mirror = existsSync(MIRRORS) ? readdirSync(MIRRORS).find((d) => d === slug || d.startsWith(`${slug}`)) : undefined;
  if (mirror) {
    const base = path.join(MIRRORS, mirror, 'repo');
    return existsSync(path.join(base, '.git')) ? path.join(base, '.git') : base;
  }
  const clone = path.join(CACHE, 'git', `${slug}.git`);
  if (!existsSync(clone)) {
    const r = spawnSync('git', ['clone', '--bare', '--filter=blob:limit=5m', `https://github.com/${entry.repo}.git`, clone], { stdio: 'ignore' });
    if (r.status !== 0) return undefined;
  }
  return clone;
}

/** Writes the tree of `commit` into `dest`, blob by blob; returns the number of files written. */
function materialise(git: string, commit: string, dest: string): number {
  const listing = execFileSync('git', ['--git-dir', git, 'ls-tree', '-r', '-z', '--long', commit], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
  const blobs: Array<{ sha: string; path: string }> = [];
  for (const entry of listing.split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+)\s+(\d+|-)\t(.+)$/s.exec(entry);
    if (!m || m[1] === '120000' || m[3] === '-' || Number(m[3]) > MAX_BLOB) continue;
    blobs.push({ sha: m[2]!, path: m[4]! });
  }
  const out = execFileSync('git', ['--git-dir', git, 'cat-file', '--batch'], { input: blobs.map((b) => b.sha).join('\n') + '\n', maxBuffer: 4 * 1024 * 1024 * 1024 });
  let pos = 0;
  let written = 0;
  for (const b of blobs) {
    const nl = out.indexOf(10, pos);
    const header = out.toString('utf8', pos, nl);
    pos = nl + 1;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!size) continue; // "<sha> missing": a blob the snapshot does not have
    const n = Number(size[1]);
    const file = path.join(dest, b.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, out.subarray(pos, pos + n));
    pos += n + 1;
    written++;
  }
  return written;
}

interface ScanCounts {
  lines: number;
  seconds: number;
  byLevel: Record<string, number>;
  byContext: Record<string, Record<string, number>>;
  planted: { expected: number; found: number; missed: string[] };
  /** Where each error/warning value finding is, for judging by hand (no values). */
  reported: Array<{ path: string; line?: number; ruleId: string; category: string; level: string; context: string }>;
}

const SARIF_NAME: Record<string, string> = { high: 'error', medium: 'warning', low: 'note' };

function scan(bin: string, tree: string, threads: number): ScanCounts {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'scan', '.', '--format', 'json', '-q', '--threads', String(threads)], { cwd: tree, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`scan failed (${r.status}): ${r.stderr.split('\n')[0]}`);
  if (!r.stdout) throw new Error(`scan wrote nothing (status ${r.status}${r.error ? `, ${r.error.message}` : ''})`);
  const json = JSON.parse(r.stdout) as { findings: JsonFinding[]; stats: { linesScanned?: number } };
  const planted = new Set(Object.keys(PLANTED));
  const counts: ScanCounts = { lines: json.stats.linesScanned ?? 0, seconds, byLevel: { error: 0, warning: 0, note: 0 }, byContext: {}, planted: { expected: 0, found: 0, missed: [] }, reported: [] };
  for (const f of json.findings) {
    if (f.kind !== 'value' && f.kind !== 'aggregate') continue;
    if (f.location && (planted.has(f.location.path) || f.location.path.includes('pdscan-planted'))) continue;
    const level = SARIF_NAME[f.level]!;
    const context = f.properties?.context ?? '(none)';
    counts.byLevel[level]!++;
    if (level !== 'note') counts.reported.push({ path: f.location?.path ?? '', line: f.location?.line, ruleId: f.ruleId, category: f.category, level, context });
    const c = (counts.byContext[context] ??= { error: 0, warning: 0, note: 0 });
    c[level]!++;
  }
  for (const [file, p] of Object.entries(PLANTED)) {
    for (const category of p.categories) {
      counts.planted.expected++;
      const hit = json.findings.some((f) => f.location?.path === file && f.category === category && f.level !== 'low');
      if (hit) counts.planted.found++;
      else counts.planted.missed.push(`${file}:${category}`);
    }
  }
  return counts;
}

const per100k = (n: number, lines: number) => (lines ? (n * 100_000) / lines : 0).toFixed(1);

function main(): void {
  let args;
  try {
    args = parseArgs({
      options: {
        only: { type: 'string' },
        before: { type: 'string' },
        threads: { type: 'string', default: '2' },
        'no-build': { type: 'boolean', default: false },
        out: { type: 'string', default: path.join(ROOT, 'bench/.out/noise.json') },
      },
    }).values;
  } catch (err) {
    usage((err as Error).message);
  }
  const threads = Number(args.threads);
  if (!Number.isInteger(threads) || threads < 1) usage('--threads must be a positive whole number');
  if (args.before && !existsSync(args.before)) usage(`--before: ${args.before} does not exist`);
  if (!args['no-build']) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const after = path.join(ROOT, 'bin/pdscan.js');
  const list = (JSON.parse(readFileSync(path.join(ROOT, 'bench/noise/repos.json'), 'utf8')) as { repos: RepoEntry[] }).repos;
  const only = args.only ? new Set(args.only.split(',')) : undefined;
  const rows: Array<Record<string, unknown>> = [];
  const newTotal = () => ({ lines: 0, beforeEW: 0, afterEW: 0, expected: 0, found: 0 });
  const total = newTotal();
  const heldOut = newTotal();

  console.log(`${'repository'.padEnd(44)} ${'kLOC'.padStart(6)}  ${'before e/w/n'.padStart(16)}  ${'after e/w/n'.padStart(14)}  e+w/100k b→a    planted`);
  for (const entry of list) {
    if (only && !only.has(entry.repo)) continue;
    const git = gitDir(entry);
    if (!git) {
      console.log(`${entry.repo.padEnd(44)} not available (no mirror, clone failed): skipped`);
      continue;
    }
    const tree = path.join(CACHE, 'trees', `${entry.repo.replace('/', '+')}@${entry.commit.slice(0, 12)}`);
    if (!existsSync(tree)) {
      mkdirSync(tree, { recursive: true });
      try {
        materialise(git, entry.commit, tree);
      } catch (err) {
        rmSync(tree, { recursive: true, force: true });
        console.log(`${entry.repo.padEnd(44)} cannot read ${entry.commit.slice(0, 12)}: ${(err as Error).message.split('\n')[0]}`);
        continue;
      }
    }
    for (const [file, p] of Object.entries(PLANTED)) {
      mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      writeFileSync(path.join(tree, file), p.text);
    }
    // A scan killed by the shared machine (memory, load) is retried once, then the repository is skipped.
    const attempt = (bin: string): ScanCounts | undefined => {
      for (let i = 0; i < 2; i++) {
        try {
          return scan(bin, tree, threads);
        } catch (err) {
          if (i === 1) console.log(`${entry.repo.padEnd(44)} ${path.basename(path.dirname(path.dirname(bin)))}: ${(err as Error).message}: skipped`);
        }
      }
      return undefined;
    };
    const a = attempt(after);
    const b = args.before ? attempt(args.before) : undefined;
    if (!a || (args.before && !b)) continue;
    const ew = (c: ScanCounts) => c.byLevel.error! + c.byLevel.warning!;
    for (const t of entry.split === 'heldout' ? [total, heldOut] : [total]) {
      t.lines += a.lines;
      t.afterEW += ew(a);
      t.beforeEW += b ? ew(b) : 0;
      t.expected += a.planted.expected;
      t.found += a.planted.found;
    }
    const fmt = (c?: ScanCounts) => (c ? `${c.byLevel.error}/${c.byLevel.warning}/${c.byLevel.note}` : '-');
    console.log(
      `${(entry.repo + (entry.split === 'heldout' ? ' *' : '')).padEnd(44)} ${(a.lines / 1000).toFixed(0).padStart(6)}  ${fmt(b).padStart(16)}  ${fmt(a).padStart(14)}  ` +
        `${b ? per100k(ew(b), a.lines) : '-'}→${per100k(ew(a), a.lines)}`.padEnd(16) +
        `${a.planted.found}/${a.planted.expected}${a.planted.missed.length ? ` missed ${a.planted.missed.join(', ')}` : ''}`,
    );
    rows.push({ ...entry, after: a, ...(b ? { before: b } : {}) });
  }
  const recall = total.expected ? total.found / total.expected : 0;
  const line = (name: string, t: typeof total) =>
    `${name}: ${t.lines} lines; error+warning value findings ${args.before ? `${t.beforeEW} → ` : ''}${t.afterEW}` +
    (args.before && t.afterEW ? ` (${(t.beforeEW / t.afterEW).toFixed(1)}× fewer)` : '') +
    `; planted recall at warning/error ${t.expected ? ((t.found / t.expected) * 100).toFixed(1) : '-'}% (${t.found}/${t.expected})`;
  console.log(`\n${line('all', total)}\n${line('held out (*)', heldOut)}`);
  const byContext: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    for (const [ctx, c] of Object.entries((r.after as ScanCounts).byContext)) {
      const t = (byContext[ctx] ??= { error: 0, warning: 0, note: 0 });
      for (const [lvl, n] of Object.entries(c)) t[lvl]! += n;
    }
  }
  console.log('after, by context (per 100k lines): ' + Object.entries(byContext).map(([ctx, c]) => `${ctx} e${per100k(c.error!, total.lines)} w${per100k(c.warning!, total.lines)} n${per100k(c.note!, total.lines)}`).join(' · '));
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify({ total, heldOut, recall, byContext, repos: rows }, null, 2));
  console.log(`written ${path.relative(process.cwd(), args.out)}`);
}

main();
