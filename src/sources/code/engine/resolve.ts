/**
 * Resolution of pending labels: a parameter label becomes what callers pass (found through call
 * edges), a type label becomes the personal fields of the type. Used twice: inside a file
 * (local callers, local types) and across the project (linkProject).
 */
import { EMPTY, MAX_LABELS, dropArg, labelKey, prefixSteps, union, type CalleeRef, type CatLabel, type Label, type RetLabel, type Step, type Taint } from './taint.js';
import type { HitContext, TypeFacts } from './types.js';
import { classifyOwner } from '../../../classify/names.js';

/** A function a call may reach, with what it returns (its own parameters still symbolic). */
export interface ReturnFacts {
  key: string;
  returns: Taint;
}

export interface ResolveScope {
  /** Call sites of function `key` with their argument taints. */
  edgesInto(key: string): ReadonlyArray<{ args: Taint[]; step: Step; ctx?: HitContext; bare?: true }>;
  /** Personal fields of a type, when known. */
  typeFacts(type: string): TypeFacts | undefined;
  /** Keep parameter labels of `key` pending (callers elsewhere may exist). */
  keepParam(key: string): boolean;
  /** Keep unknown type labels pending (declared elsewhere). */
  keepType: boolean;
  /**
   * The functions a call result comes from, with their returns; undefined when this scope does
   * not know the callee (another file may): the call result is then kept pending.
   */
  returnsOf?(callee: CalleeRef): readonly ReturnFacts[] | undefined;
  /**
   * Parameters of this function stay symbolic, callers not consulted: used to summarise what a
   * function returns, which each caller then instantiates with its own arguments.
   */
  symbolic?: string;
  /** Some call of `key` is seen (even one passing nothing personal). */
  hasCallers?(key: string): boolean;
}

const MAX_DEPTH = 6;
/** Levels of `extends` followed for a type's fields. */
const MAX_BASE_DEPTH = 4;
/** Call sites looked at per function: enough for real code, bounded for generated code. */
export const MAX_EDGES = 64;

function excluded(field: string, exclude: readonly string[] | undefined): boolean {
  if (!exclude?.length) return false;
  const last = field.slice(field.lastIndexOf('.') + 1);
  return exclude.includes(last);
}

export function applyExclude(t: Taint, exclude: readonly string[] | undefined): Taint {
  if (!exclude?.length) return t;
  const out: Label[] = [];
  for (const l of t) {
    if (l.k === 'cat' && excluded(l.field, exclude)) continue;
    if (l.k === 'type' || l.k === 'param') out.push({ ...l, exclude: [...new Set([...(l.exclude ?? []), ...exclude])] });
    else out.push(l);
  }
  return out;
}

/** What callers pass to parameter `index` of `fn`, resolved (paths end at the call site). */
function resolveParam(fn: string, index: number, scope: ResolveScope, memo: Map<string, Taint | null>, depth: number): Taint {
  const id = `${fn}:${index}`;
  const hit = memo.get(id);
  if (hit !== undefined) return hit ?? EMPTY; // null: being computed (a cycle) → nothing more
  if (depth >= MAX_DEPTH) return EMPTY;
  memo.set(id, null);
  let out: Taint = EMPTY;
  const edges = scope.edgesInto(fn);
  for (let i = 0; i < edges.length && i < MAX_EDGES; i++) {
    const e = edges[i]!;
    const arg = e.args[index];
    if (!arg || arg.length === 0) continue;
    const moved: Label[] = arg.map((a) => (a.k === 'prot' ? a : { ...a, steps: prefixSteps(a.steps, [e.step]) }));
    out = union(out, resolveWith(moved, scope, memo, depth + 1));
    if (out.length >= MAX_LABELS) break;
  }
  memo.set(id, out);
  return out;
}

/**
 * The path from where callers got the value they pass to parameter `index` of `fn`, up to the
 * call: used to extend paths of data read from a parameter (dto.email) back to its source.
 */
