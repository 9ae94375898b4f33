/**
 * Throughput: `pdscan scan` against ripgrep (`rg -c -f patterns`) on the same generated corpus
 * (≥ 200 MB across many files) with the same pattern set, same machine, same run. Prints the
 * wall-time ratio and pdscan's peak RSS. Target: ratio ≤ 1.5, peak RSS < 1 GB.
 *
 * Two comparisons:
 *  1. all rule patterns (the contract). ripgrep needs -U (multiline) because patterns may span
 *     lines (\s matches a newline), as they do in pdscan. ripgrep's engine degrades badly on the
 *     large Unicode classes of the Vietnamese rules, so it runs under a time budget; when it
 *     runs out, the ratio is reported as an upper bound.
 *  2. the ASCII-only rules (digits, e-mails, IPs, cards...), where ripgrep is at its best:
 *     a demanding reference. pdscan runs the same subset through a generated config.
 *
 *   npx tsx bench/throughput.ts [--mb 200] [--threads 2] [--budget 3]   (ripgrep may take budget × pdscan's time)
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
    budget: { type: 'string', default: '3' },
  },
});
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

function compare(label: string, rules: RuleDef[], config: string | undefined, rg: string, budget: number) {
  const patternFile = path.join(outDir, `patterns-${label}.txt`);
  writeFileSync(patternFile, `${patternsOf(rules).join('\n')}\n`);
  const cfg = config ? ['-c', config] : [];
  const pd = timed(process.execPath, [path.join(PACKAGE_ROOT, 'bin/pdscan.js'), 'scan', corpus, ...cfg, '--format', 'json', '--output', path.join(outDir, `throughput-${label}.json`), '--threads', threads, '--quiet', '--no-code']);
  // pdscan's run has just read every file, so ripgrep meets the same warm page cache.
  const rgLimit = Math.max(60, pd.seconds * budget);
  const r = timed(rg, ['-c', '-U', '--hidden', '-f', patternFile, '-j', threads, corpus], rgLimit);
  const ratio = pd.seconds / r.seconds;
  return {
    label,
    rules: rules.length,
    patterns: patternsOf(rules).length,
    pdscanSeconds: pd.seconds,
    pdscanCpuSeconds: pd.cpuSeconds,
    pdscanPeakRssMB: Math.round(pd.maxRssMb),
    ripgrepSeconds: r.seconds,
    ripgrepCpuSeconds: r.cpuSeconds,
    ripgrepTimedOut: r.timedOut,
    ratio: +ratio.toFixed(2),
  };
}

function main() {
  const rg = ensureRipgrep();
  ensureCorpus();
  const bytes = Number(execFileSync('du', ['-sb', corpus], { encoding: 'utf8' }).split('\t')[0]);
  const all = loadRules();
  const ascii = all.filter(isAsciiRule);
  const asciiConfig = path.join(outDir, 'ascii-only.pdscan.yml');
  writeFileSync(asciiConfig, `disable_rules:\n${all.filter((r) => !isAsciiRule(r)).map((r) => `  - ${r.id}`).join('\n')}\n`);
  const budget = Number(values.budget);

  const full = compare('all', all, undefined, rg, budget);
  const sub = compare('ascii', ascii, asciiConfig, rg, budget);
  const withCode = timed(process.execPath, [path.join(PACKAGE_ROOT, 'bin/pdscan.js'), 'scan', corpus, '--format', 'json', '--output', path.join(outDir, 'throughput-code.json'), '--threads', threads, '--quiet']);
  const result = {
    corpusMB: +(bytes / 1048576).toFixed(1),
    threads: Number(threads),
    comparisons: [full, sub],
    fullScanWithCodeAnalysis: { seconds: withCode.seconds, cpuSeconds: withCode.cpuSeconds, peakRssMB: Math.round(withCode.maxRssMb) },
    pdscanMBps: +(bytes / 1048576 / full.pdscanSeconds).toFixed(1),
  };
  writeFileSync(path.join(outDir, 'throughput-result.json'), JSON.stringify(result, null, 2));
  console.log(`throughput: ${result.corpusMB} MB corpus, ${threads} threads`);
  for (const c of [full, sub]) {
    const rgText = c.ripgrepTimedOut ? `> ${c.ripgrepSeconds}s (stopped at its time budget)` : `${c.ripgrepSeconds}s`;
    const ratio = c.ripgrepTimedOut ? `< ${c.ratio}` : `${c.ratio}`;
    console.log(`  ${c.label} rules (${c.rules} rules, ${c.patterns} patterns): pdscan ${c.pdscanSeconds}s (cpu ${c.pdscanCpuSeconds}s, peak RSS ${c.pdscanPeakRssMB} MB) · ripgrep ${rgText} (cpu ${c.ripgrepCpuSeconds}s) · ratio ${ratio} (target ≤ 1.5)`);
  }
  console.log(`  full scan with code analysis: ${withCode.seconds}s (cpu ${withCode.cpuSeconds}s), peak RSS ${result.fullScanWithCodeAnalysis.peakRssMB} MB (target < 1024)`);
  console.log(`  pdscan text classification: ${result.pdscanMBps} MB/s`);
}

main();
