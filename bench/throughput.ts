/**
 * Throughput: `pdscan scan --no-code` (text classification only) on a generated corpus of
 * ≥ 200 MB across many files, against ripgrep running a simple set of 10 ID patterns
 * (`rg -c -f ids.txt`: e-mail, VN mobile, +84, CCCD, CMND, tax ID, card-like groups, IPv4,
 * IBAN-like, passport) on the same files in the same run. ripgrep does far less than pdscan (no
 * validators, context, Unicode labels or findings), so the ratio says how far pdscan is from a
 * plain, fast search of the same bytes, not that the two do the same work.
 * Prints wall time, CPU time (user + system, from GNU time) and MB/s for each thread count,
 * and pdscan's peak RSS. Target (issue 13): ≥ 100 MB/s with 2 threads.
 *
 *   npx tsx bench/throughput.ts [--mb 200] [--threads 1,2] [--ascii] [--skip-code] [--before BIN]
 *
 *   --before BIN also run another build's CLI (e.g. /work/main/bin/pdscan.js) on the text-only
 *                scan, right before this one: compare their CPU time on a shared machine
 *   --ascii      also compare on the ASCII-only rules: pdscan with the other rules disabled,
 *                ripgrep with those rules' own patterns (-U, since \s may cross lines)
 *   --skip-code  skip the default scan with code analysis
 * ripgrep is the Debian package "ripgrep" (apt-get install ripgrep); without it the bench says
 * so and reports pdscan alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/util/paths.js';
import { loadRules } from '../src/rules/load.js';
import { expandMacros } from '../src/rules/macros.js';
import type { RuleDef } from '../src/rules/types.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '200' },
    threads: { type: 'string', default: '2' },
    seed: { type: 'string', default: '7' },
    ascii: { type: 'boolean', default: false },
    'skip-code': { type: 'boolean', default: false },
    before: { type: 'string' },
  },
});
const mb = Number(values.mb);
const threadCounts = values.threads!.split(',').map((t) => t.trim()).filter(Boolean);
const corpus = path.join(PACKAGE_ROOT, 'bench/.corpus', `bulk-${mb}mb-${values.seed}`);
const outDir = path.join(PACKAGE_ROOT, 'bench/.out');
mkdirSync(outDir, { recursive: true });

/**
 * The reference: simple ID patterns as a user would grep for them. Word boundaries are ASCII
 * ((?-u:\b)): ripgrep's fast engines give up on a Unicode \b in non-ASCII text.
 */
const ID_PATTERNS = [
  '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}',
  '(?-u:\\b)0[35789][0-9]{8}(?-u:\\b)',
  '\\+84[ .-]?[0-9]{2,3}[ .-]?[0-9]{3}[ .-]?[0-9]{3,4}',
  '(?-u:\\b)[0-9]{12}(?-u:\\b)',
  '(?-u:\\b)[0-9]{9}(?-u:\\b)',
  '(?-u:\\b)[0-9]{10}(-[0-9]{3})?(?-u:\\b)',
  '(?-u:\\b)[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}(?-u:\\b)',
  '(?-u:\\b)[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}(?-u:\\b)',
  '(?-u:\\b)[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}(?-u:\\b)',
  '(?-u:\\b)[A-Z][0-9]{7,8}(?-u:\\b)',
];

function findRipgrep(): string | undefined {
  return spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim() || undefined;
}

function ensureCorpus(): void {
  if (existsSync(path.join(corpus, '.complete'))) return;
  console.error(`generating a ${mb} MB corpus in ${path.relative(PACKAGE_ROOT, corpus)} ...`);
  execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'fixtures/corpus/generate.ts', '--out', corpus, '--bulk-mb', String(mb), '--seed', values.seed!], {
    cwd: PACKAGE_ROOT,
    stdio: 'inherit',
  });
  writeFileSync(path.join(corpus, '.complete'), new Date().toISOString());
}

interface Timed {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  timedOut: boolean;
}

/** GNU time: wall seconds, user+system CPU seconds and max RSS (KiB). */
function timed(cmd: string, args: string[], timeoutSeconds?: number): Timed {
  const wrapped = timeoutSeconds ? ['timeout', String(Math.ceil(timeoutSeconds)), cmd, ...args] : [cmd, ...args];
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...wrapped], { cwd: PACKAGE_ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [secs, user, sys, rss] = last.split(' ').map(Number);
  const timedOut = r.status === 124;
  if (!timedOut && r.status !== 0 && r.status !== 1) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return { seconds: secs!, cpuSeconds: +(user! + sys!).toFixed(2), maxRssMb: rss! / 1024, timedOut };
}

const patternsOf = (rules: RuleDef[]) => rules.flatMap((r) => r.patterns.map((p) => (r.case_insensitive ? `(?i:${expandMacros(p)})` : expandMacros(p))));
const isAsciiRule = (r: RuleDef) => !r.case_insensitive && patternsOf([r]).every((p) => ![...p].some((c) => c.charCodeAt(0) > 0x7f) && !p.includes('(?i'));

