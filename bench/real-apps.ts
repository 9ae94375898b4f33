/**
 * Real-app bench: pdscan's code understanding scored against blind labels of public applications.
 *
 *   npm run bench -- realapps
 *   npx tsx bench/real-apps.ts [--split tuning|heldout|heldout2|heldout3] [--app owner/name] [--bin bin/pdscan.js]
 *                              [--timeout 900] [--out bench/.out/real-apps] [--details]
 *
 * Labels live in bench/real-apps/apps/<owner>__<name>.json (repository, pinned commit, tuning or
 * held-out, fields and flows; see bench/real-apps/README.md). No third-party code is committed: each
 * app is extracted at its commit into the git-ignored bench/.cache/real-apps/. The scan is the one a
 * user runs (`pdscan scan . -f json` in the app's root, default options), so the figures are what
 * a new user would get. `--bin` scores another build (for example the previous release) in the
 * same run. Exit codes: 0 = report written, 2 = usage error, 3 = nothing could be scored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { checkout } from './real-apps/checkout.js';
import { addUp, ratio, scoreApp, SPLITS, type Split, type AppLabels, type AppScore, type PdscanFinding } from './real-apps/score.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LABELS = path.join(ROOT, 'bench/real-apps/apps');
const CACHE = path.join(ROOT, 'bench/.cache/real-apps');

const { values: opts } = parseArgs({
  options: {
    split: { type: 'string' },
    app: { type: 'string', multiple: true },
    bin: { type: 'string', default: 'bin/pdscan.js' },
    timeout: { type: 'string', default: '900' },
    out: { type: 'string', default: 'bench/.out/real-apps' },
    details: { type: 'boolean', default: false },
  },
});
if (opts.split && !SPLITS.includes(opts.split as Split)) {
  console.error(`usage: --split ${SPLITS.join('|')}`);
  process.exit(2);
}

function loadLabels(): AppLabels[] {
  if (!fs.existsSync(LABELS)) return [];
  return fs.readdirSync(LABELS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(LABELS, f), 'utf8')) as AppLabels)
    .filter((a) => a.commit && Array.isArray(a.fields) && Array.isArray(a.flows))
    .filter((a) => !opts.split || a.split === opts.split)
    .filter((a) => !opts.app?.length || opts.app.includes(a.repo));
}

const pct = (x: number | null): string => (x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

interface Row { app: AppLabels; score?: AppScore; seconds: number; error?: string }

async function runOne(app: AppLabels, bin: string, outDir: string): Promise<Row> {
  const started = Date.now();
  try {
    const co = await checkout(app.repo, app.commit, CACHE);
    const out = path.join(outDir, `${app.repo.replace('/', '__')}.json`);
    const r = spawnSync(process.execPath, [bin, 'scan', '.', '-f', 'json', '-o', out, '-q', '--fail-on', 'none'], {
      cwd: co.dir, encoding: 'utf8', timeout: Number(opts.timeout) * 1000, maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`pdscan exited ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').pop() ?? ''}`);
    const findings = (JSON.parse(fs.readFileSync(out, 'utf8')) as { findings: PdscanFinding[] }).findings;
    const note = co.missingBlobs ? ` (${co.missingBlobs} blobs absent from the snapshot)` : '';
    if (note) console.log(`  ${app.repo}${note}`);
    return { app, score: scoreApp(app, findings), seconds: (Date.now() - started) / 1000 };
  } catch (e) {
    return { app, seconds: (Date.now() - started) / 1000, error: (e as Error).message };
  }
}

function printRows(rows: Row[]): void {
  console.log(`${'app'.padEnd(44)} ${'split'.padEnd(8)} ${'fieldP'.padStart(7)} ${'fieldR'.padStart(7)} ${'flowR'.padStart(7)}  fields flows   secs`);
  for (const r of rows) {
    const name = `${r.app.repo}${r.app.monorepo ? ' (mono)' : ''}`.padEnd(44);
    if (!r.score) {
      console.log(`${name} ${r.app.split.padEnd(8)} error: ${r.error}`);
      continue;
    }
    const f = r.score.fields;
    const fl = r.score.flows;
    console.log(`${name} ${r.app.split.padEnd(8)} ${pct(ratio(f.tp, f.tp + f.fp))} ${pct(ratio(f.tp, f.tp + f.fn))} ${pct(ratio(fl.found, fl.total))}  ${String(f.tp + f.fn).padStart(6)} ${String(fl.total).padStart(5)} ${r.seconds.toFixed(0).padStart(6)}`);
    if (opts.details) {
      for (const m of f.misses) console.log(`    field ${m.file}:${m.line} ${m.field}: expected ${m.expected ?? 'none'}, got ${m.got.join(',') || 'nothing'}`);
      for (const m of fl.missed) console.log(`    flow missed ${m.file}:${m.lines.join('-')} ${m.sink}${m.recipient ? ` → ${m.recipient}` : ''} [${m.categories.join(',')}]`);
      for (const u of fl.unmatchedResults) console.log(`    flow unlabelled ${u.ruleId} ${u.file}:${u.line}`);
    }
  }
}

async function main(): Promise<void> {
  const apps = loadLabels();
  if (!apps.length) {
    console.error(`no labelled apps in ${path.relative(ROOT, LABELS)}${opts.split ? ` for split ${opts.split}` : ''}`);
    process.exit(3);
  }
  const bin = path.resolve(ROOT, opts.bin!);
  const outDir = path.resolve(ROOT, opts.out!);
  fs.mkdirSync(outDir, { recursive: true });
  const rows: Row[] = [];
  for (const app of apps) {
    process.stderr.write(`scanning ${app.repo}@${app.commit.slice(0, 12)}…\n`);
    rows.push(await runOne(app, bin, outDir));
  }
  printRows(rows);
  const summary: Record<string, unknown> = { bin: path.relative(ROOT, bin), when: new Date().toISOString(), apps: {} };
  for (const split of SPLITS) {
    const scored = rows.filter((r) => r.app.split === split && r.score).map((r) => r.score!);
    if (!scored.length) continue;
    const t = addUp(scored);
    const line = { fieldPrecision: ratio(t.tp, t.tp + t.fp), fieldRecall: ratio(t.tp, t.tp + t.fn), flowRecall: ratio(t.flowsFound, t.flowsTotal), ...t };
    summary[split] = line;
    console.log(`${split.padEnd(8)} apps ${scored.length}: field precision ${pct(line.fieldPrecision)}, field recall ${pct(line.fieldRecall)} (${t.tp + t.fn} personal fields), flow recall ${pct(line.flowRecall)} (${t.flowsTotal} flows)`);
  }
  for (const r of rows) (summary.apps as Record<string, unknown>)[r.app.repo] = r.score ? { split: r.app.split, ...r.score } : { split: r.app.split, error: r.error };
  fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify(summary, null, 2));
  const failed = rows.filter((r) => !r.score).length;
  if (failed === rows.length) process.exit(3);
}

await main();
