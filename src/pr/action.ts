/**
 * What the GitHub Action does around a `pdscan scan` run (its entry point is
 * src/cli/action-entry.ts, which hands it the CLI to run).
 *
 * It turns the action's inputs (passed as INPUT_* environment variables by the composite
 * action) into a `pdscan scan` command line, picks the diff base from the event (a pull
 * request's base commit), runs the CLI in-process and adds what only makes sense in Actions:
 * file annotations for new findings, so teams without code scanning still see them on the
 * pull request. The job summary and step outputs are written by `pdscan scan` itself.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventBase } from './github.js';
import { DEFAULT_BASELINE_FILE } from './baseline.js';

type Env = Record<string, string | undefined>;

/** Splits an argument string like a shell would for words and quotes (no expansion). */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: '"' | "'" | undefined;
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else if (ch === '\\' && i + 1 < s.length) {
      cur += s[++i];
    } else {
      cur += ch;
    }
  }
  if (quote) throw new Error(`unbalanced ${quote} in arguments: ${s}`);
  if (has || cur) out.push(cur);
  return out;
}

const list = (s: string) => s.split(/[\n,]+/).map((x) => x.trim()).filter(Boolean);

export interface ActionPlan {
  argv: string[];
  /** The `args` input, appended last so the user has the final word. */
  userArgs: string[];
  sarif: string;
  diffBase?: string;
  warnings: string[];
}

/** The scan cache's directory in the workspace: action.yml's restore and save steps name it too. */
export const ACTION_CACHE_DIR = '.pdscan-cache';

/** Translates inputs and the event into `pdscan scan` arguments. */
export function planAction(env: Env, cwd: string): ActionPlan {
  const input = (name: string) => (env[`INPUT_${name.toUpperCase().replace(/[- ]/g, '_')}`] ?? '').trim();
  const warnings: string[] = [];
  // One path per line; on a single line, separated by spaces.
  const rawPaths = input('paths');
  const paths = rawPaths ? (rawPaths.includes('\n') ? rawPaths.split('\n') : rawPaths.split(/\s+/)).map((p) => p.trim()).filter(Boolean) : ['.'];
  const sarif = input('sarif') || 'pdscan.sarif';
  const argv = ['scan', ...paths, '--sarif', sarif, '--fail-on', input('fail-on') || 'high'];
  if (input('config')) argv.push('--config', input('config'));
  if (input('law')) argv.push('--law', input('law'));
  const inventory = list(input('inventory'));
  if (inventory.length) argv.push('--inventory', ...inventory);

  const baseline = input('baseline');
  if (baseline && !['false', 'off', 'none'].includes(baseline.toLowerCase())) argv.push('--baseline', baseline);
  else if (!baseline && existsSync(path.join(cwd, DEFAULT_BASELINE_FILE))) argv.push('--baseline', DEFAULT_BASELINE_FILE);

  const diff = (input('diff') || 'auto').toLowerCase();
  let diffBase: string | undefined;
  if (!['false', 'off', 'no', '0'].includes(diff)) {
    const forced = ['true', 'on', 'yes', '1'].includes(diff);
    diffBase = input('diff-base') || eventBase(env, forced);
    if (!diffBase && forced) warnings.push(`diff mode is on but the ${env.GITHUB_EVENT_NAME ?? 'current'} event names no base commit: scanning everything`);
  }
  if (diffBase) argv.push('--diff-base', diffBase);
  if (['false', 'off', 'no', '0'].includes(input('summary').toLowerCase())) argv.push('--no-summary');
  // action.yml restores and saves this directory with the Actions cache (keyed by pdscan version and lockfile).
  if (!['false', 'off', 'no', '0'].includes(input('cache').toLowerCase())) argv.push('--cache', ACTION_CACHE_DIR);
  return { argv, userArgs: splitArgs(input('args')), sarif, ...(diffBase ? { diffBase } : {}), warnings };
}

/** Escapes workflow-command data and properties (https://github.com/actions/toolkit, command.ts). */
const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

interface JsonFinding {
  ruleId: string;
  category: string;
  level: 'high' | 'medium' | 'low';
  message: string;
  location?: { path: string; line: number; column: number; endLine?: number; endColumn?: number };
  suppression?: unknown;
}

const COMMAND = { high: 'error', medium: 'warning', low: 'notice' } as const;
/** GitHub shows at most 10 annotations of each kind per step; more is noise in the log. */
const MAX_ANNOTATIONS = 50;

export function annotations(findings: JsonFinding[]): string[] {
  return findings
    .filter((f) => !f.suppression && f.location)
    .slice(0, MAX_ANNOTATIONS)
    .map((f) => {
      const l = f.location!;
      const props = [`file=${escProp(l.path)}`, `line=${l.line}`, `col=${l.column}`, `title=${escProp(`pdscan: ${f.category} (${f.ruleId})`)}`];
      if (l.endLine && l.endLine !== l.line) props.push(`endLine=${l.endLine}`);
      return `::${COMMAND[f.level]} ${props.join(',')}::${escData(f.message)}`;
    });
}

/** Runs pdscan's command line in-process with the given arguments and returns its exit code. */
export type RunCli = (argv: string[]) => Promise<number>;

export async function runAction(runCli: RunCli, env: Env = process.env): Promise<number> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  process.chdir(workspace);
  let plan: ActionPlan;
  try {
    plan = planAction(env, workspace);
  } catch (err) {
    process.stderr.write(`pdscan: ${(err as Error).message}\n`);
    return 2;
  }
  for (const w of plan.warnings) process.stdout.write(`::warning title=pdscan::${escData(w)}\n`);
  const wantAnnotations = !['false', 'off', 'no', '0'].includes((env.INPUT_ANNOTATIONS ?? 'true').trim().toLowerCase());
  const tmp = mkdtempSync(path.join(tmpdir(), 'pdscan-action-'));
  const json = path.join(tmp, 'results.json');
  try {
    const argv = [...plan.argv, ...(wantAnnotations ? ['--json', json] : []), ...plan.userArgs];
    process.stdout.write(`pdscan ${[...plan.argv, ...plan.userArgs].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}\n`);
    const code = await runCli(argv);
    if (wantAnnotations && existsSync(json)) {
      const data = JSON.parse(readFileSync(json, 'utf8')) as { findings: JsonFinding[] };
      for (const line of annotations(data.findings)) process.stdout.write(`${line}\n`);
    }
    if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `exit-code=${code}\n`);
    return code;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
