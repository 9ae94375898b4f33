/**
 * Walks the paths to scan: a depth-first listing that prunes ignored directories as it meets them,
 * `ignore` for .gitignore/.pdscanignore semantics (nested files apply to their own directory),
 * plus built-in skips for dependency, VCS and build directories. Symlinks are not followed into
 * directories (no loops); a broken symlink is reported and skipped. Nothing is skipped silently:
 * an unreadable directory, a path too long or too deep for the system, a file name that is not
 * valid UTF-8 and a file over the size limit are each named in the problems.
 */
import ignore, { type Ignore } from 'ignore';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ScanProblem } from '../../model/result.js';
import { isContainerPath } from './containers/format.js';

export const DEFAULT_EXCLUDED_DIRS = [
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.svelte-kit',
  '.turbo', '.cache', '.parcel-cache', 'bower_components', 'jspm_packages', '.venv', 'venv', '__pycache__',
  'target', '.gradle', '.idea', '.vscode', '.terraform', '.yarn', '.pnpm-store',
];

const BINARY_EXT = new Set(
  ('png jpg jpeg gif bmp ico webp tif tiff psd heic avif svgz mp3 mp4 m4a wav ogg flac avi mov mkv webm ' +
    'zip gz tgz bz2 xz 7z rar zst jar war ear class dll exe so dylib o a lib bin dat pdf doc docx xls xlsx ppt pptx ' +
    'odt ods woff woff2 ttf otf eot wasm pyc pyo node sqlite sqlite3 db mdb lockb pack idx keystore p12 pfx der').split(' '),
);

export interface FileEntry {
  /** Absolute path. */
  abs: string;
  /** Path relative to the working directory, forward slashes (what reports show). */
  rel: string;
  /** Path relative to the scanned directory it was found under (the file name for a file argument). */
  inRoot: string;
  size: number;
  /** Read through a container reader (archive, workbook, document, PDF), not as text. */
  container?: boolean;
}

export interface WalkOptions {
  cwd: string;
  maxFileSize: number;
  /** Extra ignore globs (gitignore syntax) from the config or CLI. */
  ignore?: string[];
  /** Respect .gitignore files (default true). */
  gitignore?: boolean;
}

export interface WalkResult {
  files: FileEntry[];
  problems: ScanProblem[];
  skipped: { ignored: number; binary: number; tooLarge: number; minified: number };
  /** The binary files skipped by name, so that the output can say which (images, executables...). */
  binaryPaths: string[];
  /** Minified, bundled and lock files skipped by name. */
  minifiedPaths: string[];
  /** SQLite databases met (by extension): scanned as databases only when asked. */
  databases: FileEntry[];
}

const SQLITE_EXT = /\.(sqlite3?|db)$/i;

const toPosix = (p: string) => p.split(path.sep).join('/');

export function isBinaryPath(p: string): boolean {
  const ext = path.extname(p).slice(1).toLowerCase();
  return BINARY_EXT.has(ext);
}

export function isMinifiedPath(p: string): boolean {
  return /\.min\.(js|css|mjs)$|[.-]bundle\.js$|\.map$/i.test(p) || /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lock|composer\.lock|Cargo\.lock|Gemfile\.lock|poetry\.lock)$/.test(p);
}

/** One matcher per directory that holds an ignore file; paths are tested relative to it. */
class IgnoreTree {
  private readonly byDir = new Map<string, Ignore>();

  constructor(private readonly root: string, extra: string[]) {
    if (extra.length) this.byDir.set('', ignore().add(extra));
  }

  load(relDir: string, file: string): void {
    let text: string;
    try {
      text = readFileSync(path.join(this.root, relDir, file), 'utf8');
    } catch {
      return;
    }
    const existing = this.byDir.get(relDir) ?? ignore();
    this.byDir.set(relDir, existing.add(text));
  }

  ignores(rel: string, isDir = false): boolean {
    for (const [dir, ig] of this.byDir) {
      if (dir && !rel.startsWith(`${dir}/`)) continue;
      const sub = dir ? rel.slice(dir.length + 1) : rel;
      if (sub && ig.ignores(isDir ? `${sub}/` : sub)) return true;
    }
    return false;
  }
}

