/**
 * Code understanding for one file (analyzeFile, in workers) and for the project (linkProject,
 * in the main thread once every file is done).
 *
 *   parse once (parseSource) ─┬─ declarations (extractDeclarations): declared personal fields
 *                             └─ flows (analyzeFlows): sources → sinks, call edges, evidence
 *   resolve in the file (local callers, local types) → findings now, or pending facts
 *   linkProject: pending facts of all files + cross-file call edges → the remaining findings
 *
 * The walk (engine/) knows no framework; what loggers, ORMs, SDKs and web frameworks mean comes
 * from the registry in frameworks/ (VOCABULARY), for declarations and flows alike.
 *
 * Memory stays bounded: a file's tree is dropped when analyzeFile returns; only its summary
 * (plain JSON: types with personal fields, cross-file edges, pending sink hits) is kept.
 */
import type { Finding } from '../../model/finding.js';
import type { Evidence } from '../../model/result.js';
import type { Regime } from '../../model/categories.js';
import type { AnalyzerContext, FileAnalysis } from './contract.js';
import { isScriptFile, parseSource, syntaxError } from './parse.js';
import { extractDeclarations } from './declarations/index.js';
import { analyzeFlows } from './engine/calls.js';
import { moduleKey } from './engine/bindings.js';
import type { FileFlows } from './engine/state.js';
import { VOCABULARY } from './frameworks/index.js';
import { loadRecipients } from './flows/recipients.js';
import { boundCalls, calleeId, hasPending, isLive, type CalleeRef, type Label, type Taint } from './engine/taint.js';
import { MAX_EDGES, resolveTaint, TypeTable, typeKey, type ResolveScope, type ReturnFacts } from './engine/resolve.js';
import { declarationRiskFindings, hitFindings, urlInputFindings } from './flows/report.js';
import type { CallEdge, ClientFacts, FileSummary, SinkHit, TypeFacts } from './engine/types.js';
import { materialize, resolveClient, sinkOfUse, unresolvedClientRef } from './engine/client-linking.js';
import { siteHits, type SitesMemo } from './engine/call-sites.js';
import { Workspace, type ManifestFile } from './engine/workspace.js';

export type { FileSummary } from './engine/types.js';
export { codeRuleMeta } from './rules-meta.js';
export { loadRecipients } from './flows/recipients.js';

/** Optional settings the pipeline may add to the analyzer context. */
interface CodeContextExtras {
  /** Legal regime deciding which categories are sensitive (default pdpl-2025). */
  regime?: Regime;
  /** Extra recipients from .pdscan.yml `recipients:`. */
  recipients?: unknown[];
}

function regimeOf(ctx: AnalyzerContext | CodeContextExtras | undefined): Regime {
  return (ctx as CodeContextExtras | undefined)?.regime ?? 'pdpl-2025';
}

/** Declaration findings → field facts of their models, for resolving whole-object flows. */
function typesFromDeclarations(findings: Finding[]): TypeFacts[] {
  const byModel = new Map<string, TypeFacts>();
  for (const f of findings) {
    const p = f.properties as { model?: string; field?: string; framework?: string; protection?: string[] } | undefined;
    if (!p?.model || !p.field || p.field.includes('.') || !f.location) continue;
    let t = byModel.get(p.model);
    if (!t) {
      t = { name: p.model, fields: [], fieldLocations: {}, location: { ...f.location } };
      byModel.set(p.model, t);
    }
    if (p.framework && VOCABULARY.persistent.has(p.framework)) {
      t.persistent = true;
      t.framework = p.framework;
    }
    const prot = p.protection?.some((x) => x === 'hashing' || x === 'encryption') ?? false;
    if (!t.fields.some((x) => x.name === p.field)) {
      t.fields.push({ name: p.field, cat: f.category, conf: f.confidence, ...(prot ? { protected: true } : {}) });
      t.fieldLocations![p.field] = { path: f.location.path, line: f.location.line, column: f.location.column };
    }
  }
  return [...byModel.values()];
}

