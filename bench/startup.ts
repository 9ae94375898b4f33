/**
 * Start-up bench (issue 13): the median of N runs of `pdscan --help`, `--version`, a scan of one
 * one-line file, and the same with --no-code, from the built CLI. Targets: --help ≤ 0.15 s and a
 * one-file scan ≤ 0.35 s wall. The machine is shared: CPU time (user + sys) is printed beside
 * wall time, with the load average, since wall time on a loaded machine measures the others too.
 *
 *   npx tsx bench/startup.ts [--runs 7] [--before /work/main/bin/pdscan.js]
 *
 *   --before BIN  also run another build's CLI, interleaved with this one run by run, so that
 *                 both meet the same load (print both; compare CPU time on a shared machine)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { fmt, median, timed } from './timed.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/pdscan.js');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' }, before: { type: 'string' } } });
const RUNS = Number(args.runs);

const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-startup-'));
// A made-up address in a one-line file: the scan must still find it.
writeFileSync(path.join(dir, 'one.txt'), 'Liên hệ: nguyen.van.a@congtyabc.vn\n');

const CASES: Array<{ name: string; args: string[]; targetS?: number }> = [
  { name: '--help', args: ['--help'], targetS: 0.15 },
  { name: '--version', args: ['--version'] },
  { name: 'scan 1 file', args: ['scan', 'one.txt', '-q'], targetS: 0.35 },
  { name: 'scan 1 file --no-code', args: ['scan', 'one.txt', '-q', '--no-code'], targetS: 0.35 },
];

console.log(`node ${process.version}, ${RUNS} runs each, load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`${'case'.padEnd(24)} ${'wall (median)'.padStart(14)} ${'cpu user+sys'.padStart(14)} ${'min wall'.padStart(10)}  target (wall)`);
let failed = false;
const builds = args.before ? [{ label: '', bin: BIN }, { label: ' (before)', bin: path.resolve(args.before) }] : [{ label: '', bin: BIN }];
for (const base of CASES) {
  const all = builds.map(() => [] as Array<ReturnType<typeof timed>>);
  for (let i = 0; i < RUNS; i++) builds.forEach((b, k) => all[k]!.push(timed(process.execPath, [b.bin, ...base.args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } })));
  builds.forEach((b, k) => report({ ...base, name: base.name + b.label }, all[k]!));
}

function report(c: (typeof CASES)[number], runs: Array<ReturnType<typeof timed>>): void {
  const bad = runs.find((r) => r.status !== 0);
  if (bad) {
    console.log(`${c.name}: exit ${bad.status}: ${bad.stderr.trim()}`);
    failed = true;
    return;
  }
  if (c.name.startsWith('scan') && !runs[0]!.stdout.includes('1 finding')) {
    console.log(`${c.name}: the scan did not find the planted address:\n${runs[0]!.stdout}`);
    failed = true;
  }
  const wall = median(runs.map((r) => r.wallS));
  const cpus = runs.flatMap((r) => (r.cpuS === undefined ? [] : [r.cpuS]));
  const cpu = cpus.length ? median(cpus) : undefined;
  const verdict = c.targetS === undefined ? '' : `${c.targetS} s: ${wall <= c.targetS ? 'met' : cpu !== undefined && cpu <= c.targetS ? 'met in CPU time, not in wall time (loaded machine?)' : 'NOT met'}`;
  console.log(`${c.name.padEnd(24)} ${fmt(wall).padStart(14)} ${fmt(cpu).padStart(14)} ${fmt(Math.min(...runs.map((r) => r.wallS))).padStart(10)}  ${verdict}`);
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
rmSync(dir, { recursive: true, force: true });
if (failed) process.exitCode = 1;