export async function walk(paths: string[], opts: WalkOptions): Promise<WalkResult> {
  const files: FileEntry[] = [];
  const problems: ScanProblem[] = [];
  const skipped = { ignored: 0, binary: 0, tooLarge: 0, minified: 0 };
  const seen = new Set<string>();
  const binaryPaths: string[] = [];
  const minifiedPaths: string[] = [];
  const databases: FileEntry[] = [];

  for (const input of paths) {
    const abs = path.resolve(opts.cwd, input);
    const relInput = toPosix(path.relative(opts.cwd, abs)) || '.';
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      problems.push({ where: relInput, message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? 'error'}` });
      continue;
    }
    if (st.isFile()) {
      addFile(abs, st.size, path.basename(abs));
      continue;
    }
    const tree = new IgnoreTree(abs, opts.ignore ?? []);
    // A .pdscanignore in the working directory applies even when scanning a subdirectory.
    const cwdIgnore = path.join(opts.cwd, '.pdscanignore');
    const cwdTree = abs !== opts.cwd && existsSync(cwdIgnore) ? ignore().add(readFileSync(cwdIgnore, 'utf8')) : undefined;
    for await (const e of listTree(abs, tree, opts.gitignore !== false, problems, opts.cwd)) {
      const rel = e.rel;
      const fromCwd = toPosix(path.relative(opts.cwd, path.join(abs, rel)));
      if (tree.ignores(rel, e.isDir) || (cwdTree && cwdTree.ignores(e.isDir ? `${fromCwd}/` : fromCwd))) {
        if (e.isDir) e.prune();
        else skipped.ignored++;
        continue;
      }
      if (e.isDir) continue;
      const full = path.join(abs, rel);
      if (e.isSymlink) {
        let target;
        try {
          target = statSync(full);
        } catch {
          problems.push({ where: fromCwd, message: 'broken symbolic link, skipped' });
          continue;
        }
        if (!target.isFile()) continue; // symlinked directories are not followed: no loops
        addFile(full, target.size, rel);
        continue;
      }
      if (!e.isFile) continue;
      let size: number;
      try {
        size = statSync(full).size;
      } catch (err) {
        problems.push({ where: fromCwd, message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? 'error'}` });
        continue;
      }
      addFile(full, size, rel);
    }
  }

  function addFile(abs: string, size: number, inRoot: string) {
    if (seen.has(abs)) return;
    seen.add(abs);
    const rel = toPosix(path.relative(opts.cwd, abs)) || path.basename(abs);
    if (isContainerPath(rel)) {
      // Containers have their own limits (entries, uncompressed bytes, ratio), not max_file_size.
      files.push({ abs, rel, inRoot, size, container: true });
      return;
    }
    if (SQLITE_EXT.test(rel)) {
      // Named on their own line (scanned with --include-databases), not among the binary files.
      databases.push({ abs, rel, inRoot, size });
      return;
    }
    if (isBinaryPath(rel)) {
      skipped.binary++;
      binaryPaths.push(rel);
      return;
    }
    if (isMinifiedPath(rel)) {
      skipped.minified++;
      minifiedPaths.push(rel);
      return;
    }
    if (size > opts.maxFileSize) {
      skipped.tooLarge++;
      problems.push({ where: rel, message: `larger than the size limit (${formatBytes(size)} > ${formatBytes(opts.maxFileSize)}), not scanned: raise --max-file-size or max_file_size` });
      return;
    }
    files.push({ abs, rel, inRoot, size });
  }

  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  binaryPaths.sort();
  minifiedPaths.sort();
  databases.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, problems, skipped, binaryPaths, minifiedPaths, databases };
}

interface Listed {
  /** Path relative to the scanned directory, forward slashes. */
  rel: string;
  isDir: boolean;
  isFile: boolean;
  isSymlink: boolean;
  /** Do not descend into this directory (ignored). */
  prune(): void;
}

/**
 * Depth-first listing of a directory in sorted order, loading each directory's ignore files
 * before its entries (parents before children, so nested files refine their parents' rules).
 * Iterative: no recursion limit however deep the tree is.
 */
async function* listTree(
  root: string, tree: IgnoreTree, useGitignore: boolean, problems: ScanProblem[], cwd: string,
): AsyncGenerator<Listed> {
  const excluded = new Set(DEFAULT_EXCLUDED_DIRS);
  const stack: string[] = [''];
  while (stack.length) {
    const relDir = stack.pop()!;
    let names: Array<{ name: Buffer; dir: boolean; file: boolean; link: boolean }>;
    try {
      const dirents = await readdir(path.join(root, relDir), { withFileTypes: true, encoding: 'buffer' });
      names = dirents.map((d) => ({ name: d.name, dir: d.isDirectory(), file: d.isFile(), link: d.isSymbolicLink() }));
    } catch (err) {
      const where = toPosix(path.relative(cwd, path.join(root, relDir))) || '.';
      problems.push({ where, message: `directory not read (${describeDirError(err)}), skipped with everything under it` });
      continue;
    }
    const entries: Array<{ name: string; dir: boolean; file: boolean; link: boolean }> = [];
    for (const e of names) {
      const name = e.name.toString('utf8');
      if (!Buffer.from(name, 'utf8').equals(e.name)) {
        const where = toPosix(path.relative(cwd, path.join(root, relDir, name)));
        problems.push({ where, message: `name is not valid UTF-8 (bytes ${e.name.toString('hex')}), ${e.dir ? 'directory' : 'file'} not scanned: rename it` });
        continue;
      }
      entries.push({ ...e, name });
    }
    for (const f of ['.gitignore', '.pdscanignore']) {
      if (f === '.gitignore' && !useGitignore) continue;
      if (entries.some((e) => e.name === f && e.file)) tree.load(relDir, f);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      if (e.dir && excluded.has(e.name)) continue;
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      let pruned = false;
      yield { rel, isDir: e.dir, isFile: e.file, isSymlink: e.link, prune: () => { pruned = true; } };
      if (e.dir && !pruned) subdirs.push(rel);
    }
    // Reverse so that the stack pops them in sorted order.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
}

function describeDirError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENAMETOOLONG') return 'path too long for the system: the tree is nested too deep';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return code ?? 'error';
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
