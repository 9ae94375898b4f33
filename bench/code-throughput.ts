/**
 * Throughput of full code analysis (parse + declarations + flows per file, then linkProject) on
 * the TS/JS shipped in this project's node_modules: `npx tsx bench/code-throughput.ts [maxLines]`.
 * Prints lines/s on one thread and on two worker threads, and the peak RSS (whole process).
 * `npx tsx bench/code-throughput.ts 1200000 2` runs only the two-thread measurement.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { analyzeFile, linkProject } from '../src/sources/code/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = [
  'typescript/lib', 'ts-morph', '@ts-morph', '@typescript-eslint', 'mongodb', 'mysql2', 'ajv', 'yaml', 'fast-check',
  'vitest', '@vitest', 'piscina', 'commander', 'pg', 'zod', 'rxjs',
];
const EXT = /\.(ts|js|mjs|cjs|mts|cts)$/;
const MAX_BYTES = 12 * 1024 * 1024;

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (EXT.test(name) && st.size <= MAX_BYTES) out.push(p);
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

// Usage: code-throughput.ts [maxLines] [1|2|both]. Run one mode per process for a clean peak RSS.
const maxLines = Number(process.argv[2] ?? 1_200_000);
const mode = process.argv[3] ?? 'both';
const files: Array<{ abs: string; rel: string }> = [];
let totalLines = 0;
for (const c of CORPUS) {
  const list: string[] = [];
  walk(path.join(ROOT, 'node_modules', c), list);
  list.sort();
  for (const abs of list) {
    if (totalLines >= maxLines) break;
    totalLines += countLines(readFileSync(abs, 'utf8'));
    files.push({ abs, rel: path.relative(ROOT, abs).split(path.sep).join('/') });
  }
}
console.log(`corpus: ${files.length} files, ${totalLines.toLocaleString('en')} lines`);

function cpuSecs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function mb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}

// One thread.
if (mode !== '2') {
  const t0 = performance.now();
  const c0 = cpuSecs();
  const summaries = new Map<string, unknown>();
  let findings = 0;
  let problems = 0;
  let analysed = 0;
  for (const f of files) {
    const text = readFileSync(f.abs, 'utf8');
    const r = analyzeFile({ path: f.rel }, text);
    findings += r.findings.length;
    if (r.problem) problems++;
    else analysed += countLines(text);
    summaries.set(f.rel, r.summary);
  }
  const t1 = performance.now();
  const linked = linkProject(summaries);
  const t2 = performance.now();
  const secs = (t2 - t0) / 1000;
  const cpu = cpuSecs() - c0;
  console.log(
    // Skipped files (over the size cap, unparsable) do not count as lines analysed.
    `1 thread : ${analysed.toLocaleString('en')} lines analysed, ${Math.round(analysed / secs).toLocaleString('en')} lines/s wall, ${Math.round(analysed / cpu).toLocaleString('en')} lines per CPU-second ` +
      `(${secs.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU; link ${((t2 - t1) / 1000).toFixed(2)} s), ` +
      `${findings + linked.findings.length} findings, ${problems} files skipped, peak RSS ${mb(process.resourceUsage().maxRSS)}`,
  );
}

// Two worker threads (what `--threads 2` does): files analysed in workers, summaries linked here.
if (mode !== '1') {
  const pool = new Piscina({
    filename: new URL('./code-worker.ts', import.meta.url).href,
    minThreads: 2,
    maxThreads: 2,
    execArgv: ['--import', 'tsx'],
  });
  // Warm the workers (module loading, rule files) outside the measurement.
  await Promise.all([pool.run(files[0]), pool.run(files[1] ?? files[0])]);
  const t0 = performance.now();
  const c0 = cpuSecs();
  const summaries = new Map<string, unknown>();
  let findings = 0;
  let analysed = 0;
  await Promise.all(
    files.map(async (f) => {
      const r = (await pool.run(f)) as { lines: number; findings: number; problem?: string; summary: unknown };
      findings += r.findings;
      if (!r.problem) analysed += r.lines;
      summaries.set(f.rel, r.summary);
    }),
  );
  const t1 = performance.now();
  const linked = linkProject(summaries);
  const t2 = performance.now();
  const secs = (t2 - t0) / 1000;
  const cpu = cpuSecs() - c0;
  // On a shared machine wall time includes other processes; CPU time / 2 is what 2 idle cores would take.
  console.log(
    `2 threads: ${analysed.toLocaleString('en')} lines analysed, ${Math.round(analysed / secs).toLocaleString('en')} lines/s wall, ${Math.round(analysed / (cpu / 2)).toLocaleString('en')} lines/s on 2 idle cores (CPU ${cpu.toFixed(1)} s / 2) ` +
      `(${secs.toFixed(1)} s wall; link ${((t2 - t1) / 1000).toFixed(2)} s), ` +
      `${findings + linked.findings.length} findings, peak RSS ${mb(process.resourceUsage().maxRSS)}, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  await pool.destroy();
}
