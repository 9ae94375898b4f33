/**
 * Finds the commit that diff mode compares against, fetching what a shallow clone lacks.
 *
 * CI checkouts are often shallow (actions/checkout fetches one commit by default), so the base
 * commit, or the history that links it to HEAD, may be missing. We fetch the base by name or
 * id, then deepen HEAD's history step by step until the merge base appears. When that is not
 * possible (no remote, no network, a ref the remote does not have) the error says what to
 * change rather than how git failed.
 */
import { ConfigError, ScanError } from '../util/errors.js';
import { gitTry, isFullSha, isShallow, mergeBase, remotes, resolveCommit } from './git.js';

export interface BaseCommit {
  /** The commit the ref names. */
  base: string;
  /** Where HEAD's history left the base's: what the diff starts from. Equals `base` when HEAD is based on it. */
  from: string;
  /** What had to be fetched, and any compromise made, for the scan's problems list. */
  notes: string[];
}

export interface BaseOptions {
  /** Allow `git fetch` (default true). */
  fetch?: boolean;
  /** Deepening steps tried before giving up on the merge base. */
  deepenSteps?: number[];
}

const FIX_HINT =
  'In GitHub Actions set `fetch-depth: 0` on actions/checkout; elsewhere fetch the base first (e.g. `git fetch origin <base>`) or unshallow the clone (`git fetch --unshallow`).';

function pickRemote(cwd: string): string | undefined {
  const all = remotes(cwd);
  return all.includes('origin') ? 'origin' : all[0];
}

/** Fetch a ref (branch, tag or commit id) from the remote; returns the fetched commit. */
function fetchRef(ref: string, remote: string, cwd: string, shallow: boolean): string | undefined {
  const name = ref.startsWith(`${remote}/`) ? ref.slice(remote.length + 1) : ref;
  const depth = shallow ? ['--depth=1'] : [];
  const r = gitTry(['fetch', '--no-tags', '--quiet', ...depth, remote, name], cwd);
  if (!r.ok) return undefined;
  return isFullSha(name) ? resolveCommit(name, cwd) : resolveCommit('FETCH_HEAD', cwd);
}

export function resolveBase(ref: string, cwd: string, opts: BaseOptions = {}): BaseCommit {
  if (!ref || ref.startsWith('-')) throw new ConfigError(`--diff-base: not a git ref: "${ref}"`);
  const notes: string[] = [];
  const canFetch = opts.fetch !== false;
  const remote = canFetch ? pickRemote(cwd) : undefined;
  const head = resolveCommit('HEAD', cwd);
  if (!head) throw new ScanError('--diff-base: this repository has no commit yet (HEAD does not exist)');

  let base = resolveCommit(ref, cwd);
  if (!base && remote && !ref.includes('/')) base = resolveCommit(`${remote}/${ref}`, cwd);
  if (!base && remote) {
    base = fetchRef(ref, remote, cwd, isShallow(cwd));
    if (base) notes.push(`fetched the diff base ${ref} from ${remote}`);
  }
  if (!base) {
    const why = remote ? `it is not in this clone and could not be fetched from ${remote}` : 'it is not in this clone and there is no remote to fetch it from';
    throw new ScanError(`--diff-base ${ref}: ${why}. ${FIX_HINT}`);
  }

  let from = mergeBase(base, head, cwd);
  if (!from && remote && isShallow(cwd)) {
    for (const n of opts.deepenSteps ?? [50, 500, 5000]) {
      // Deepen both sides: HEAD's history must reach the fork point, and so must the base's.
      const r = gitTry(['fetch', '--no-tags', '--quiet', `--deepen=${n}`, remote, head, base], cwd);
      if (!r.ok) break;
      from = mergeBase(base, head, cwd);
      if (from) {
        notes.push(`deepened the shallow clone by ${n} commits to find where HEAD left ${ref}`);
        break;
      }
      if (!isShallow(cwd)) break;
    }
  }
  if (!from) {
    if (isShallow(cwd)) {
      throw new ScanError(`--diff-base ${ref}: the shallow clone does not reach the commit where HEAD's history left ${ref}, and it could not be deepened. ${FIX_HINT}`);
    }
    // Unrelated histories: the only meaningful comparison left is with the base itself.
    notes.push(`HEAD and ${ref} share no history; comparing with ${ref} directly`);
    from = base;
  }
  return { base, from, notes };
}
