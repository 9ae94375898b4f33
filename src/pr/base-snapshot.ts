/**
 * Writes the base version of some files into a temporary directory, so the normal file scan
 * can read them. Used to learn what the base already contained (for "introduced by this
 * change") without touching the working tree, the index or HEAD.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gitBuffer } from './git.js';

export interface Snapshot {
  dir: string;
  /** Repo-relative paths written. */
  files: string[];
  dispose(): void;
}

/** Parses `git cat-file --batch` output: a header line then exactly <size> bytes and a newline. */
export function parseCatFileBatch(out: Buffer, count: number): Array<Buffer | undefined> {
  const blobs: Array<Buffer | undefined> = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const nl = out.indexOf(10, pos);
    if (nl === -1) break;
    const header = out.toString('utf8', pos, nl).split(' ');
    pos = nl + 1;
    if (header.length === 3 && /^\d+$/.test(header[2]!)) {
      const size = Number(header[2]);
      blobs.push(header[1] === 'blob' ? out.subarray(pos, pos + size) : undefined);
      pos += size + 1;
    } else {
      blobs.push(undefined); // "<name> missing" or "ambiguous"
    }
  }
  return blobs;
}

export function snapshotFiles(root: string, commit: string, repoPaths: string[]): Snapshot {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-base-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  // A path with a newline cannot be written to --batch's line protocol; such files are skipped.
  const wanted = repoPaths.filter((p) => !p.includes('\n') && !p.split('/').includes('..'));
  const files: string[] = [];
  try {
    if (wanted.length) {
      const out = gitBuffer(['cat-file', '--batch'], root, wanted.map((p) => `${commit}:${p}\n`).join(''));
      parseCatFileBatch(out, wanted.length).forEach((blob, i) => {
        if (!blob) return;
        const target = path.join(dir, wanted[i]!);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, blob);
        files.push(wanted[i]!);
      });
    }
  } catch (err) {
    dispose();
    throw err;
  }
  return { dir, files, dispose };
}
