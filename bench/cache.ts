/**
 * Incremental cache bench (issue 13): a medium repository scanned cold, with a cold --cache (the
 * cache is written), warm with nothing changed, and warm after a 20-file change. Findings of every
 * cached run must equal those of a run without the cache on the same tree.
 *
 * The tree is an app extracted by the real-app bench (bench/.cache/real-apps/, the first of
 * PREFERRED that is there), or --tree DIR; it is copied, so the 20 changes never touch the original.
 *
 *   npx tsx bench/cache.ts [--tree DIR] [--changed 20] [--no-code]
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { fmt, timed, type Timed } from './timed.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/pdscan.js');
const APPS = path.join(ROOT, 'bench/.cache/real-apps');
const PREFERRED = ['documenso__documenso', 'duyk30b__mea-nestjs', 'PhatNguyenTT2__backend'];

const { values: args } = parseArgs({ options: { tree: { type: 'string' }, changed: { type: 'string', default: '20' }, 'no-code': { type: 'boolean', default: false } } });

function pickTree(): string | undefined {
  if (args.tree) return path.resolve(args.tree);
  if (!existsSync(APPS)) return undefined;
  const dirs = readdirSync(APPS).filter((d) => statSync(path.join(APPS, d)).isDirectory());
  for (const p of PREFERRED) {
    const d = dirs.find((x) => x.startsWith(`${p}@`));
    if (d) return path.join(APPS, d);
  }
  return undefined;
}

function filesOf(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '.git' || e.name === '.pdscan-cache' ? [] : filesOf(dir, r);
    return e.isFile() ? [r] : [];
  });
}

const source = pickTree();
if (!source) {
  console.log('no tree: run the real-app bench once (npm run bench -- realapps) to extract the apps, or pass --tree DIR');
  process.exit(0);
}
const work = mkdtempSync(path.join(tmpdir(), 'pdscan-cache-bench-'));
const tree = path.join(work, 'tree');
cpSync(source, tree, { recursive: true });
const files = filesOf(tree);
const bytes = files.reduce((n, f) => n + statSync(path.join(tree, f)).size, 0);
console.log(`tree: ${path.basename(source)}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const extra = args['no-code'] ? ['--no-code'] : [];
const scan = (name: string, more: string[]): Timed & { name: string; findings: string; fromCache?: number } => {
  const out = path.join(work, `${name}.json`);
  const r = timed(process.execPath, [BIN, 'scan', '.', '-q', '-f', 'json', '-o', out, ...extra, ...more], { cwd: tree, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${name}: exit ${r.status}: ${r.stderr}`);
  const json = JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown; evidence: unknown; problems: unknown; stats: { filesFromCache?: number } };
  return { ...r, name, findings: JSON.stringify({ f: json.findings, e: json.evidence, p: json.problems }), fromCache: json.stats.filesFromCache };
};

const rows: Array<ReturnType<typeof scan>> = [];
const plain = scan('no cache', []);
rows.push(plain);
rows.push(scan('cold, writes cache', ['--cache']));
const warm = scan('warm, nothing changed', ['--cache']);
rows.push(warm);

// A 20-file change: a made-up contact line appended to 20 text or code files spread over the tree.
const editable = files.filter((f) => /\.(ts|tsx|js|md|json|txt|ya?ml)$/.test(f) && !f.endsWith('package.json'));
const step = Math.max(1, Math.floor(editable.length / Number(args.changed)));
const changed = editable.filter((_, i) => i % step === 0).slice(0, Number(args.changed));
changed.forEach((f, i) => {
  const abs = path.join(tree, f);
  const comment = f.endsWith('.json') ? '' : /\.(md|txt|ya?ml)$/.test(f) ? `\n# liên hệ: nguoi.dung${i}@congtyabc.vn\n` : `\n// liên hệ: nguoi.dung${i}@congtyabc.vn\n`;
  if (comment) writeFileSync(abs, readFileSync(abs, 'utf8') + comment);
  else writeFileSync(abs, `${readFileSync(abs, 'utf8')} `);
});
const afterChange = scan(`warm, ${changed.length} files changed`, ['--cache']);
rows.push(afterChange);
const plainAfter = scan('no cache, after the change', []);

console.log(`${'run'.padEnd(28)} ${'wall'.padStart(9)} ${'cpu u+s'.padStart(9)} ${'peak RSS'.padStart(9)} ${'from cache'.padStart(11)}`);
for (const r of [...rows, plainAfter]) {
  console.log(`${r.name.padEnd(28)} ${fmt(r.wallS).padStart(9)} ${fmt(r.cpuS).padStart(9)} ${(r.maxRssMb === undefined ? 'n/a' : `${r.maxRssMb.toFixed(0)} MB`).padStart(9)} ${String(r.fromCache ?? '-').padStart(11)}`);
}
const same = rows.slice(0, 3).every((r) => r.findings === plain.findings) && afterChange.findings === plainAfter.findings;
console.log(`findings with the cache identical to a run without it: ${same ? 'yes' : 'NO'}`);
console.log(`files changed: ${changed.length}; files from the cache: warm ${warm.fromCache ?? 0}, after the change ${afterChange.fromCache ?? 0} (of ${files.length} walked)`);
rmSync(work, { recursive: true, force: true });
if (!same) process.exitCode = 1;
