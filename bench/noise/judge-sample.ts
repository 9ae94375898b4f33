/**
 * Blind judgement of pdscan's value findings on held-out real repositories (issue 12).
 *
 * Step 1, draw the sample (values included, so written only to the git-ignored bench/.out/):
 *   npx tsx bench/noise/judge-sample.ts sample [--bin bin/pdscan.js] [--trees bench/.cache/trees]
 *          [--only owner/name,...] [--size 120] [--seed 20261207] [--threads 2] [--out bench/.out/judge-sample]
 * It scans every held-out tree of bench/noise/repos.json (extracted by `npx tsx bench/noise.ts
 * --only ...`) with `scan . --format json --show-data`, keeps the VALUE findings (kind `value` or
 * `aggregate`, not declarations/flows) at level high or medium (SARIF error or warning), not
 * suppressed, outside the records bench/noise.ts plants, prints the population per repository, and
 * draws a uniform random sample (seeded, over a sorted population, so reproducible). It writes
 * <out>.json (findings with masked and raw values) and <out>.txt (one block per finding with ±3
 * lines of context) for the judge to read.
 *
 * Step 2, after judging (a verdicts file: [{ "n": 1, "verdict": "synthetic", "cause": "...",
 * "reason": "..." }, ...], n as numbered in <out>.txt):
 *   npx tsx bench/noise/judge-sample.ts summarize --verdicts bench/.out/verdicts.json
 *          [--sample bench/.out/judge-sample.json] --out bench/noise/judgements/<date>-main-<commit>.json
 * It writes the judgements WITHOUT values (it refuses a reason that quotes the value) and a summary:
 * shares per verdict overall and per repository, and the non-actionable ones by cause.
 * Exit codes: 0 = written, 1 = a verdict is missing or quotes a value, 2 = usage error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { maskValue } from '../../src/report/mask.js';
import { expandFile, isContainerPath } from '../../src/sources/files/containers/expand.js';
import { containerLimits } from '../../src/sources/files/containers/limits.js';
import { seededRandom } from '../../src/sources/db/sampling-plan.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SARIF_NAME: Record<string, string> = { high: 'error', medium: 'warning', low: 'note' };
const VERDICTS = ['actionable', 'synthetic', 'not-personal'] as const;
export type Verdict = (typeof VERDICTS)[number];

interface RepoEntry {
  repo: string;
  commit: string;
  split?: 'tuning' | 'heldout';
}

export interface JsonFinding {
  ruleId: string;
  kind: string;
  category: string;
  level: string;
  value?: string;
  location?: { path: string; line?: number };
  suppression?: unknown;
  properties?: { context?: string; synthetic?: boolean };
}

export interface Sampled {
  n: number;
  repo: string;
  commit: string;
  path: string;
  line?: number;
  ruleId: string;
  kind: string;
  category: string;
  level: string;
  context: string;
  synthetic: boolean;
  masked?: string;
  value?: string;
  excerpt: string[];
}

export interface VerdictEntry {
  n: number;
  verdict: Verdict;
  cause?: string;
  reason: string;
}

function usage(msg: string): never {
  console.error(`${msg}\nusage: npx tsx bench/noise/judge-sample.ts sample|summarize [options] (see the header of this file)`);
  process.exit(2);
}

/** k of the items, uniformly, by a partial Fisher-Yates shuffle. */
export function drawSample<T>(items: readonly T[], k: number, seed: number): T[] {
  const a = [...items];
  const next = seededRandom(seed);
  const m = Math.min(k, a.length);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(next() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, m);
}

/** The lines pdscan reads from a file, by reported line: its bytes, or for a container (PDF, workbook, archive) the text of the inner unit. */
async function readLines(tree: string, file: string): Promise<Map<number, string> | undefined> {
  const top = file.split('!/')[0]!;
  const abs = path.join(tree, top);
  if (!existsSync(abs)) return undefined;
  const byLine = new Map<number, string>();
  const add = (text: string, reported: (line: number) => number = (l) => l) => text.split('\n').forEach((t, i) => byLine.set(reported(i + 1), t));
  if (!isContainerPath(top)) {
    add(readFileSync(abs, 'utf8'));
    return byLine;
  }
  let found = false;
  await expandFile(abs, top, statSync(abs).size, containerLimits(), {
    unit: (u) => {
      if (u.path !== file) return;
      found = true;
      add(u.text.toString('utf8'), u.reportedLine);
    },
    notice: () => undefined,
  });
  return found ? byLine : undefined;
}