function protectedFromEvidence(evidence: Evidence[]): string[] {
  const out: string[] = [];
  for (const e of evidence) {
    if (e.kind !== 'protection' || !/^(hashing|encryption)/.test(e.key)) continue;
    const member = e.logicalLocations?.find((l) => l.kind === 'member');
    const model = e.logicalLocations?.find((l) => l.kind === 'model');
    if (member && model) out.push(`${typeKey(model.name)}.${member.name}`);
  }
  return out;
}

/** Keys written by a resolved storage hit: explicit keys plus fields of spread objects. */
function writtenKeysOf(hit: SinkHit): string[] {
  const keys = new Set(hit.writtenKeys ?? []);
  // A key known only from the write (stored-keys.ts) does not make its value traced: the model's declaration risks stay.
  const traced = new Set<string>();
  const byKey = new Set<string>();
  for (const l of hit.taint) {
    if (l.k !== 'cat') continue;
    const key = l.field.slice(l.field.lastIndexOf('.') + 1).replace(/ \(stored (hashed|encrypted)\)$/, '');
    (l.stored ? byKey : traced).add(key);
  }
  for (const k of traced) keys.add(k);
  for (const k of byKey) if (!traced.has(k)) keys.delete(k);
  return [...keys];
}

/** Calls passing nothing personal kept per callee and file (analytics wrappers' tracking calls). */
const MAX_BARE_EDGES = 16;

/** Edges into a callee, those passing data first (readers stop after MAX_EDGES). */
function addEdge(into: Map<string, CallEdge[]>, key: string, e: CallEdge): void {
  const list = into.get(key);
  if (!list) into.set(key, [e]);
  else if (e.bare) list.push(e);
  else {
    const at = list.findIndex((x) => x.bare);
    if (at < 0) list.push(e);
    else list.splice(at, 0, e);
  }
}

function localScope(flows: FileFlows, types: TypeTable): ResolveScope {
  const into = new Map<string, CallEdge[]>();
  for (const e of flows.edges) {
    if (e.callee.kind !== 'fn') continue;
    const key = flows.aliases[e.callee.key] ?? e.callee.key;
    if (!flows.fns.has(key)) continue;
    addEdge(into, key, e);
  }
  const called = new Set(flows.called.map((id) => flows.aliases[id] ?? id));
  return {
    edgesInto: (key) => into.get(key) ?? [],
    hasCallers: (key) => into.has(key) || called.has(key),
    typeFacts: (type) => types.get(type),
    keepParam: (key) => !flows.fns.has(key) || flows.fns.get(key)!.callable,
    keepType: true,
    returnsOf: (callee) => {
      if (callee.kind !== 'fn') return undefined;
      const key = flows.aliases[callee.key] ?? callee.key;
      const fn = flows.fns.get(key);
      return fn ? [{ key, returns: fn.returns }] : undefined;
    },
  };
}

/** Has a label that can still carry personal data to a caller (not only protected values). */
function carries(t: Taint): boolean {
  return t.some((l) => l.k !== 'prot');
}

/**
 * What each callable function returns, for callers in other files: resolved in this file, the
 * function's own parameters left symbolic so each call can put its arguments in.
 */
function returnSummaries(flows: FileFlows, scope: ResolveScope): Record<string, Taint> {
  const out: Record<string, Taint> = {};
  for (const fn of flows.fns.values()) {
    if (!fn.callable || !fn.returns.length) continue;
    const t = boundCalls(resolveTaint(fn.returns, { ...scope, symbolic: fn.key }, new Map()));
    if (carries(t)) out[fn.key] = t;
  }
  return out;
}

/**
 * Larger files are generated bundles (typescript.js is 9 MB), not application code: their syntax
 * tree alone takes hundreds of megabytes, which is what bounds a worker's memory.
 */
export const MAX_CODE_ANALYSIS_CHARS = 2_000_000;

