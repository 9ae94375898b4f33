/**
 * Throughput: `pdscan scan` against ripgrep (`rg -c -f patterns`) on the same generated corpus
 * (≥ 200 MB across many files) with the same pattern set, same machine, same run. Prints the
 * wall-time ratio and pdscan's peak RSS. Target: ratio ≤ 1.5, peak RSS < 1 GB. ripgrep runs with -U
 * (multiline) because pdscan patterns may span lines (\s matches a newline), as they do in pdscan.
 *
 *   npx tsx bench/throughput.ts [--mb 200] [--threads 2]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/rules/paths.js';
import { loadRules } from '../src/rules/load.js';
import { expandMacros } from '../src/rules/macros.js';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '200' }, threads: { type: 'string', default: '2' }, seed: { type: 'string', default: '7' } } });
const mb = Number(values.mb);
const threads = values.threads!;
const corpus = path.join(PACKAGE_ROOT, 'bench/.corpus', `bulk-${mb}mb-${values.seed}`);
const outDir = path.join(PACKAGE_ROOT, 'bench/.out');
mkdirSync(outDir, { recursive: true });

function ensureRipgrep(): string {
  const found = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  console.error('ripgrep not found: installing the Debian package "ripgrep"');
  execFileSync('sh', ['-c', '(apt-get update -qq || true) && apt-get install -y -qq ripgrep'], { stdio: 'inherit' });
  return 'rg';
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

/** GNU time gives wall seconds and max RSS (KiB) of the whole process tree's largest process. */
function timed(cmd: string, args: string[]): { seconds: number; maxRssMb: number; stdout: string } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd: PACKAGE_ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [secs, rss] = last.split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return { seconds: secs!, maxRssMb: rss! / 1024, stdout: r.stdout };
}

function main() {
  const rg = ensureRipgrep();
  ensureCorpus();
  const patterns = loadRules().flatMap((r) => r.patterns.map((p) => (r.case_insensitive ? `(?i:${expandMacros(p)})` : expandMacros(p))));
  const patternFile = path.join(outDir, 'patterns.txt');
  writeFileSync(patternFile, `${patterns.join('\n')}\n`);
  const bytes = Number(execFileSync('du', ['-sb', corpus], { encoding: 'utf8' }).split('\t')[0]);

  // Warm the page cache so that neither side pays for the disk.
  timed(rg, ['-c', '-U', '--hidden', '-f', patternFile, '-j', threads, corpus]);
  const rgRun = timed(rg, ['-c', '-U', '--hidden', '-f', patternFile, '-j', threads, corpus]);
  const pdRun = timed(process.execPath, [path.join(PACKAGE_ROOT, 'bin/pdscan.js'), 'scan', corpus, '--format', 'json', '--output', path.join(outDir, 'throughput.json'), '--threads', threads, '--quiet', '--no-code']);
  const pdCode = timed(process.execPath, [path.join(PACKAGE_ROOT, 'bin/pdscan.js'), 'scan', corpus, '--format', 'json', '--output', path.join(outDir, 'throughput-code.json'), '--threads', threads, '--quiet']);
  const findings = (JSON.parse(readFileSync(path.join(outDir, 'throughput.json'), 'utf8')) as { findings: unknown[] }).findings.length;
  const result = {
    corpusMB: +(bytes / 1048576).toFixed(1),
    patterns: patterns.length,
    threads: Number(threads),
    ripgrepSeconds: rgRun.seconds,
    pdscanSeconds: pdRun.seconds,
    ratio: +(pdRun.seconds / rgRun.seconds).toFixed(2),
    pdscanMBps: +(bytes / 1048576 / pdRun.seconds).toFixed(1),
    pdscanPeakRssMB: Math.round(pdRun.maxRssMb),
    withCodeAnalysisSeconds: pdCode.seconds,
    withCodeAnalysisRatio: +(pdCode.seconds / rgRun.seconds).toFixed(2),
    withCodeAnalysisPeakRssMB: Math.round(pdCode.maxRssMb),
    findings,
  };
  writeFileSync(path.join(outDir, 'throughput-result.json'), JSON.stringify(result, null, 2));
  console.log(`throughput: ${result.corpusMB} MB, ${result.patterns} patterns, ${threads} threads`);
  console.log(`  ripgrep ${result.ripgrepSeconds}s · pdscan ${result.pdscanSeconds}s (${result.pdscanMBps} MB/s) · ratio ${result.ratio} (target ≤ 1.5)`);
  console.log(`  pdscan peak RSS ${result.pdscanPeakRssMB} MB (target < 1024) · ${findings} findings`);
  console.log(`  with code analysis: ${result.withCodeAnalysisSeconds}s, ratio ${result.withCodeAnalysisRatio}, peak RSS ${result.withCodeAnalysisPeakRssMB} MB`);
}

main();
