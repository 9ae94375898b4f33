/**
 * Pull-request check bench (issue 6): a generated repository of 5,000 files in which a pull
 * request changes 20, checked the way the GitHub Action checks it: the Action's entry point in
 * its own process, with a pull_request event, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT. The time
 * covers everything after install: git diff, scan of the changed files, the base comparison
 * for the summary, SARIF, summary and outputs. Target: under 10 s.
 *
 *   npx tsx bench/pr-check.ts [--files 5000] [--changed 20] [--no-build] [--keep] [--linked]
 *
 * --linked makes the code import itself: each module imports the one 50 files before it (a
 * chain in every directory) and one of seven helpers per package (350 more files), so diff
 * mode's code context (the import neighbourhood of the changed files) has real links to
 * follow. PDSCAN_DIFF_CONTEXT=none|imports|all in the environment picks the context mode.
 *
 * Two pull requests are timed:
 *   typical    adds phone numbers and e-mail addresses, categories the base already has, so
 *              the summary's inventory diff is settled by the changed files' base versions;
 *   new-sensitive  also adds health data the base never had, so proving it new means scanning
 *              the other 4,980 files too (the worst case).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_S = 10;

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '5000' },
    changed: { type: 'string', default: '20' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    linked: { type: 'boolean', default: false },
  },
});
const FILES = Number(args.files);
const CHANGED = Number(args.changed);

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };
const git = (cwd: string, ...a: string[]) => execFileSync('git', a, { cwd, env: GIT_ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

// ---------------------------------------------------------------- synthetic repository
// Made-up people: names, numbers and addresses that only have the right shape.
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Minh', 'Nam'];
const phone = (i: number) => `09${String(10_000_000 + ((i * 7919) % 89_999_999)).padStart(8, '0')}`;
const email = (i: number) => `nguoidung.${GIVEN[i % GIVEN.length]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase()}${i}@gmail.com`;

function codeFile(i: number): string {
  const lines = [`// Module ${i}: order processing helpers`, `import { format } from '../util/format${i % 7}';`, ''];
  if (args.linked && i >= 50) lines.splice(2, 0, `import { step0 as previous } from './file-${i - 50}';`, `export const before = previous;`);
  for (let j = 0; j < 25; j++) {
    lines.push(`export function step${j}(orderId: string, qty: number): string {`, `  const total = qty * ${j + 3} + ${i % 97};`, `  return format(orderId, total);`, '}', '');
  }
  return lines.join('\n');
}

function docFile(i: number): string {
  return [`# Notes ${i}`, '', 'This document describes the release process and the checklists used by the team.', '', ...Array.from({ length: 30 }, (_, j) => `- Step ${j}: review, test and tag build ${i}.${j}.`)].join('\n');
}

function jsonFile(i: number): string {
  return JSON.stringify({ name: `service-${i}`, version: `1.${i % 10}.0`, retries: i % 5, timeoutMs: 1000 + i, features: Array.from({ length: 20 }, (_, j) => `feature-${j}`) }, null, 2);
}

/** About 1 file in 50 holds contact data already on the base branch. */
function withContacts(i: number): string {
  return `Liên hệ khách hàng ${GIVEN[i % GIVEN.length]}\nSố điện thoại: ${phone(i)}\nEmail: ${email(i)}\n`;
}

function filePath(i: number): string {
  const dir = `packages/p${i % 50}/src/m${i % 10}`;
  if (i % 10 === 8) return `${dir}/README-${i}.md`;
  if (i % 10 === 9) return `${dir}/config-${i}.json`;
  return `${dir}/file-${i}.ts`;
}

function content(i: number): string {
  const p = filePath(i);
  const body = p.endsWith('.md') ? docFile(i) : p.endsWith('.json') ? jsonFile(i) : codeFile(i);
  return i % 50 === 0 && p.endsWith('.md') ? `${body}\n\n${withContacts(i)}` : body;
}

function helperFile(k: number): string {
  return `export function format(id: string, n: number): string {\n  return \`\${id}-\${n + ${k}}\`;\n}\n`;
}

function generate(dir: string): void {
  for (let i = 0; i < FILES; i++) {
    const p = path.join(dir, filePath(i));
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content(i));
  }
  if (args.linked) {
    for (let pk = 0; pk < 50; pk++) {
      for (let k = 0; k < 7; k++) {
        const p = path.join(dir, `packages/p${pk}/src/util/format${k}.ts`);
        mkdirSync(path.dirname(p), { recursive: true });
        writeFileSync(p, helperFile(k));
      }
    }
  }
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n*.sarif\n');
}

// ---------------------------------------------------------------- pdscan runner
function entryCommand(): { argv: string[]; how: string } {
  const built = path.join(ROOT, 'dist/cli/action-entry.js');
  if (!args['no-build']) {
    const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status === 0 && existsSync(built)) return { argv: [built], how: 'dist/cli/action-entry.js (freshly built)' };
    process.stderr.write(`build failed, running the TypeScript source through tsx instead:\n${(r.stdout + r.stderr).split('\n').slice(0, 5).join('\n')}\n`);
  } else if (existsSync(built)) {
    return { argv: [built], how: 'dist/cli/action-entry.js (existing build)' };
  }
  const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  return { argv: ['--import', tsx, path.join(ROOT, 'src/cli/action-entry.ts')], how: 'src/cli/action-entry.ts via tsx (adds transpile time)' };
}

