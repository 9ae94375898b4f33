/**
 * `npm run bench`: every benchmark, one after the other (they share two cores), each as its own
 * process so that one failing does not hide the others. Figures are printed and kept in bench/.out/.
 *   npm run bench -- throughput accuracy     (run only some)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/util/paths.js';

const BENCHES: Array<{ name: string; file: string; what: string }> = [
  { name: 'startup', file: 'bench/startup.ts', what: 'start-up: --help, --version and a one-file scan (median of 7 runs, wall and CPU)' },
  { name: 'cache', file: 'bench/cache.ts', what: 'incremental cache: cold, warm and 20-file-change rescans of a medium repository' },
  { name: 'accuracy', file: 'bench/accuracy.ts', what: 'precision/recall per category on the labelled corpus' },
  { name: 'throughput', file: 'bench/throughput.ts', what: 'pdscan vs ripgrep on a ≥200 MB corpus' },
  { name: 'containers', file: 'bench/containers.ts', what: 'documents, workbooks, PDFs and archives: accuracy against text twins, MB/s and peak RSS' },
  { name: 'code', file: 'bench/code-throughput.ts', what: 'lines/s of code analysis over node_modules TS/JS' },
  { name: 'db', file: 'bench/db.ts', what: 'database sampling cost vs table size' },
  { name: 'pr', file: 'bench/pr-check.ts', what: 'PR check on a 5,000-file repository' },
  { name: 'models', file: 'bench/models-check.ts', what: 'declared fields of 40 synthetic model files in every form and both languages' },
  { name: 'realapps', file: 'bench/real-apps.ts', what: 'code understanding on blind-labelled public apps (fetched on demand)' },
  { name: 'noise', file: 'bench/noise.ts', what: 'value findings per level/context per 100k lines on real repositories, planted-record recall' },
];

const only = process.argv.slice(2);
const tsx = path.join(PACKAGE_ROOT, 'node_modules/tsx/dist/cli.mjs');
const failed: string[] = [];
for (const b of BENCHES) {
  if (only.length && !only.includes(b.name)) continue;
  if (!existsSync(path.join(PACKAGE_ROOT, b.file))) {
    console.log(`\n## ${b.name}: ${b.file} missing, skipped`);
    continue;
  }
  console.log(`\n## ${b.name}: ${b.what}`);
  const r = spawnSync(process.execPath, [tsx, b.file], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed.push(b.name);
}
if (failed.length) {
  console.log(`\nbenchmarks that failed to run: ${failed.join(', ')}`);
  process.exitCode = 1;
}