function callerPath(fn: string, index: number, scope: ResolveScope, memo: Map<string, Taint | null>, depth: number): readonly Step[] {
  const id = `path:${fn}:${index}`;
  const hit = memo.get(id);
  if (hit !== undefined) return hit?.[0] && hit[0].k !== 'prot' ? hit[0].steps : [];
  memo.set(id, null);
  let steps: readonly Step[] = [];
  if (depth < MAX_DEPTH) {
    const edges = scope.edgesInto(fn);
    for (let i = 0; i < edges.length && i < MAX_EDGES; i++) {
      const e = edges[i]!;
      const arg = e.args[index];
      if (!arg) continue;
      const l = arg.find((x) => x.k === 'src' || x.k === 'type') ?? arg.find((x) => x.k === 'cat') ?? arg.find((x) => x.k === 'param');
      if (!l) continue;
      let from = l.steps;
      if (l.k === 'param') from = prefixSteps(callerPath(l.fn, l.index, scope, memo, depth + 1), l.steps);
      else if ((l.k === 'cat' || l.k === 'type') && l.via) from = prefixSteps(callerPath(l.via.fn, l.via.index, scope, memo, depth + 1), l.steps);
      steps = prefixSteps(from, [e.step]);
      break;
    }
  }
  memo.set(id, [{ k: 'src', what: 'path', steps }]);
  return steps;
}

function keeps(scope: ResolveScope, fn: string): boolean {
  return scope.symbolic === fn || scope.keepParam(fn);
}

/** The label whose path best explains where a value came from (same choice as callerPath). */
function pathLabel(t: Taint, cat?: string): Exclude<Label, { k: 'prot' }> | undefined {
  const live = t.filter((x): x is Exclude<Label, { k: 'prot' }> => x.k !== 'prot');
  return (
    (cat ? live.find((x) => x.k === 'cat' && x.cat === cat) : undefined) ??
    live.find((x) => x.k === 'src' || x.k === 'type') ??
    live.find((x) => x.k === 'cat') ??
    live.find((x) => x.k === 'param')
  );
}

/** "returned by f()" at the call site → "call f()" at the same place (the step into the callee). */
function callStep(r: RetLabel): Step | undefined {
  const s = r.steps[0];
  return s ? { ...s, message: s.message.replace(/^returned by /, 'call ') } : undefined;
}

/**
 * A callee's return taint seen from one call: its parameters become the caller's arguments
 * (their paths, the call, then the callee's path from the parameter to the return).
 */
export function bindArgs(t: Taint, key: string, args: readonly Taint[], call: Step | undefined): Taint {
  const into = call ? [call] : [];
  let out: Taint = EMPTY;
  for (const l of t) {
    if (l.k === 'param' && l.fn === key) {
      const moved: Label[] = (args[l.index] ?? EMPTY).map((a) => (a.k === 'prot' ? a : { ...a, steps: prefixSteps(prefixSteps(a.steps, into), l.steps) }));
      out = union(out, applyExclude(moved, l.exclude));
    } else if ((l.k === 'cat' || l.k === 'type') && l.via?.fn === key) {
      const from = pathLabel(args[l.via.index] ?? EMPTY);
      const { via: _via, ...rest } = l;
      const via = from?.k === 'param' ? { fn: from.fn, index: from.index } : from && (from.k === 'cat' || from.k === 'type') ? from.via : undefined;
      out = union(out, [{ ...rest, ...(via ? { via } : {}), steps: from ? prefixSteps(prefixSteps(from.steps, into), l.steps) : l.steps }]);
    } else if (l.k === 'ret') {
      out = union(out, [{ ...l, args: l.args.map((a) => bindArgs(a, key, args, call)) }]);
    } else if (l.k === 'cat' && l.from) {
      out = union(out, [{ ...l, from: { ...l.from, args: l.from.args.map((a) => bindArgs(a, key, args, call)) } }]);
    } else if (l.k === 'cat' && l.arg?.fn === key) out = union(out, [dropArg(l)]);
    else out = union(out, [l]);
  }
  return out;
}

function retKey(r: RetLabel): string {
  return `${labelKey(r)}(${r.args.map((a) => a.map((l) => (l.k === 'ret' ? retKey(l) : labelKey(l))).join(',')).join(';')})`;
}

/**
 * What a call returns, resolved: undefined when the callee is unknown in this scope. The steps
 * end at the call site; the caller's own steps after it are added by the caller.
 */