interface Timing {
  seconds: number;
  /** CPU time of the check process (all threads), which a loaded machine does not inflate. */
  cpuSeconds: number;
  status: number;
  outputs: string;
  summaryBytes: number;
}

function runCheck(repo: string, out: string, base: string, entry: string[]): Timing {
  const event = path.join(out, 'event.json');
  const summary = path.join(out, 'summary.md');
  const output = path.join(out, 'output.txt');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 1, base: { sha: base, ref: 'main' } } }));
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_WORKSPACE: repo,
    INPUT_PATHS: '.',
    INPUT_FAIL_ON: 'high',
    INPUT_SARIF: path.join(out, 'pdscan.sarif'),
    INPUT_DIFF: 'auto',
    INPUT_ANNOTATIONS: 'true',
    INPUT_SUMMARY: 'true',
    ...(process.env.PDSCAN_DIFF_CONTEXT ? { PDSCAN_DIFF_CONTEXT: process.env.PDSCAN_DIFF_CONTEXT } : {}),
  };
  // A preload module records the process's own CPU use (worker threads included) at exit.
  const usage = path.join(out, 'usage.json');
  const preload = path.join(out, 'usage.mjs');
  writeFileSync(preload, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(usage)}, JSON.stringify(process.resourceUsage())));\n`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, ...entry], { cwd: repo, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const outputs = readFileSync(output, 'utf8');
  if ((r.status !== 0 && r.status !== 1) || !/^findings=/m.test(outputs)) throw new Error(`the check could not run (exit ${r.status}):\n${r.stderr}`);
  const ru = JSON.parse(readFileSync(usage, 'utf8')) as { userCPUTime: number; systemCPUTime: number };
  return { seconds, cpuSeconds: (ru.userCPUTime + ru.systemCPUTime) / 1e6, status: r.status ?? -1, outputs, summaryBytes: readFileSync(summary).length };
}

const pick = (outputs: string, name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(outputs)?.[1] ?? '';

function main(): void {
  const work = mkdtempSync(path.join(tmpdir(), 'pdscan-pr-bench-'));
  const repo = path.join(work, 'repo');
  const out = path.join(work, 'out');
  mkdirSync(repo);
  mkdirSync(out);
  try {
    const entry = entryCommand();
    process.stdout.write(`generating ${FILES} files…\n`);
    generate(repo);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    const base = git(repo, 'rev-parse', 'HEAD').trim();

    // Typical pull request: 15 edited files and 5 new ones, with contact data of kinds the base has.
    const step = Math.floor(FILES / CHANGED);
    const edited = Array.from({ length: CHANGED - 5 }, (_, k) => k * step + 1);
    for (const i of edited) {
      const p = path.join(repo, filePath(i));
      const extra = p.endsWith('.json') ? '' : `\n// contact: ${email(100_000 + i)}\n`;
      writeFileSync(p, `${readFileSync(p, 'utf8')}\n${p.endsWith('.md') ? withContacts(100_000 + i) : extra}`);
      if (p.endsWith('.json')) writeFileSync(p, readFileSync(p, 'utf8').replace('"retries"', '"retries_total"'));
    }
    for (let k = 0; k < 5; k++) writeFileSync(path.join(repo, `packages/p${k}/src/new-${k}.md`), `# New ${k}\n\n${withContacts(200_000 + k)}`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'typical change');
    const changed = git(repo, 'diff', '--name-only', base).trim().split('\n').length;

    const typical = runCheck(repo, out, base, entry.argv);

    // Same pull request plus health data the base never had (still 20 changed files).
    writeFileSync(path.join(repo, 'packages/p0/src/new-0.md'), `# New 0\n\n${withContacts(200_000)}\nBệnh nhân ${GIVEN[3]}, chẩn đoán: viêm phổi cấp, tiền sử tiểu đường type 2.\n`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'adds health data');
    const sensitive = runCheck(repo, out, base, entry.argv);

    const line = (name: string, t: Timing) =>
      `${name.padEnd(14)} ${t.seconds.toFixed(2).padStart(6)} s wall, ${t.cpuSeconds.toFixed(2).padStart(5)} s CPU  exit ${t.status}  findings ${pick(t.outputs, 'findings')} (high ${pick(t.outputs, 'high')}, medium ${pick(t.outputs, 'medium')})  new sensitive: ${pick(t.outputs, 'new-sensitive-categories') || 'none'}  summary ${t.summaryBytes} B`;
    process.stdout.write(
      [
        '',
        `PR check on ${FILES + (args.linked ? 350 : 0)} files${args.linked ? ' (linked by imports)' : ''}, ${changed} changed, ${entry.how}, diff context ${process.env.PDSCAN_DIFF_CONTEXT ?? 'imports'}; ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)} when done`,
        line('typical', typical),
        line('new-sensitive', sensitive),
        `target < ${TARGET_S} s: ${Math.max(typical.seconds, sensitive.seconds) < TARGET_S ? 'met' : 'NOT met'}`,
        args.keep ? `repository kept at ${repo}` : '',
        '',
      ].join('\n'),
    );
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  }
}

main();
