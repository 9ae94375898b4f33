/**
 * Diff mode and cross-file flows: a flow whose source is in a changed file and whose sink is in
 * an unchanged one (or the reverse) can only be linked when both files' code summaries exist. The
 * unchanged files scanned for that are the "context"; their own findings are dropped by the diff
 * filter unless a flow through them touches a changed line.
 *
 * Modes (PDSCAN_DIFF_CONTEXT, for measurement; default `imports`):
 *   imports  code files within a few import hops of a changed code file, up to its importers
 *            then down to their imports (see importNeighbourhood), plus Prisma schemas (their
 *            models give ORM records their fields);
 *   all      every code file under the scanned roots;
 *   none     only the changed files (the behaviour before cross-file diff mode).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import RE2 from 're2';
import { git } from './git.js';
import type { ChangeSet } from './changes.js';
import { isScriptFile, isTestPath } from '../sources/code/scope.js';

export type ContextMode = 'imports' | 'all' | 'none';

const SCHEMA_FILE = /\.prisma$/;
/** Import hops from a changed file: controller → service → repository → helper. */
export const IMPORT_HOPS = 4;
/** Files larger than this are bundles, not application code (see MAX_CODE_ANALYSIS_CHARS). */
const MAX_READ_BYTES = 2_000_000;
/** import … from 'x', export … from 'x', import('x'), import 'x', require('x'). RE2: file text is untrusted. */
const SPECIFIER = new RE2(String.raw`(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"]([^'"\n]{1,300})['"]`, 'g');

export function contextMode(env: Record<string, string | undefined> = process.env): ContextMode {
  const m = env.PDSCAN_DIFF_CONTEXT;
  return m === 'all' || m === 'none' ? m : 'imports';
}

/** Repo path without extension and /index (same rule as the code analyser's module keys). */
function moduleKey(p: string): string {
  return p.replace(/\.(d\.ts|tsx?|jsx?|mjs|cjs|mts|cts)$/, '').replace(/\/index$/, '');
}

/** Module specifiers a file imports (no parsing: a linear scan of the text). */
export function importSpecifiers(text: string | Buffer): string[] {
  // On a string, RE2 converts the text to UTF-8 again at every match (11 s for 4,000 files);
  // on a Buffer it does not (0.1 s).
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  const out: string[] = [];
  SPECIFIER.lastIndex = 0;
  for (let m = SPECIFIER.exec(buf); m; m = SPECIFIER.exec(buf)) {
    const spec = (m as unknown as Array<Buffer | undefined>)[1];
    if (spec) out.push(spec.toString());
  }
  return out;
}

/** Resolves specifiers to project files: relative paths, and path aliases / workspace packages by path suffix. */
export class ModuleIndex {
  private readonly byKey = new Map<string, string[]>();
  private readonly byLast = new Map<string, string[]>();

  constructor(files: readonly string[]) {
    for (const f of files) {
      const k = moduleKey(f);
      push(this.byKey, k, f);
      push(this.byLast, k.slice(k.lastIndexOf('/') + 1), k);
    }
  }

  resolve(from: string, spec: string): string[] {
    if (spec.startsWith('.')) {
      const k = moduleKey(path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)));
      return this.byKey.get(k) ?? [];
    }
    if (spec.startsWith('node:')) return [];
    // "@/lib/email", "~/utils", "#db", "@acme/emails/src" → match "lib/email" etc. by suffix.
    let parts = spec.replace(/^[~#]\/?/, '').split('/').filter(Boolean);
    if (spec.startsWith('@')) parts = parts.slice(1);
    const rest = moduleKey(parts.join('/'));
    if (!rest) return [];
    const wanted = [rest, `${rest}/src`, `${rest}/lib`];
    const out: string[] = [];
    for (const w of wanted) {
      for (const k of this.byLast.get(w.slice(w.lastIndexOf('/') + 1)) ?? []) {
        if (k === w || k.endsWith(`/${w}`)) out.push(...(this.byKey.get(k) ?? []));
      }
    }
    // Ambiguous matches say nothing about which file is meant.
    return out.length > 3 ? [] : out;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Scan-relative files git knows under cwd: tracked, plus untracked and not ignored. */
function listFiles(cwd: string): string[] {
  return git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], cwd).split('\0').filter(Boolean);
}

