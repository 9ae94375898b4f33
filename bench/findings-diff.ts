/**
 * Findings before/after: runs the CLI of another revision (default: where this branch left
 * main, so that later changes on main do not show; exported with `git archive` into
 * bench/.out/rev-<commit>/ and built there) and of this checkout on the same
 * targets, and prints every finding that one has and the other lacks. Used to show that an
 * engine change (issue 13: the one-pass text engine) leaves results identical.
 *
 *   npx tsx bench/findings-diff.ts [--ref REV] [--no-code] [--threads 2] [target...]
 *
 * Default targets: the labelled accuracy corpus (fixtures/corpus/labelled, code analysis on, as
 * bench/accuracy.ts runs it) and the 200 MB throughput corpus (text only). Findings are compared
 * by rule, location, confidence, score, count and a hash of the value; values are never printed.
 * Exit code 1 when a difference is found.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/util/paths.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { ref: { type: 'string' }, threads: { type: 'string', default: '2' }, 'no-code': { type: 'boolean', default: false } },
});
const outDir = path.join(PACKAGE_ROOT, 'bench/.out');

/** A built copy of another revision (its node_modules linked to this checkout's). */
function revision(ref: string): string {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(outDir, `rev-${commit}`);
  if (!existsSync(path.join(dir, 'dist'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: PACKAGE_ROOT });
    if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.join(PACKAGE_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  }
  return dir;
}

interface RawFinding {
  ruleId: string;
  confidence?: string;
  score?: number;
  count?: number;
  value?: string;
  location?: { path: string; line: number; column: number; endLine?: number; endColumn?: number };
}

function findings(root: string, target: string, code: boolean, label: string): Set<string> {
  const out = path.join(outDir, `diff-${label}.json`);
  const args = [path.join(root, 'bin/pdscan.js'), 'scan', target, '--format', 'json', '--output', out, '--show-data', '--threads', values.threads!, '--quiet'];
  if (!code) args.push('--no-code');
  const r = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${label}: pdscan exited ${r.status}: ${r.stderr.slice(0, 400)}`);
  const json = JSON.parse(readFileSync(out, 'utf8')) as { findings: RawFinding[] };
  const keyed = new Set<string>();
  for (const f of json.findings) {
    const l = f.location;
    const where = l ? `${l.path}:${l.line}:${l.column}-${l.endLine ?? ''}:${l.endColumn ?? ''}` : '-';
    const hash = f.value === undefined ? '-' : createHash('sha256').update(f.value).digest('hex').slice(0, 12);
    const key = `${where} ${f.ruleId} ${f.confidence ?? ''} ${f.score ?? ''} n=${f.count ?? 1} v=${hash}`;
    keyed.add(key);
  }
  return keyed;
}

function main() {
  const ref = values.ref ?? execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).trim();
  const before = revision(ref);
  const targets = positionals.length
    ? positionals.map((t) => ({ dir: t, code: !values['no-code'] }))
    : [
        { dir: 'fixtures/corpus/labelled', code: true },
        { dir: 'bench/.corpus/bulk-200mb-7', code: false },
      ];
  let differences = 0;
  for (const [i, t] of targets.entries()) {
    if (!existsSync(path.join(PACKAGE_ROOT, t.dir))) {
      console.log(`${t.dir}: missing (bench/throughput.ts generates the 200 MB corpus), skipped`);
      continue;
    }
    const a = findings(before, t.dir, t.code, `${i}-before`);
    const b = findings(PACKAGE_ROOT, t.dir, t.code, `${i}-after`);
    const lost = [...a.keys()].filter((k) => !b.has(k));
    const gained = [...b.keys()].filter((k) => !a.has(k));
    differences += lost.length + gained.length;
    console.log(`${t.dir}${t.code ? '' : ' (--no-code)'}: ${a.size} findings at ${ref.slice(0, 7)}, ${b.size} now; ${lost.length} only at ${ref.slice(0, 7)}, ${gained.length} only now`);
    // The value's hash stays out of the report (a short hash of a phone number is easy to invert).
    const shown = (k: string) => k.replace(/ v=\S+$/, '');
    for (const k of lost.slice(0, 20)) console.log(`  - ${shown(k)}`);
    for (const k of gained.slice(0, 20)) console.log(`  + ${shown(k)}`);
  }
  console.log(differences ? `${differences} differences` : 'no differences');
  process.exitCode = differences ? 1 : 0;
}

main();