export function analyzeFile(ctx: AnalyzerContext, text: string): FileAnalysis {
  if (text.length > MAX_CODE_ANALYSIS_CHARS) {
    return { findings: [], evidence: [], problem: `not analysed as code: larger than ${MAX_CODE_ANALYSIS_CHARS / 1e6} M characters (its text was still classified)` };
  }
  const regime = regimeOf(ctx);
  const path = ctx.path;
  const script = isScriptFile(path);
  let sourceFile: ReturnType<typeof parseSource> | undefined;
  if (script) {
    try {
      sourceFile = parseSource(path, text);
    } catch (err) {
      // The parser recurses: absurd nesting overflows the stack. Skip the file, keep scanning.
      return { findings: [], evidence: [], problem: `cannot parse: ${(err as Error).message.split('\n')[0]}` };
    }
    const err = syntaxError(sourceFile);
    if (err) return { findings: [], evidence: [], problem: `cannot parse: ${err}` };
  }
  const decl = extractDeclarations(path, text, sourceFile);
  const findings: Finding[] = [...decl.findings];
  const evidence: Evidence[] = [...decl.evidence];
  const declTypes = typesFromDeclarations(decl.findings);
  const summary: FileSummary = {
    path,
    types: declTypes,
    edges: [],
    pending: [],
    exported: [],
    aliases: {},
    classes: [],
    writes: [],
    protectedFields: protectedFromEvidence(decl.evidence),
  };
  if (!sourceFile) {
    return { findings, evidence, summary, ...(decl.problem ? { problem: decl.problem } : {}) };
  }

  let flows: FileFlows;
  try {
    flows = analyzeFlows(sourceFile, path, loadRecipients((ctx as CodeContextExtras).recipients), VOCABULARY);
  } catch (err) {
    // Pathological input (deep nesting → stack overflow) must not stop the scan.
    return { findings, evidence, summary, problem: `flow analysis skipped: ${(err as Error).message.split('\n')[0]}` };
  }
  evidence.push(...flows.evidence);
  const types = new TypeTable();
  for (const t of [...declTypes, ...flows.types]) types.add(t);
  const scope = localScope(flows, types);
  const memo = new Map<string, Taint | null>();

  const sites: SitesMemo = new Map();
  // One hit per call site where personal data enters a wrapper of the sink, plus the sink's own.
  for (const resolved of flows.hits.flatMap((hit) => siteHits(hit, scope, memo, sites))) {
    const { taint, urlTaint } = resolved;
    // A client from another file: only linkProject knows the sink.
    if (resolved.client || hasPending(taint) || (urlTaint && hasPending(urlTaint))) {
      summary.pending.push({ ...resolved, taint: boundCalls(taint), ...(urlTaint ? { urlTaint: boundCalls(urlTaint) } : {}) });
      continue;
    }
    const final: SinkHit = { ...resolved, taint: materialize(taint, resolved.sink), ...(urlTaint ? { urlTaint: materialize(urlTaint, resolved.sink) } : {}) };
    if (!isLive(final.taint) && !(final.urlTaint && isLive(final.urlTaint))) continue;
    findings.push(...hitFindings(final, { regime }));
    if (resolved.sink.kind === 'storage' && resolved.sink.model) {
      summary.writes.push({ model: typeKey(resolved.sink.model), keys: writtenKeysOf(final), protectedKeys: resolved.protectedKeys ?? [] });
    }
  }
  for (const hit of flows.hits) {
    if (hit.sink.kind === 'storage' && hit.sink.model && hit.protectedKeys?.length) {
      for (const k of hit.protectedKeys) summary.protectedFields.push(`${typeKey(hit.sink.model)}.${k}`);
    }
  }
  findings.push(...urlInputFindings(flows.urlInputs, regime));

  // Cross-file edges, plus the local edges into functions that pending facts still depend on
  // (so linkProject can follow a path through them), with what this file can already resolve.
  const needed = new Set<string>();
  const need = (t: Taint) => {
    for (const l of t) needLabel(l);
  };
  const needLabel = (l: Label): void => {
    if (l.k === 'param') needed.add(l.fn);
    else if ((l.k === 'cat' || l.k === 'type') && l.via) needed.add(l.via.fn);
    if (l.k === 'cat' && l.arg) needed.add(l.arg.fn);
    // Arguments of calls resolved elsewhere may still stand for this file's parameters.
    if (l.k === 'ret') l.args.forEach(need);
    else if (l.k === 'cat' && l.from) l.from.args.forEach(need);
  };
  for (const h of summary.pending) {
    need(h.taint);
    if (h.urlTaint) need(h.urlTaint);
  }
  const returns = returnSummaries(flows, scope);
  for (const t of Object.values(returns)) need(t);
  const localEdges = flows.edges.filter((e) => e.callee.kind === 'fn' && flows.fns.has(flows.aliases[e.callee.key] ?? e.callee.key));
  const taken = new Set<CallEdge>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of localEdges) {
      if (taken.has(e) || e.callee.kind !== 'fn' || !needed.has(flows.aliases[e.callee.key] ?? e.callee.key)) continue;
      taken.add(e);
      for (const a of e.args) need(a);
      grew = true;
    }
  }
  // linkProject reads at most MAX_EDGES call sites per callee: more would only fill the summary.
  const perCallee = new Map<string, number>();
  for (const e of flows.edges) {
    const key = e.callee.kind === 'fn' ? (flows.aliases[e.callee.key] ?? e.callee.key) : undefined;
    if (key && flows.fns.has(key) && !taken.has(e)) continue;
    const id = `${e.bare ? 'bare\u0000' : ''}${calleeId(e.callee)}`;
    const n = perCallee.get(id) ?? 0;
    if (n >= (e.bare ? MAX_BARE_EDGES : MAX_EDGES)) continue;
    const args = e.bare ? e.args : e.args.map((a) => boundCalls(resolveTaint(a, scope, memo)));
    if (e.bare || args.some(isLive)) {
      summary.edges.push({ ...e, args });
      perCallee.set(id, n + 1);
    }
  }
  if (Object.keys(returns).length) summary.returns = returns;
  summary.types = types.all();
  summary.exported = flows.exported;
  summary.aliases = flows.aliases;
  if (flows.reexports.length) summary.reexports = flows.reexports;
  summary.classes = flows.classes;
  summary.passwordHashing = flows.passwordHashing;
  if (Object.keys(flows.clients).length) summary.clients = flows.clients;
  if (flows.called.length) summary.called = flows.called;
  return { findings, evidence, summary, ...(decl.problem ? { problem: decl.problem } : {}) };
}

