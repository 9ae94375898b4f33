/**
 * Monorepo layout: which project module a non-relative import names. Workspace packages are
 * found by their package.json `name` (their entry points from `exports`, `main`, `module`,
 * `types`, or src/index); path aliases by the `paths` of the tsconfig/jsconfig governing the
 * importing file (following `extends`). Imports of workspace packages then link like relative
 * imports do. The layout is plain JSON read once per scan from the manifests the walk found.
 */
import path from 'node:path';
import { ts } from 'ts-morph';
import { parse as parseYaml } from 'yaml';
import { moduleKey } from './bindings.js';
import { isManifestPath, type ManifestFile } from '../manifests.js';

export type { ManifestFile };

interface WorkspacePackage {
  name: string;
  dir: string;
  /** Subpath ("." or "./server", "./*") → files relative to the package directory. */
  entries: Record<string, string[]>;
}

interface PathScope {
  dir: string;
  /** Pattern ("@/*") → repository paths ("apps/web/src/*"). */
  paths: Record<string, string[]>;
}

/** Build output directories whose sources live under src/. */
const BUILD_DIR = /^(dist|build|lib|out|esm|cjs)\//;
const MAX_EXTENDS = 5;

function dirOf(p: string): string {
  const d = path.posix.dirname(p);
  return d === '.' ? '' : d;
}

function join(dir: string, rel: string): string {
  return path.posix.normalize(path.posix.join(dir || '.', rel)).replace(/^\.\//, '');
}

function parseJson(p: string, text: string): Record<string, unknown> | undefined {
  // tsconfig files are JSONC (comments, trailing commas): the compiler's own reader takes both.
  const r = ts.parseConfigFileTextToJson(p, text);
  return r.error || typeof r.config !== 'object' || r.config === null ? undefined : (r.config as Record<string, unknown>);
}

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

function entriesOf(pkg: Record<string, unknown>): Record<string, string[]> {
  const entries: Record<string, string[]> = {};
  const add = (sub: string, files: string[]) => (entries[sub] = [...(entries[sub] ?? []), ...files]);
  const exp = pkg['exports'];
  if (exp && typeof exp === 'object' && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith('.'))) {
    for (const [k, v] of Object.entries(exp)) if (k.startsWith('.')) add(k, strings(v));
  } else if (exp !== undefined) add('.', strings(exp));
  for (const k of ['source', 'types', 'typings', 'module', 'main']) if (typeof pkg[k] === 'string') add('.', [pkg[k] as string]);
  return entries;
}

/** One path segment against a glob segment with "*" wildcards (no regular expression: globs come from the scanned repository). */
function segmentMatches(glob: string, seg: string): boolean {
  const parts = glob.split('*');
  if (parts.length === 1) return glob === seg;
  if (!seg.startsWith(parts[0]!) || !seg.endsWith(parts[parts.length - 1]!)) return false;
  let at = parts[0]!.length;
  for (const p of parts.slice(1, -1)) {
    const i = seg.indexOf(p, at);
    if (i < 0) return false;
    at = i + p.length;
  }
  return at <= seg.length - parts[parts.length - 1]!.length;
}

function globMatches(glob: readonly string[], segs: readonly string[]): boolean {
  if (!glob.length) return !segs.length;
  if (glob[0] === '**') return globMatches(glob.slice(1), segs) || (segs.length > 0 && globMatches(glob, segs.slice(1)));
  return segs.length > 0 && segmentMatches(glob[0]!, segs[0]!) && globMatches(glob.slice(1), segs.slice(1));
}

