/**
 * A thin, shell-free wrapper around the git command line. Every call passes its arguments as an
 * array (no shell, so paths and refs from the user cannot inject anything) and turns a missing
 * git or a failure into a ScanError with one clear line.
 */
import { spawnSync } from 'node:child_process';
import { ScanError } from '../util/errors.js';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  status: number;
}

/** Large diffs and `ls-files` listings of big repositories exceed Node's default 1 MB buffer. */
const MAX_BUFFER = 512 * 1024 * 1024;

/**
 * Runs git and returns its output whatever the exit status. Settings that change the output
 * format (quoted paths, colours, external diff drivers, pagers) are pinned so parsing is stable.
 */
export function gitTry(args: string[], cwd: string, input?: string): GitResult {
  const res = spawnSync(
    'git',
    ['-c', 'core.quotePath=false', '-c', 'color.ui=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', ...args],
    {
      cwd,
      encoding: 'utf8',
      maxBuffer: MAX_BUFFER,
      input,
      env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    },
  );
  if (res.error) {
    const code = (res.error as NodeJS.ErrnoException).code;
    throw new ScanError(code === 'ENOENT' ? 'git is not installed or not on PATH (needed for --diff-base)' : `git ${args[0]} failed: ${res.error.message}`);
  }
  return { ok: res.status === 0, stdout: res.stdout, stderr: res.stderr, status: res.status ?? -1 };
}

/** Runs git with binary stdin/stdout (for `cat-file --batch`); throws like `git`. */
export function gitBuffer(args: string[], cwd: string, input: string): Buffer {
  const res = spawnSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
  if (res.error) throw new ScanError(`git ${args[0]} failed: ${res.error.message}`);
  if (res.status !== 0) throw new ScanError(`git ${args[0]} failed: ${res.stderr.toString('utf8').split('\n')[0] ?? ''}`);
  return res.stdout;
}

/** Runs git and fails with its first error line when the command fails. */
export function git(args: string[], cwd: string, input?: string): string {
  const r = gitTry(args, cwd, input);
  if (!r.ok) {
    const why = r.stderr.split('\n').find((l) => l.trim()) ?? `exit status ${r.status}`;
    throw new ScanError(`git ${args[0]} failed: ${why.replace(/^(fatal|error): /, '')}`);
  }
  return r.stdout;
}

export function repoRoot(cwd: string): string {
  const r = gitTry(['rev-parse', '--show-toplevel'], cwd);
  if (!r.ok) throw new ScanError(`--diff-base needs a git repository, and ${cwd} is not inside one`);
  return r.stdout.trim();
}

/** The full commit id a ref names, or undefined when this clone does not have it. */
export function resolveCommit(ref: string, cwd: string): string | undefined {
  // `--end-of-options` keeps a ref that starts with "-" from being read as an option.
  const r = gitTry(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  return r.ok ? r.stdout.trim() : undefined;
}

export function isShallow(cwd: string): boolean {
  return gitTry(['rev-parse', '--is-shallow-repository'], cwd).stdout.trim() === 'true';
}

export function mergeBase(a: string, b: string, cwd: string): string | undefined {
  const r = gitTry(['merge-base', a, b], cwd);
  return r.ok ? r.stdout.trim().split('\n')[0] : undefined;
}

export function remotes(cwd: string): string[] {
  return gitTry(['remote'], cwd).stdout.split('\n').map((s) => s.trim()).filter(Boolean);
}

export const isFullSha = (s: string) => /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(s);