/** ±3 lines around `line` of the text pdscan read (a container's inner text, not its bytes). */
async function excerpt(tree: string, file: string, line: number | undefined): Promise<string[]> {
  const lines = await readLines(tree, file);
  if (!lines) return ['(not found on disk: no excerpt)'];
  if (!line) return ['(no line)'];
  const out: string[] = [];
  for (let i = Math.max(1, line - 3); i <= line + 3; i++) {
    const t = lines.get(i);
    if (t !== undefined) out.push(`${i === line ? '>' : ' '}${String(i).padStart(6)}  ${t.length > 240 ? `${t.slice(0, 240)}…` : t}`);
  }
  return out;
}

function scanTree(bin: string, tree: string, threads: number): JsonFinding[] {
  const r = spawnSync(process.execPath, [bin, 'scan', '.', '--format', 'json', '--show-data', '-q', '--threads', String(threads)], {
    cwd: tree,
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`scan of ${tree} failed (${r.status}): ${r.stderr.split('\n')[0]}`);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

/** Error/warning value findings as GitHub code scanning would show them (planted records left out). */
export function reportedValues(findings: readonly JsonFinding[]): JsonFinding[] {
  return findings.filter(
    (f) =>
      (f.kind === 'value' || f.kind === 'aggregate') &&
      (f.level === 'high' || f.level === 'medium') &&
      !f.suppression &&
      !f.location?.path.includes('pdscan-planted'),
  );
}

async function sample(argv: string[]): Promise<void> {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      bin: { type: 'string', default: path.join(ROOT, 'bin/pdscan.js') },
      trees: { type: 'string', default: path.join(ROOT, 'bench/.cache/trees') },
      only: { type: 'string' },
      size: { type: 'string', default: '120' },
      seed: { type: 'string', default: '20261207' },
      threads: { type: 'string', default: '2' },
      out: { type: 'string', default: path.join(ROOT, 'bench/.out/judge-sample') },
    },
  });
  if (!existsSync(args.bin)) usage(`--bin: ${args.bin} does not exist`);
  const list = (JSON.parse(readFileSync(path.join(ROOT, 'bench/noise/repos.json'), 'utf8')) as { repos: RepoEntry[] }).repos;
  const wanted = args.only ? new Set(args.only.split(',')) : undefined;
  const repos = list.filter((e) => (wanted ? wanted.has(e.repo) : e.split === 'heldout'));
  const population: Array<Omit<Sampled, 'n' | 'excerpt'> & { tree: string }> = [];
  const perRepo: Record<string, number> = {};
  for (const entry of repos) {
    const tree = path.join(args.trees, `${entry.repo.replace('/', '+')}@${entry.commit.slice(0, 12)}`);
    if (!existsSync(tree)) {
      console.log(`${entry.repo.padEnd(40)} no tree at ${tree} (run bench/noise.ts --only ${entry.repo}): skipped`);
      continue;
    }
    const found = reportedValues(scanTree(args.bin, tree, Number(args.threads)));
    console.log(`${entry.repo.padEnd(40)} ${String(found.length).padStart(5)} error/warning value findings`);
    perRepo[entry.repo] = found.length;
    for (const f of found) {
      population.push({
        tree,
        repo: entry.repo,
        commit: entry.commit,
        path: f.location?.path ?? '',
        line: f.location?.line,
        ruleId: f.ruleId,
        kind: f.kind,
        category: f.category,
        level: SARIF_NAME[f.level]!,
        context: f.properties?.context ?? '(none)',
        synthetic: f.properties?.synthetic === true,
        ...(f.value !== undefined ? { masked: maskValue(f.value), value: f.value } : {}),
      });
    }
  }
  // A stable order first: the scan's order may depend on worker timing.
  const key = (p: (typeof population)[number]) => [p.repo, p.path, String(p.line ?? 0).padStart(8, '0'), p.ruleId, p.category, p.value ?? ''].join('\u0000');
  population.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const drawn = drawSample(population, Number(args.size), Number(args.seed));
  drawn.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const out: Sampled[] = [];
  for (const [i, { tree, ...p }] of drawn.entries()) out.push({ n: i + 1, ...p, excerpt: await excerpt(tree, p.path, p.line) });
  console.log(`population ${population.length}, sample ${out.length} (seed ${args.seed})`);
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(`${args.out}.json`, JSON.stringify({ bin: args.bin, seed: Number(args.seed), population: population.length, perRepo, sample: out }, null, 2));
  const text = out.map(
    (s) =>
      `#${s.n} ${s.repo} ${s.path}:${s.line ?? '-'} ${s.ruleId} [${s.category}] ${s.level} context=${s.context}${s.synthetic ? ' synthetic' : ''} kind=${s.kind}\n` +
      `   masked: ${s.masked ?? '-'}\n   value:  ${s.value ?? '-'}\n${s.excerpt.join('\n')}\n`,
  );
  writeFileSync(`${args.out}.txt`, text.join('\n'));
  console.log(`written ${path.relative(process.cwd(), args.out)}.json and .txt (values inside: git-ignored, never commit)`);
}

