/**
 * Brings one labelled application to disk at its pinned commit, never into the repository:
 * bench/.cache/real-apps/<owner>__<name>@<commit12>/ (git-ignored). Sources, in order:
 *   1. the cache itself (already extracted);
 *   2. a bare mirror on this machine (/work/.mirror/<owner>+<name>/…, or PDSCAN_MIRRORS), where
 *      some blobs may be missing: files are extracted one by one and absent ones are counted;
 *   3. `git clone` from GitHub (a machine with network access), then the pinned commit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';

/** Files above this size are data or bundles, not what the labels are about: not extracted. */
const MAX_BLOB_BYTES = 4 * 1024 * 1024;

export interface Checkout {
  dir: string;
  files: number;
  missingBlobs: number;
  skippedLarge: number;
  source: 'cache' | 'mirror' | 'clone';
}

function git(gitDir: string, args: string[]): string {
  const r = spawnSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout;
}

function hasCommit(gitDir: string, commit: string): boolean {
  return spawnSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`]).status === 0;
}

/** Bare mirrors that may hold the repository, newest layout first. */
function mirrorCandidates(repo: string): string[] {
  const roots = (process.env.PDSCAN_MIRRORS ?? '/work/.mirror').split(path.delimiter).filter(Boolean);
  const name = repo.replace('/', '+');
  const out: string[] = [];
  for (const root of roots) {
    const base = path.join(root, name);
    if (!fs.existsSync(base)) continue;
    for (const sub of ['repo', '.']) {
      const dir = path.join(base, sub);
      if (fs.existsSync(path.join(dir, 'HEAD'))) out.push(dir);
    }
  }
  return out;
}

interface TreeEntry { oid: string; size: number; file: string }

function treeOf(gitDir: string, commit: string): TreeEntry[] {
  const out = git(gitDir, ['ls-tree', '-r', '-z', '--long', commit]);
  const entries: TreeEntry[] = [];
  for (const rec of out.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, oid, size] = rec.slice(0, tab).split(/\s+/);
    if (type !== 'blob' || mode === '120000') continue; // submodules and symlinks are not extracted
    entries.push({ oid: oid!, size: size === '-' ? 0 : Number(size), file: rec.slice(tab + 1) });
  }
  return entries;
}

/** Streams blobs through one `git cat-file --batch`; a missing blob is reported, not fatal. */
async function extractBlobs(gitDir: string, entries: TreeEntry[], dest: string): Promise<number> {
  const proc = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let missing = 0;
  let buf: Buffer = Buffer.alloc(0);
  let index = 0;
  const done = new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      for (;;) {
        const nl = buf.indexOf(10);
        if (nl < 0) return;
        const header = buf.subarray(0, nl).toString('utf8');
        if (header.endsWith(' missing')) {
          missing++;
          index++;
          buf = buf.subarray(nl + 1);
          continue;
        }
        const size = Number(header.split(' ')[2]);
        if (buf.length < nl + 1 + size + 1) return;
        const entry = entries[index++]!;
        const target = path.join(dest, entry.file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, buf.subarray(nl + 1, nl + 1 + size));
        buf = buf.subarray(nl + 1 + size + 1);
      }
    });
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file exited ${code}`))));
  });
  for (const e of entries) proc.stdin.write(`${e.oid}\n`);
  proc.stdin.end();
  await done;
  return missing;
}

export async function checkout(repo: string, commit: string, cacheRoot: string): Promise<Checkout> {
  const dir = path.join(cacheRoot, `${repo.replace('/', '__')}@${commit.slice(0, 12)}`);
  // The stamp sits beside the tree, not in it, so that the scan does not read it.
  const stamp = `${dir}.json`;
  if (fs.existsSync(stamp)) return { ...(JSON.parse(fs.readFileSync(stamp, 'utf8')) as Checkout), source: 'cache' };

  let gitDir = mirrorCandidates(repo).find((d) => hasCommit(d, commit));
  let source: Checkout['source'] = 'mirror';
  if (!gitDir) {
    gitDir = path.join(cacheRoot, '.clones', `${repo.replace('/', '__')}.git`);
    if (!fs.existsSync(gitDir)) {
      fs.mkdirSync(path.dirname(gitDir), { recursive: true });
      const r = spawnSync('git', ['clone', '--bare', '--filter=blob:none', `https://github.com/${repo}.git`, gitDir], { stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`${repo}: no local mirror holds ${commit.slice(0, 12)} and cloning failed`);
    }
    if (!hasCommit(gitDir, commit)) throw new Error(`${repo}: commit ${commit} not found`);
    source = 'clone';
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const all = treeOf(gitDir, commit);
  const wanted = all.filter((e) => e.size <= MAX_BLOB_BYTES);
  const missingBlobs = await extractBlobs(gitDir, wanted, dir);
  const result: Checkout = { dir, files: wanted.length - missingBlobs, missingBlobs, skippedLarge: all.length - wanted.length, source };
  fs.writeFileSync(stamp, JSON.stringify(result));
  return result;
}