/** Globs of workspace packages ("packages/*", "apps/**") as a test of a package directory. */
function globTest(globs: string[]): ((dir: string) => boolean) | undefined {
  const split = globs.filter((g) => !g.startsWith('!')).map((g) => g.replace(/^\.\//, '').split('/').filter(Boolean));
  if (!split.length) return undefined;
  return (dir) => split.some((g) => globMatches(g, dir.split('/')));
}

function workspaceGlobs(manifests: ManifestFile[]): string[] {
  const globs: string[] = [];
  for (const m of manifests) {
    if (m.path === 'package.json') {
      const w = parseJson(m.path, m.text)?.['workspaces'];
      globs.push(...strings(Array.isArray(w) ? w : (w as { packages?: unknown } | undefined)?.packages));
    } else if (/^pnpm-workspace\.ya?ml$/.test(m.path)) {
      try {
        globs.push(...strings((parseYaml(m.text) as { packages?: unknown } | null)?.packages));
      } catch {
        // A broken workspace file: every package.json with a name still counts.
      }
    }
  }
  return globs;
}

export class Workspace {
  private readonly packages: WorkspacePackage[] = [];
  private readonly scopes = new Map<string, PathScope>();
  private readonly scopeCache = new Map<string, PathScope | null>();

  constructor(
    manifests: ManifestFile[],
    private readonly modules: ReadonlySet<string>,
  ) {
    const declared = globTest(workspaceGlobs(manifests));
    const configs = new Map<string, Record<string, unknown>>();
    for (const m of manifests) {
      if (!isManifestPath(m.path) || m.path.endsWith('.yaml') || m.path.endsWith('.yml')) continue;
      const json = parseJson(m.path, m.text);
      if (!json) continue;
      if (m.path.endsWith('package.json')) {
        const dir = dirOf(m.path);
        if (typeof json['name'] !== 'string') continue;
        // A named package outside the declared workspaces is still the project's own, but a
        // declared one wins when two share a name (a copy under examples/, a template).
        const pkg = { name: json['name'], dir, entries: entriesOf(json) };
        const twin = this.packages.findIndex((x) => x.name === pkg.name);
        if (twin < 0) this.packages.push(pkg);
        else if (declared?.(dir) && !declared(this.packages[twin]!.dir)) this.packages[twin] = pkg;
      } else configs.set(m.path, json);
    }
    this.packages.sort((a, b) => b.name.length - a.name.length);
    for (const p of configs.keys()) {
      const paths = this.pathsOf(p, configs, 0);
      const dir = dirOf(p);
      // tsconfig.json governs its directory; tsconfig.app.json and the like count when it has no paths.
      const base = path.posix.basename(p);
      const prev = this.scopes.get(dir);
      const main = /^(tsconfig|jsconfig)\.json$/.test(base);
      if (!prev || (paths && (main || !Object.keys(prev.paths).length))) this.scopes.set(dir, { dir, paths: paths ?? {} });
    }
  }

  /** Repository paths of a config's `paths`, its own or inherited through `extends`. */
  private pathsOf(p: string, configs: ReadonlyMap<string, Record<string, unknown>>, depth: number): Record<string, string[]> | undefined {
    const json = configs.get(p);
    if (!json || depth > MAX_EXTENDS) return undefined;
    const opts = (json['compilerOptions'] ?? {}) as { baseUrl?: unknown; paths?: unknown };
    if (opts.paths && typeof opts.paths === 'object') {
      const base = join(dirOf(p), typeof opts.baseUrl === 'string' ? opts.baseUrl : '.');
      const out: Record<string, string[]> = {};
      for (const [pat, targets] of Object.entries(opts.paths as Record<string, unknown>)) out[pat] = strings(targets).map((t) => join(base, t));
      return out;
    }
    for (const ext of strings(json['extends'])) {
      const target = this.configPath(p, ext);
      const inherited = target ? this.pathsOf(target, configs, depth + 1) : undefined;
      if (inherited) return inherited;
    }
    return undefined;
  }

  private configPath(from: string, ext: string): string | undefined {
    const withJson = ext.endsWith('.json') ? ext : `${ext}.json`;
    if (ext.startsWith('.')) return join(dirOf(from), withJson);
    const pkg = this.packageOf(ext);
    return pkg ? join(pkg.pkg.dir, pkg.sub ? withJson.slice(pkg.pkg.name.length + 1) : 'tsconfig.json') : undefined;
  }

  private packageOf(spec: string): { pkg: WorkspacePackage; sub: string } | undefined {
    for (const pkg of this.packages) {
      if (spec === pkg.name) return { pkg, sub: '' };
      if (spec.startsWith(`${pkg.name}/`)) return { pkg, sub: spec.slice(pkg.name.length + 1) };
    }
    return undefined;
  }

  /** Module keys of scanned files a path may stand for (its source when it names build output). */
  private existing(files: string[]): string[] {
    const out: string[] = [];
    for (const f of files) {
      for (const c of [f, f.replace(/\.d\.ts$/, '')]) {
        const k = moduleKey(c);
        if (this.modules.has(k) && !out.includes(k)) out.push(k);
      }
    }
    return out;
  }

  private packageModules(pkg: WorkspacePackage, sub: string): string[] {
    const wanted = sub ? `./${sub}` : '.';
    const files: string[] = [];
    for (const [k, targets] of Object.entries(pkg.entries)) {
      const star = k.indexOf('*');
      if (k === wanted) files.push(...targets);
      else if (star >= 0 && wanted.startsWith(k.slice(0, star)) && wanted.endsWith(k.slice(star + 1)) && wanted.length >= k.length - 1) {
        const part = wanted.slice(star, wanted.length - (k.length - star - 1));
        files.push(...targets.map((t) => t.replace('*', part)));
      }
    }
    const rel = files.map((f) => f.replace(/^\.\//, ''));
    const candidates = [...rel, ...rel.filter((f) => BUILD_DIR.test(f)).map((f) => f.replace(BUILD_DIR, 'src/'))].map((f) => join(pkg.dir, f));
    const found = this.existing(candidates);
    if (found.length) return found;
    const fallback = sub ? [sub, `src/${sub}`, `lib/${sub}`] : ['src/index', 'index', 'lib/index'];
    return this.existing(fallback.map((f) => join(pkg.dir, f)));
  }

  /** The tsconfig scope governing a file: the nearest directory above it with a config. */
  private scopeOf(from: string): PathScope | undefined {
    let dir = dirOf(from);
    const seen: string[] = [];
    let hit: PathScope | undefined;
    for (;;) {
      const cached = this.scopeCache.get(dir);
      if (cached !== undefined) {
        hit = cached ?? undefined;
        break;
      }
      seen.push(dir);
      hit = this.scopes.get(dir);
      if (hit || dir === '') break;
      dir = dirOf(dir);
    }
    for (const d of seen) this.scopeCache.set(d, hit ?? null);
    return hit;
  }

  private aliasModules(scope: PathScope, spec: string): string[] {
    let best: { files: string[]; len: number } | undefined;
    for (const [pat, targets] of Object.entries(scope.paths)) {
      const star = pat.indexOf('*');
      let files: string[] | undefined;
      if (star < 0 && pat === spec) files = targets;
      else if (star >= 0 && spec.startsWith(pat.slice(0, star)) && spec.endsWith(pat.slice(star + 1)) && spec.length >= pat.length - 1) {
        const part = spec.slice(star, spec.length - (pat.length - star - 1));
        files = targets.map((t) => t.replace('*', part));
      }
      // The longest prefix wins, as in the compiler.
      if (files && (!best || star < 0 || star > best.len)) best = { files, len: star < 0 ? Infinity : star };
    }
    return best ? this.existing(best.files) : [];
  }

  /** An id for caching resolutions made from `from`: files under the same config resolve alike. */
  scopeId(from: string | undefined): string {
    return from ? (this.scopeOf(from)?.dir ?? '') : '*';
  }

  /**
   * Module keys a non-relative specifier names: a workspace package (by name and entry points),
   * else a path alias of the importing file's config (of every config when the importer is
   * unknown, if they agree); undefined when the layout says nothing.
   */
  resolve(spec: string, from?: string): string[] | undefined {
    const pkg = this.packageOf(spec);
    if (pkg) {
      const mods = this.packageModules(pkg.pkg, pkg.sub);
      if (mods.length) return mods;
    }
    const scope = from ? this.scopeOf(from) : undefined;
    if (scope) {
      const mods = this.aliasModules(scope, spec);
      return mods.length ? mods : undefined;
    }
    if (from) return undefined;
    const all = new Set<string>();
    for (const s of this.scopes.values()) for (const m of this.aliasModules(s, spec)) all.add(m);
    return all.size === 1 ? [...all] : undefined;
  }
}
