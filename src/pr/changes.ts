/**
 * What changed since a base ref: the files to scan and, per file, the lines that are new.
 *
 * The comparison is between the fork point (merge base of the ref and HEAD) and the WORKING
 * TREE, because the scan reads the working tree: line numbers in findings and in the diff then
 * agree, and uncommitted edits count as changes when run locally. Untracked files (not ignored)
 * are new in full. Renames are detected so a moved file only reports its edited lines; a binary
 * or undiffable file counts as new in full, since its lines cannot be told apart.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { git, repoRoot, resolveCommit } from './git.js';
import { resolveBase, type BaseOptions } from './base-commit.js';
import { parseNameStatusZ, parseUnifiedZero, type ChangeStatus } from './diff-parse.js';
import { LineSet } from './line-set.js';

export interface FileChange {
  /** Path relative to the scan's working directory, forward slashes (like finding paths). */
  path: string;
  /** Path relative to the repository root (what git calls it). */
  repoPath: string;
  /** Previous repo-relative path for renames and copies. */
  oldRepoPath?: string;
  status: ChangeStatus;
  binary: boolean;
  /** New or changed lines of the new version; 'all' when the whole file is new. */
  lines: LineSet | 'all';
}

export interface ChangeSet {
  ref: string;
  /** Commit the ref names. */
  base: string;
  /** Commit the diff starts from (the merge base). */
  from: string;
  root: string;
  /** Files that exist in the working tree and changed, keyed by scan-relative path. */
  changed: Map<string, FileChange>;
  /** Files deleted since the base (scan-relative paths). */
  deleted: FileChange[];
  notes: string[];
}

export interface ChangeOptions extends BaseOptions {
  /** Count untracked, not-ignored files as added (default true). */
  untracked?: boolean;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export function collectChanges(ref: string, cwd: string, opts: ChangeOptions = {}): ChangeSet {
  const root = repoRoot(cwd);
  const { base, from, notes } = resolveBase(ref, root, opts);
  const rel = scanRelative(root, cwd);
  const { changed, deleted } = readDiff([from], root, rel, notes);

  if (opts.untracked !== false) {
    const out = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
    for (const p of out.split('\0').filter(Boolean)) {
      const fc: FileChange = { path: rel(p), repoPath: p, status: 'untracked', binary: false, lines: 'all' };
      changed.set(fc.path, fc);
    }
  }
  return { ref, base, from, root, changed, deleted, notes };
}

/** git's empty tree: what a first commit is compared with. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * What `git commit` would record: the index compared with HEAD (`git diff --cached`). Paths and
 * lines are those of the staged content, which is what a staged scan reads (see staged.ts), not
 * the working tree; unstaged edits and untracked files are not part of it.
 */
export function collectStagedChanges(cwd: string): ChangeSet {
  const root = repoRoot(cwd);
  const head = resolveCommit('HEAD', root);
  const from = head ?? EMPTY_TREE;
  const notes: string[] = [];
  const { changed, deleted } = readDiff(['--cached', from], root, scanRelative(root, cwd), notes);
  return { ref: 'index', base: from, from, root, changed, deleted, notes };
}

function scanRelative(root: string, cwd: string): (repoPath: string) => string {
  const realCwd = realpathSync(cwd);
  return (repoPath: string) => toPosix(path.relative(realCwd, path.join(root, repoPath)));
}

/** Changed files and their new lines from one `git diff` (`against`: a commit, or --cached and a commit). */
function readDiff(against: string[], root: string, rel: (repoPath: string) => string, notes: string[]): Pick<ChangeSet, 'changed' | 'deleted'> {
  // --no-ext-diff/--no-textconv: a user's diff driver must not change what we parse.
  const common = ['--no-ext-diff', '--no-textconv', '--find-renames', '--ignore-submodules', ...against, '--'];
  const entries = parseNameStatusZ(git(['diff', '--name-status', '-z', ...common], root));
  const sections = parseUnifiedZero(git(['diff', '--unified=0', ...common], root));

  // The two listings come from one diff queue; if they ever disagree, treat every changed
  // file as new in full rather than risk hiding a finding.
  const aligned = sections.length === entries.length && sections.every((s, i) => s.path === undefined || s.path === entries[i]!.path || entries[i]!.status === 'deleted');
  if (!aligned) notes.push('could not align git diff outputs; every changed file is treated as new in full');

  const changed = new Map<string, FileChange>();
  const deleted: FileChange[] = [];
  entries.forEach((e, i) => {
    const s = aligned ? sections[i] : undefined;
    const binary = s?.binary ?? false;
    const fc: FileChange = {
      path: rel(e.path),
      repoPath: e.path,
      ...(e.oldPath !== undefined ? { oldRepoPath: e.oldPath } : {}),
      status: e.status,
      binary,
      lines: !s || binary || e.status === 'added' || e.status === 'type-changed' || e.status === 'unmerged' ? 'all' : s.added,
    };
    if (e.status === 'deleted') deleted.push(fc);
    else changed.set(fc.path, fc);
  });
  return { changed, deleted };
}
