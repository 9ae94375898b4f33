/**
 * Parsers for two `git diff` outputs, kept pure so they can be property-tested:
 *
 *  - `--name-status -z`: which files changed and how. NUL-separated, so every path is exact
 *    whatever characters it holds.
 *  - `--unified=0`: which lines of the new version were added or changed. With no context
 *    lines each hunk header `@@ -a,b +c,d @@` is exactly the new lines c..c+d-1.
 *
 * The patch lists files in the same order as the name status (both come from one diff queue),
 * so the two are zipped by position, and checked against each other where the patch names
 * its path.
 */
import { LineSet } from './line-set.js';

export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'deleted' | 'type-changed' | 'unmerged' | 'untracked';

export interface NameStatusEntry {
  status: ChangeStatus;
  /** Path in the new version (the old path for deletions), relative to the repository root. */
  path: string;
  /** The previous path, for renames and copies. */
  oldPath?: string;
  /** Similarity of a rename or copy, 0-100. */
  similarity?: number;
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  D: 'deleted',
  T: 'type-changed',
  U: 'unmerged',
};

export function parseNameStatusZ(out: string): NameStatusEntry[] {
  const parts = out.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  const entries: NameStatusEntry[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++]!;
    const letter = code[0] ?? '';
    const status = STATUS[letter];
    if (!status) throw new Error(`unexpected git diff status "${code}"`);
    if (status === 'renamed' || status === 'copied') {
      const oldPath = parts[i++];
      const path = parts[i++];
      if (oldPath === undefined || path === undefined) throw new Error(`truncated git diff entry for status ${code}`);
      const similarity = Number(code.slice(1));
      entries.push({ status, path, oldPath, ...(Number.isFinite(similarity) && code.length > 1 ? { similarity } : {}) });
    } else {
      const path = parts[i++];
      if (path === undefined) throw new Error(`truncated git diff entry for status ${code}`);
      entries.push({ status, path });
    }
  }
  return entries;
}

export interface PatchSection {
  /** New path as the patch names it, when it can be read without ambiguity. */
  path?: string;
  binary: boolean;
  added: LineSet;
  /** Number of hunks seen (0 for pure renames, mode changes and binaries). */
  hunks: number;
}

/** Reverses git's C-style quoting of unusual paths ("a/t\303\251st\tx"). */
export function unquoteGitPath(s: string): string {
  if (!s.startsWith('"') || !s.endsWith('"') || s.length < 2) return s;
  const body = s.slice(1, -1);
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      bytes.push(parseInt(oct, 8) & 0xff);
      i += oct.length;
    } else if (next in simple) {
      bytes.push(simple[next]!);
      i++;
    } else {
      bytes.push(92);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(p: string, prefix: 'a/' | 'b/'): string | undefined {
  // git ends ---/+++ names that contain a space with a tab, for the benefit of patch(1).
  const u = unquoteGitPath(p.endsWith('\t') ? p.slice(0, -1) : p);
  return u.startsWith(prefix) ? u.slice(2) : undefined;
}

/** `diff --git a/X b/X` names X unambiguously only when both sides are the same path. */
function pathFromHeader(rest: string): string | undefined {
  if (rest.startsWith('"')) return undefined;
  const n = rest.length;
  if ((n - 1) % 2 !== 0) return undefined;
  const half = (n - 1) / 2;
  const a = rest.slice(0, half);
  const b = rest.slice(half + 1);
  if (rest[half] !== ' ' || !a.startsWith('a/') || !b.startsWith('b/') || a.slice(2) !== b.slice(2)) return undefined;
  return b.slice(2);
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

export function parseUnifiedZero(patch: string): PatchSection[] {
  const sections: PatchSection[] = [];
  let cur: { path?: string; binary: boolean; ranges: Array<[number, number]>; hunks: number } | undefined;
  let inHunk = false;
  const close = () => {
    if (cur) sections.push({ ...(cur.path !== undefined ? { path: cur.path } : {}), binary: cur.binary, added: new LineSet(cur.ranges), hunks: cur.hunks });
  };
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      close();
      cur = { binary: false, ranges: [], hunks: 0 };
      const p = pathFromHeader(line.slice('diff --git '.length));
      if (p !== undefined) cur.path = p;
      inHunk = false;
      continue;
    }
    if (!cur) continue;
    if (inHunk && (line.startsWith('+') || line.startsWith('-') || line.startsWith(' ') || line.startsWith('\\'))) continue;
    const h = HUNK.exec(line);
    if (h) {
      inHunk = true;
      cur.hunks++;
      const start = Number(h[1]);
      const count = h[2] === undefined ? 1 : Number(h[2]);
      if (count > 0) cur.ranges.push([start, start + count - 1]);
      continue;
    }
    inHunk = false;
    if (line.startsWith('+++ ')) {
      const p = stripPrefix(line.slice(4), 'b/');
      if (p !== undefined) cur.path = p;
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      cur.path = unquoteGitPath(line.slice(line.indexOf(' to ') + 4));
    } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
      cur.binary = true;
    }
  }
  close();
  return sections;
}