const pdscan = (threads: string, extra: string[], label: string, bin = path.join(PACKAGE_ROOT, 'bin/pdscan.js')) =>
  timed(process.execPath, [bin, 'scan', corpus, ...extra, '--format', 'json', '--output', path.join(outDir, `throughput-${label}.json`), '--threads', threads, '--quiet']);

interface Row {
  what: string;
  threads: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  mbPerSecond: number;
  ripgrepSeconds?: number;
  ripgrepCpuSeconds?: number;
  ratio?: number;
}

function row(what: string, threads: string, pd: Timed, megabytes: number, rg?: Timed): Row {
  return {
    what,
    threads: Number(threads),
    seconds: pd.seconds,
    cpuSeconds: pd.cpuSeconds,
    peakRssMB: Math.round(pd.maxRssMb),
    mbPerSecond: +(megabytes / pd.seconds).toFixed(1),
    ...(rg ? { ripgrepSeconds: rg.seconds, ripgrepCpuSeconds: rg.cpuSeconds, ratio: +(pd.seconds / rg.seconds).toFixed(1) } : {}),
  };
}

function main() {
  const rg = findRipgrep();
  if (!rg) console.log('ripgrep (rg) is not installed: no reference figure. It is the Debian package "ripgrep" (apt-get install ripgrep).');
  ensureCorpus();
  const bytes = Number(execFileSync('du', ['-sb', corpus], { encoding: 'utf8' }).split('\t')[0]);
  const megabytes = bytes / 1048576;
  const idsFile = path.join(outDir, 'ids.txt');
  writeFileSync(idsFile, `${ID_PATTERNS.join('\n')}\n`);
  const rows: Row[] = [];
  for (const threads of threadCounts) {
    if (values.before) rows.push(row(`text only (--no-code), before: ${values.before}`, threads, pdscan(threads, ['--no-code'], `before-text-t${threads}`, path.resolve(values.before)), megabytes));
    const pd = pdscan(threads, ['--no-code'], `text-t${threads}`);
    // pdscan has just read every file, so ripgrep meets the same warm page cache.
    const ref = rg ? timed(rg, ['-c', '--hidden', '-f', idsFile, '-j', threads, corpus]) : undefined;
    rows.push(row('text only (--no-code) vs rg -c -f ids.txt (10 ID patterns)', threads, pd, megabytes, ref));
  }
  if (values.ascii) {
    const all = loadRules();
    const ascii = all.filter(isAsciiRule);
    const asciiConfig = path.join(outDir, 'ascii-only.pdscan.yml');
    writeFileSync(asciiConfig, `disable_rules:\n${all.filter((r) => !isAsciiRule(r)).map((r) => `  - ${r.id}`).join('\n')}\n`);
    const patternFile = path.join(outDir, 'patterns-ascii.txt');
    writeFileSync(patternFile, `${patternsOf(ascii).join('\n')}\n`);
    const threads = threadCounts[threadCounts.length - 1]!;
    const pd = pdscan(threads, ['--no-code', '-c', asciiConfig], `ascii-t${threads}`);
    const ref = rg ? timed(rg, ['-c', '-U', '--hidden', '-f', patternFile, '-j', threads, corpus]) : undefined;
    rows.push(row(`ASCII-only rules (${ascii.length} rules, ${patternsOf(ascii).length} patterns) vs rg -U with the same patterns`, threads, pd, megabytes, ref));
  }
  if (!values['skip-code']) {
    const threads = threadCounts[threadCounts.length - 1]!;
    rows.push(row('default scan (code analysis on)', threads, pdscan(threads, [], `code-t${threads}`), megabytes));
  }
  const result = { corpusMB: +megabytes.toFixed(1), files: Number(execFileSync('sh', ['-c', `find "${corpus}" -type f | wc -l`], { encoding: 'utf8' }).trim()), rows };
  writeFileSync(path.join(outDir, 'throughput-result.json'), JSON.stringify(result, null, 2));
  console.log(`throughput: ${result.corpusMB} MB corpus, ${result.files} files`);
  for (const r of rows) {
    const ref = r.ripgrepSeconds !== undefined ? ` · ripgrep ${r.ripgrepSeconds}s (cpu ${r.ripgrepCpuSeconds}s) · pdscan/ripgrep ${r.ratio}×` : '';
    console.log(`  ${r.what}, ${r.threads} thread(s): pdscan ${r.seconds}s wall, cpu ${r.cpuSeconds}s, ${r.mbPerSecond} MB/s, peak RSS ${r.peakRssMB} MB${ref}`);
  }
  const target = rows.find((r) => r.threads === 2 && r.what.startsWith('text only'));
  if (target) console.log(`  text only with 2 threads: ${target.mbPerSecond} MB/s (target ≥ 100 MB/s)`);
}

main();