/**
 * "~@/lib/email#sendEmail" (an import through a path alias or a workspace package) → the keys of
 * the project modules whose path ends like the specifier. Ambiguous matches are dropped.
 */
function resolveAliasKey(key: string, moduleKeys: string[], cache: Map<string, string[]>, workspace: Workspace | undefined, from: string | undefined): string[] {
  const hash = key.indexOf('#');
  const spec = key.slice(1, hash);
  const name = key.slice(hash + 1);
  const id = `${workspace?.scopeId(from) ?? ''}\u0000${spec}`;
  let mods = cache.get(id) ?? workspace?.resolve(spec, from);
  if (mods) cache.set(id, mods);
  else {
    let parts = spec.replace(/^[~#]\/?/, '').split('/').filter(Boolean);
    if (spec.startsWith('@/')) parts = parts.slice(1);
    else if (spec.startsWith('@')) parts = parts.slice(1); // @scope/pkg/sub → pkg/sub
    const rest = moduleKey(parts.join('/'));
    const wanted = rest ? [rest, `${rest}/src`, `${rest}/lib`, `${rest}/src/index`] : [];
    mods = rest ? moduleKeys.filter((m) => wanted.some((w) => m === w || m.endsWith(`/${w}`))) : [];
    if (mods.length > 3) mods = [];
    cache.set(id, mods);
  }
  return mods.map((m) => `${m}#${name}`);
}

/** Hops through aliases and barrels (`export * from`) before giving up on a callee key. */
const MAX_EXPORT_HOPS = 4;

/**
 * Callee → the function keys it may reach in the project: export aliases and re-exports
 * (barrels) followed, path-alias imports matched by path suffix, injected classes by name.
 */
function calleeResolver(files: FileSummary[], aliases: Record<string, string>, classModules: Map<string, string[]>, manifests: ManifestFile[]): (callee: CalleeRef, from?: string) => string[] {
  const moduleKeys = files.map((f) => moduleKey(f.path));
  const workspace = manifests.length ? new Workspace(manifests, new Set(moduleKeys)) : undefined;
  const aliasCache = new Map<string, string[]>();
  const known = new Set<string>();
  const reexports = new Map<string, string[]>();
  for (const f of files) {
    for (const k of f.exported) known.add(k);
    for (const k of Object.keys(f.clients ?? {})) known.add(k);
    for (const k of Object.keys(f.returns ?? {})) known.add(k);
    if (f.reexports?.length) reexports.set(moduleKey(f.path), f.reexports);
  }
  const follow = (key: string, hops: number, out: Set<string>): void => {
    let k = key;
    for (let i = 0; i < MAX_EXPORT_HOPS && aliases[k] && aliases[k] !== k; i++) k = aliases[k]!;
    const hash = k.indexOf('#');
    const stars = reexports.get(k.slice(0, hash));
    if (known.has(k) || !stars || hops >= MAX_EXPORT_HOPS) {
      out.add(k);
      return;
    }
    for (const m of stars) follow(`${m}${k.slice(hash)}`, hops + 1, out);
  };
  const cache = new Map<string, string[]>();
  return (callee, from) => {
    const alias = callee.kind === 'fn' && callee.key.startsWith('~');
    const id = alias && workspace ? `${workspace.scopeId(from)}\u0000${calleeId(callee)}` : calleeId(callee);
    let hit = cache.get(id);
    if (hit) return hit;
    const out = new Set<string>();
    if (callee.kind === 'fn') {
      const keys = alias ? resolveAliasKey(callee.key, moduleKeys, aliasCache, workspace, from) : [callee.key];
      for (const k of keys) follow(k, 0, out);
    } else {
      const mods = classModules.get(callee.className) ?? [];
      const preferred = callee.module && mods.includes(callee.module) ? [callee.module] : mods;
      for (const m of preferred) follow(`${m}#${callee.className}.${callee.method}`, 0, out);
      // No class of that name: an exported instance (`export const mailer = new Mailer()`).
      if (!preferred.length && callee.module) follow(`${callee.module}#${callee.className}.${callee.method}`, 0, out);
    }
    hit = [...out];
    cache.set(id, hit);
    return hit;
  };
}

function isSummary(x: unknown): x is FileSummary {
  return typeof x === 'object' && x !== null && Array.isArray((x as FileSummary).pending) && typeof (x as FileSummary).path === 'string';
}

export interface LinkOptions {
  regime?: Regime;
  /** package.json, tsconfig and workspace files of the scanned tree: monorepo imports link like relative ones. */
  manifests?: ManifestFile[];
}

/**
 * Resolve what single files could not: calls into functions of other files (exported functions,
 * injected services) and objects whose type is declared elsewhere; then report sensitive model
 * fields that nothing protects.
 */
export function linkProject(summaries: Map<string, unknown>, opts: LinkOptions = {}): { findings: Finding[]; evidence: Evidence[] } {
  const regime = opts.regime ?? 'pdpl-2025';
  const files = [...summaries.values()].filter(isSummary).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const types = new TypeTable();
  const aliases: Record<string, string> = {};
  const classModules = new Map<string, string[]>();
  let passwordHashing = false;
  const protectedFields = new Set<string>();
  const written = new Set<string>();
  for (const f of files) {
    for (const t of f.types) types.add(t);
    Object.assign(aliases, f.aliases);
    for (const c of f.classes) {
      const list = classModules.get(c);
      if (list) list.push(moduleKey(f.path));
      else classModules.set(c, [moduleKey(f.path)]);
    }
    if (f.passwordHashing) passwordHashing = true;
    for (const p of f.protectedFields) protectedFields.add(p);
    for (const w of f.writes) for (const k of w.keys) written.add(`${w.model}.${k}`);
  }
  const into = new Map<string, CallEdge[]>();
  const targets = calleeResolver(files, aliases, classModules, opts.manifests ?? []);
  for (const f of files) {
    for (const e of f.edges) for (const k of targets(e.callee, f.path)) addEdge(into, k, e);
  }
  const returns = new Map<string, Taint>();
  for (const f of files) for (const [k, t] of Object.entries(f.returns ?? {})) returns.set(k, t);
  const clients = new Map<string, ClientFacts>();
  for (const f of files) for (const [k, c] of Object.entries(f.clients ?? {})) clients.set(k, c);
  const exportKeys = (key: string, from?: string) => targets({ kind: 'fn', key }, from);
  const modules = new Set(files.map((f) => moduleKey(f.path)));
  /** No scanned module matches the export key (a module left out of the scan). */
  const unseen = (key: string, from?: string) => exportKeys(key, from).every((k) => !modules.has(k.slice(0, k.indexOf('#'))));
  const called = new Set<string>();
  for (const f of files) for (const id of f.called ?? []) for (const k of exportKeys(id, f.path)) called.add(k);
  const scope: ResolveScope = {
    edgesInto: (key) => into.get(key) ?? [],
    hasCallers: (key) => into.has(key) || called.has(key),
    typeFacts: (type) => types.get(type),
    keepParam: () => false,
    keepType: false,
    // Every file is known now: a callee with no summary returns nothing personal.
    returnsOf: (callee) => targets(callee).flatMap((key): ReturnFacts[] => {
      const t = returns.get(key);
      return t ? [{ key, returns: t }] : [];
    }),
  };
  const findings: Finding[] = [];
  const memo = new Map<string, Taint | null>();
  const sites: SitesMemo = new Map();
  for (const f of files) {
    for (const pending of f.pending) {
      let hit = pending;
      if (hit.client) {
        // A call on a client exported by another file: what that export is decides the sink.
        const facts = resolveClient(hit.client, clients, exportKeys, 0, f.path);
        let sink = facts ? sinkOfUse(facts, hit.client, hit.sink.api, VOCABULARY.configMethods) : undefined;
        const fb = hit.client.fallback;
        if (!facts && fb && (!fb.unseen || unseen(hit.client.key, f.path))) sink = fb.sink;
        // A factory the linker could not follow (getStripe() over a chain of project modules): the
        // receiver's name and the SDK's call shape decide, one confidence level lower.
        else if (!facts && fb?.unseen && unresolvedClientRef(hit.client, clients, exportKeys, f.path)) sink = { ...fb.sink, guessedFrom: `${hit.client.key.slice(hit.client.key.indexOf('#') + 1)}() could not be followed to an SDK client` };
        if (!sink) continue;
        const { client: _client, ...rest } = hit;
        hit = { ...rest, sink, step: { ...hit.step, message: `${sink.api}(): ${sink.label}` } };
      }
      // One result per call site where personal data enters a wrapper of the sink, plus the sink's own.
      for (const site of siteHits(hit, scope, memo, sites)) {
        const taint = materialize(site.taint, site.sink);
        const urlTaint = site.urlTaint ? materialize(site.urlTaint, site.sink) : undefined;
        if (!isLive(taint) && !(urlTaint && isLive(urlTaint))) continue;
        const resolved: SinkHit = { ...site, taint, ...(urlTaint ? { urlTaint } : {}) };
        findings.push(...hitFindings(resolved, { regime }));
        if (hit.sink.kind === 'storage' && hit.sink.model) {
          const mk = typeKey(hit.sink.model);
          for (const k of writtenKeysOf(resolved)) written.add(`${mk}.${k}`);
        }
      }
      if (hit.sink.kind === 'storage' && hit.sink.model) for (const k of hit.protectedKeys ?? []) protectedFields.add(`${typeKey(hit.sink.model)}.${k}`);
    }
  }
  findings.push(...declarationRiskFindings(types.all(), written, protectedFields, passwordHashing, regime, typeKey));
  return { findings, evidence: [] };
}
