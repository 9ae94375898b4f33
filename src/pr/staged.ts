/**
 * `pdscan scan --staged`, for pre-commit hooks: scans what the commit will record, not the
 * working tree. The staged version of every staged file (and of the unchanged code files read
 * to link flows through them) is written from the index into a temporary copy of the
 * repository layout; the normal scan reads that copy, and the diff filter keeps only findings
 * on staged lines (`git diff --cached`, see collectStagedChanges).
 */
import { existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../util/errors.js';
import { snapshotFiles } from './base-snapshot.js';
import { git } from './git.js';
import type { PrPlan } from './pr-scan.js';

export interface StagedCopy {
  /** Where the scan runs: the copy's counterpart of the working directory. */
  cwd: string;
  dispose(): void;
}

export function checkStagedOptions(opts: { staged?: boolean; diffBase?: string }): void {
  if (opts.staged && opts.diffBase) throw new ConfigError('--staged and --diff-base cannot be used together (--staged compares the index with HEAD)');
}

/** Writes the index version of the files the plan will read; `paths` are the scan roots. */
export function stagedCopy(plan: PrPlan, cwd: string, paths: string[]): StagedCopy {
  const changes = plan.changes!;
  const realCwd = realpathSync(cwd);
  const toRepo = (p: string) => path.relative(changes.root, path.join(realCwd, p)).split(path.sep).join('/');
  const wanted = [...changes.changed.values()].map((c) => c.repoPath);
  for (const p of plan.context ?? []) wanted.push(toRepo(p));
  // The walk honours ignore files; their staged versions decide, as in a normal scan.
  wanted.push(...git(['ls-files', '-z', '--', '*.gitignore', '*.pdscanignore'], changes.root).split('\0').filter(Boolean));
  // An empty commit id makes snapshotFiles read `:path`, the stage-0 entry of the index.
  const snap = snapshotFiles(changes.root, '', wanted);
  const scanCwd = path.join(snap.dir, path.relative(changes.root, realCwd));
  mkdirSync(scanCwd, { recursive: true });
  // A scan root with nothing staged under it must still exist in the copy (a file that is not
  // staged as an empty stand-in, which the plan's file list then leaves out).
  for (const p of paths) {
    const real = path.resolve(cwd, p);
    const copy = path.resolve(scanCwd, p);
    if (!existsSync(real) || existsSync(copy)) continue;
    if (statSync(real).isDirectory()) mkdirSync(copy, { recursive: true });
    else {
      mkdirSync(path.dirname(copy), { recursive: true });
      writeFileSync(copy, '');
    }
  }
  // If the scan fails before the caller disposes of the copy, it goes when the process exits.
  const onExit = () => snap.dispose();
  process.once('exit', onExit);
  return {
    cwd: scanCwd,
    dispose: () => {
      process.off('exit', onExit);
      snap.dispose();
    },
  };
}