function expandRet(r: RetLabel, scope: ResolveScope, memo: Map<string, Taint | null>, depth: number): Taint | undefined {
  const targets = scope.returnsOf?.(r.callee);
  if (targets === undefined) return undefined;
  if (depth >= MAX_DEPTH) return EMPTY;
  const id = `ret:${retKey(r)}`;
  const hit = memo.get(id);
  if (hit !== undefined) return hit ?? EMPTY; // null: a recursive call being expanded
  memo.set(id, null);
  let out: Taint = EMPTY;
  const call = callStep(r);
  for (const { key, returns } of targets) {
    if (!returns.length) continue;
    out = union(out, resolveWith(bindArgs(returns, key, r.args, call), scope, memo, depth + 1));
    if (out.length >= MAX_LABELS) break;
  }
  memo.set(id, out);
  return out;
}

function resolveWith(t: Taint, scope: ResolveScope, memo: Map<string, Taint | null>, depth: number): Taint {
  let out: Taint = EMPTY;
  for (const l0 of t) {
    let l = l0;
    if (l.k === 'cat' && l.from) {
      // Category known by name; the callee's return path, when known, goes in front.
      const core = expandRet(l.from, scope, memo, depth);
      if (core === undefined) {
        out = union(out, [{ ...l, from: { ...l.from, args: l.from.args.map((a) => resolveWith(a, scope, memo, depth + 1)) } }]);
        continue;
      }
      const { from, ...rest } = l;
      const p = pathLabel(core, l.cat);
      l = { ...rest, steps: p ? prefixSteps(prefixSteps(p.steps, from.steps), l.steps) : l.steps };
    }
    switch (l.k) {
      // Protected values stay remembered: a hash passed to a wrapper that stores it is still a credential stored.
      case 'src':
      case 'prot':
        out = union(out, [l]);
        break;
      case 'ret': {
        const core = expandRet(l, scope, memo, depth);
        if (core === undefined) {
          // Unknown here: keep it for linkProject, with what this scope knows of the arguments.
          out = union(out, [{ ...l, args: l.args.map((a) => resolveWith(a, scope, memo, depth + 1)) }]);
          break;
        }
        const tail = l.steps;
        out = union(out, core.map((x) => (x.k === 'prot' ? x : { ...x, steps: prefixSteps(x.steps, tail) })));
        break;
      }
      case 'cat': {
        if (!l.via) {
          out = union(out, [l]);
          break;
        }
        if (keeps(scope, l.via.fn)) {
          out = union(out, [l]);
          break;
        }
        // Known only from a payload key: callers, when there are any, say what the value is.
        if (l.keyed && (scope.hasCallers?.(l.via.fn) ?? scope.edgesInto(l.via.fn).length > 0)) break;
        const before = callerPath(l.via.fn, l.via.index, scope, memo, depth);
        const { via: _via, ...rest } = l;
        out = union(out, [before.length ? { ...rest, steps: prefixSteps(before, l.steps) } : rest]);
        break;
      }
      case 'type': {
        const facts = scope.typeFacts(l.type);
        if (facts) {
          const cats: CatLabel[] = [];
          // The object came in through a parameter: keep that for callers elsewhere, or extend the path now.
          const keepVia = l.via && keeps(scope, l.via.fn) ? l.via : undefined;
          const steps = l.via && !keepVia ? prefixSteps(callerPath(l.via.fn, l.via.index, scope, memo, depth), l.steps) : l.steps;
          for (const f of facts.fields) {
            if (f.protected || excluded(f.name, l.exclude)) continue;
            cats.push({
              k: 'cat',
              cat: f.cat,
              // Known from the write only (TypeLabel.stored): one level below the declaration.
              conf: l.stored ? (f.conf === 'high' ? 'medium' : 'low') : f.conf,
              ...(l.stored ? { stored: true as const } : {}),
              field: `${facts.name}.${f.name}`,
              ...(l.source ? { source: l.source } : {}),
              ...(keepVia ? { via: keepVia } : {}),
              steps,
            });
          }
          out = union(out, cats);
        } else if (scope.keepType) out = union(out, [l]);
        // A person's record whose fields nobody declared here (a library's User): may hold personal data.
        else if (isPersonRecordName(l.type)) out = union(out, [{ k: 'src', what: `${l.type} record`, record: true, steps: l.steps }]);
        break;
      }
      case 'param': {
        if (scope.symbolic === l.fn) {
          out = union(out, [l]);
          break;
        }
        if (scope.keepParam(l.fn)) out = union(out, [l]);
        const fromCallers = resolveParam(l.fn, l.index, scope, memo, depth);
        if (fromCallers.length === 0) break;
        // Caller's path up to the call, then the callee's path from the parameter on.
        const joined: Label[] = fromCallers.map((a) => (a.k === 'prot' ? a : { ...a, steps: prefixSteps(a.steps, l.steps) }));
        out = union(out, applyExclude(joined, l.exclude));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/**
 * A type named after a person (User, AuthUser, BenhNhan), not a person's id, role or other attribute
 * (UserId, MentionedUserIds, VIEWER): its head word, the last one, is a person word.
 */
export function isPersonRecordName(type: string): boolean {
  if (!/^[A-Z]/.test(type) || type === type.toUpperCase() || classifyOwner(type) !== 'person') return false;
  const words = type.match(/[A-Z][a-z0-9]*/g) ?? [];
  // English puts the head last (AuthUser); Vietnamese first (BenhNhan, KhachHang): no attribute word either way.
  return classifyOwner(words[words.length - 1]) === 'person' || (words.length <= 3 && !words.some((w) => ATTRIBUTE_WORDS.has(w)));
}
const ATTRIBUTE_WORDS = new Set(['Id', 'Ids', 'Key', 'Keys', 'Role', 'Roles', 'Type', 'Types', 'Code', 'Codes', 'Name', 'Names', 'Token', 'Status', 'Count', 'Ref', 'Refs', 'Uuid', 'For', 'By', 'Of', 'Ma', 'So', 'Secret', 'Secrets', 'Password', 'Hash', 'Url', 'Email', 'Phone']);

/**
 * Replace parameter and type labels by what they stand for. `memo` may be shared between calls
 * with the same scope: what callers pass to a parameter is computed once.
 */
export function resolveTaint(t: Taint, scope: ResolveScope, memo: Map<string, Taint | null> = new Map()): Taint {
  return resolveWith(t, scope, memo, 0);
}

/** Normalised type/model name for matching across files: "CreatePatientDto" → "createpatient", "users" → "user". */
export function typeKey(name: string): string {
  let n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  n = n.replace(/(dto|entity|model|schema|document|doc|record|input|inputtype|type|interface|props|attributes|row)$/, '');
  if (n.length > 3 && n.endsWith('s') && !n.endsWith('ss')) n = n.slice(0, -1);
  return n;
}

export class TypeTable {
  private readonly byKey = new Map<string, TypeFacts>();

  add(t: TypeFacts): void {
    const k = typeKey(t.name);
    const old = this.byKey.get(k);
    if (!old) {
      this.byKey.set(k, { ...t, fields: [...t.fields] });
      return;
    }
    for (const f of t.fields) if (!old.fields.some((o) => o.name === f.name)) old.fields.push(f);
    if (t.bases?.length) old.bases = [...new Set([...(old.bases ?? []), ...t.bases])];
    if (t.persistent && !old.persistent) {
      old.persistent = true;
      if (t.framework) old.framework = t.framework;
      if (t.location) old.location = t.location;
      old.fieldLocations = { ...(old.fieldLocations ?? {}), ...(t.fieldLocations ?? {}) };
    }
  }

  /**
   * A type's fields with those of the types it extends (known here). A type with no field of its
   * own whose bases are not known here is unknown (its bases may be declared in another file).
   */
  get(name: string, depth = 0): TypeFacts | undefined {
    const t = this.byKey.get(typeKey(name));
    if (!t?.bases?.length || depth >= MAX_BASE_DEPTH) return t && (t.fields.length ? t : undefined);
    const fields = [...t.fields];
    for (const b of t.bases) {
      if (typeKey(b) === typeKey(name)) continue;
      for (const f of this.get(b, depth + 1)?.fields ?? []) if (!fields.some((o) => o.name === f.name)) fields.push(f);
    }
    if (!fields.length) return undefined;
    return fields.length === t.fields.length ? t : { ...t, fields };
  }

  all(): TypeFacts[] {
    return [...this.byKey.values()];
  }
}