function readSmall(abs: string): Buffer | undefined {
  try {
    if (statSync(abs).size > MAX_READ_BYTES) return undefined;
    return readFileSync(abs);
  } catch {
    return undefined;
  }
}

/** NestJS modules register providers; they call nothing, so no flow goes through them. */
const REGISTRATION_MODULE = /\.module\.[cm]?[jt]s$/;

/**
 * Code files a flow through the seeds may touch, within `hops` imports. A flow rises from its
 * source through return values to a common caller, then descends through arguments to its sink;
 * in import terms, it goes from importee to importer (up) some steps, then from importer to
 * importee (down). So the walk goes up then down, never down then up: a shared helper the seed
 * imports does not drag in every other file that imports it. `read` returns a file's text
 * (undefined: unreadable, skipped).
 */
export function importNeighbourhood(files: readonly string[], seeds: readonly string[], read: (file: string) => string | Buffer | undefined, hops = IMPORT_HOPS): Set<string> {
  const index = new ModuleIndex(files);
  const down = new Map<string, Set<string>>();
  const up = new Map<string, Set<string>>();
  const link = (m: Map<string, Set<string>>, a: string, b: string) => (m.get(a) ?? m.set(a, new Set()).get(a)!).add(b);
  for (const f of files) {
    const text = read(f);
    if (text === undefined) continue;
    for (const spec of importSpecifiers(text)) {
      for (const t of index.resolve(f, spec)) {
        if (t === f) continue;
        link(down, f, t);
        link(up, t, f);
      }
    }
  }
  // States: a file reached while still rising (may turn down) or already descending.
  const seen = new Set<string>();
  const reached = new Set<string>(seeds);
  let frontier: Array<[string, boolean]> = seeds.map((f) => [f, true]);
  for (const [f, rising] of frontier) seen.add(`${rising ? 'u' : 'd'}:${f}`);
  for (let d = 0; d < hops && frontier.length; d++) {
    const next: Array<[string, boolean]> = [];
    const visit = (n: string, rising: boolean) => {
      const key = `${rising ? 'u' : 'd'}:${n}`;
      if (seen.has(key)) return;
      seen.add(key);
      reached.add(n);
      next.push([n, rising]);
    };
    for (const [f, rising] of frontier) {
      if (REGISTRATION_MODULE.test(f) && d > 0) continue;
      if (rising) for (const n of up.get(f) ?? []) visit(n, true);
      for (const n of down.get(f) ?? []) visit(n, false);
    }
    frontier = next;
  }
  for (const s of seeds) reached.delete(s);
  return reached;
}

/**
 * Unchanged files to analyse as code context for the changed ones (scan-relative paths). The
 * scan keeps its own filters (ignores, size): this is only an upper bound on what it reads.
 */
export function contextFiles(changes: ChangeSet, cwd: string, mode: ContextMode = contextMode(), opts: { includeTests?: boolean } = {}): Set<string> {
  if (mode === 'none') return new Set();
  // Test files are not analysed as code (see scope.ts): as context they would only cost reading.
  const analysed = (p: string) => isScriptFile(p) && (opts.includeTests === true || !isTestPath(p));
  const changedCode = [...changes.changed.keys()].filter(analysed);
  // Nothing to link when no code changed (text, data and config files have no flows).
  if (!changedCode.length) return new Set();
  const all = listFiles(cwd).filter((p) => !p.startsWith('../'));
  const code = all.filter((p) => analysed(p) && !p.endsWith('.d.ts') && !p.split('/').includes('node_modules'));
  const schemas = all.filter((p) => SCHEMA_FILE.test(p));
  let picked: Iterable<string>;
  if (mode === 'all') picked = code;
  else {
    picked = importNeighbourhood([...new Set([...code, ...changedCode])], changedCode, (f) => readSmall(path.join(cwd, f)));
  }
  const out = new Set<string>();
  for (const p of [...picked, ...schemas]) if (!changes.changed.has(p)) out.add(p);
  return out;
}