function countBy<T>(items: readonly T[], by: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) out[by(t)] = (out[by(t)] ?? 0) + 1;
  return out;
}

const share = (n: number, of: number) => (of ? Math.round((n * 1000) / of) / 10 : 0);

/** Wilson score interval (95 %) of k successes in n, in percent. */
export function wilson(k: number, n: number): [number, number] {
  if (!n) return [0, 0];
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [share(Math.max(0, centre - half), 1), share(Math.min(1, centre + half), 1)];
}

function shares(items: ReadonlyArray<{ verdict: Verdict }>): Record<string, number | string> {
  const c = countBy(items, (i) => i.verdict);
  const out: Record<string, number | string> = { n: items.length };
  for (const v of VERDICTS) out[v] = `${c[v] ?? 0} (${share(c[v] ?? 0, items.length)} %)`;
  const [lo, hi] = wilson(c.actionable ?? 0, items.length);
  out.actionable95 = `${lo}–${hi} %`;
  return out;
}

/**
 * The judgements to commit: each sampled finding without its value, with its verdict. Problems: a
 * finding without a valid verdict and reason, a non-actionable one without a cause, or a reason
 * that quotes the value (values are never committed).
 */
export function applyVerdicts(sample: readonly Sampled[], entries: readonly VerdictEntry[]) {
  const verdicts = new Map(entries.map((v) => [v.n, v]));
  const problems: string[] = [];
  const judged = sample.map((f) => {
    const v = verdicts.get(f.n);
    if (!v || !VERDICTS.includes(v.verdict) || !v.reason) problems.push(`#${f.n}: no valid verdict and reason`);
    else if (v.verdict !== 'actionable' && !v.cause) problems.push(`#${f.n}: a non-actionable verdict needs a cause`);
    const raw = f.value?.trim().toLowerCase();
    if (v && raw && raw.length >= 4 && `${v.reason} ${v.cause ?? ''}`.toLowerCase().includes(raw)) problems.push(`#${f.n}: the reason quotes the value`);
    return {
      repo: f.repo,
      path: f.path,
      line: f.line,
      ruleId: f.ruleId,
      category: f.category,
      level: f.level,
      context: f.context,
      verdict: v?.verdict as Verdict,
      ...(v?.cause ? { cause: v.cause } : {}),
      reason: v?.reason ?? '',
    };
  });
  return { judged, problems };
}

function summarize(argv: string[]): void {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      sample: { type: 'string', default: path.join(ROOT, 'bench/.out/judge-sample.json') },
      verdicts: { type: 'string' },
      out: { type: 'string' },
      build: { type: 'string', default: 'main' },
    },
  });
  if (!args.verdicts || !args.out) usage('summarize needs --verdicts and --out');
  const s = JSON.parse(readFileSync(args.sample, 'utf8')) as { seed: number; population: number; perRepo: Record<string, number>; sample: Sampled[] };
  const { judged, problems } = applyVerdicts(s.sample, JSON.parse(readFileSync(args.verdicts, 'utf8')) as VerdictEntry[]);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const repos = [...new Set(judged.map((j) => j.repo))].sort();
  const causes = Object.entries(countBy(judged.filter((j) => j.verdict !== 'actionable'), (j) => `${j.verdict}: ${j.cause}`)).sort((a, b) => b[1] - a[1]);
  const summary = {
    build: args.build,
    seed: s.seed,
    population: s.population,
    populationPerRepo: s.perRepo,
    sampleSize: judged.length,
    overall: shares(judged),
    perRepo: Object.fromEntries(repos.map((r) => [r, shares(judged.filter((j) => j.repo === r))])),
    perContext: Object.fromEntries([...new Set(judged.map((j) => j.context))].sort().map((c) => [c, shares(judged.filter((j) => j.context === c))])),
    perCategory: Object.fromEntries([...new Set(judged.map((j) => j.category))].sort().map((c) => [c, shares(judged.filter((j) => j.category === c))])),
    nonActionableByCause: Object.fromEntries(causes),
  };
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify({ summary, judgements: judged }, null, 2) + '\n');
  console.log(JSON.stringify(summary, null, 2));
  console.log(`written ${path.relative(process.cwd(), args.out)}`);
}

// Run as a script (not when a test imports the helpers).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'sample') await sample(rest);
  else if (command === 'summarize') summarize(rest);
  else usage(`unknown command ${command ?? '(none)'}`);
}
