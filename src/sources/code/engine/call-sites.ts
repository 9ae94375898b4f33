/**
 * The app's own wrappers as sinks. A sink reached by a function's parameter (`sendMail(to, …)` over
 * nodemailer, `logInfo(msg, meta)` over pino, `this.mailService.send(...)`) is a sink for the
 * function's callers: the result is reported where personal data enters the wrapper, once per call
 * site, its path going from the caller's data through the wrapper to the SDK call. Wrappers of
 * wrappers are followed up to MAX_WRAPPER_DEPTH levels, to the call where the data entered the
 * first one.
 *
 * What the wrapper carries of its own (data it reads or builds itself) stays at the sink. So does
 * what it knows of a parameter (its name, its declared type, the fields it reads on it) when no
 * caller passes anything personal there: then the sink line is the only evidence.
 */
import { applyExclude, MAX_EDGES, resolveTaint, type ResolveScope } from './resolve.js';
import { EMPTY, hasPending, isLive, prefixSteps, union, type Label, type Step, type Taint } from './taint.js';
import type { CallEntry, SinkHit } from './types.js';
import { collectedBySdk } from './client-linking.js';

/** Wrapper levels followed from a sink up to where the data entered (caller → sendTemplate → sendRaw → SDK). */
export const MAX_WRAPPER_DEPTH = 4;
/** Call sites reported per sink: past this, the rest of the callers' data stays at the sink. */
export const MAX_SITES = 64;

/** What reaches a sink from one call site of its wrapper (no entry: the wrapper's own data). */
export interface SiteTaint {
  entry?: CallEntry;
  taint: Taint;
}

/** Memo of the call sites passing data to a parameter ("fn\0index"); null while computed (cycles). */
export type SitesMemo = Map<string, SiteTaint[] | null>;

interface Slot {
  fn: string;
  index: number;
  labels: Label[];
}

/**
 * The parameter a label comes from: the value itself, what the wrapper knows of it as a whole (its
 * declared type, its name), or a field the wrapper reads on it (which moves to the call site only
 * with the value itself: `{ ...dto, ngay_sinh: new Date(dto.ngay_sinh) }`). Labels known only from
 * a payload key are not: callers say what the value is, or the key speaks alone (resolve.ts).
 */
function slotOf(l: Label): { fn: string; index: number } | undefined {
  if (l.k === 'param') return { fn: l.fn, index: l.index };
  if (l.k === 'type' && l.via) return l.via;
  if (l.k === 'cat' && l.arg) return l.arg;
  if (l.k === 'cat' && l.via && !l.keyed) return l.via;
  return undefined;
}

/** A field read on the parameter (`user.email`): its category is the wrapper's whatever callers pass. */
function isRead(l: Label): boolean {
  return l.k === 'cat' && !l.arg && l.via !== undefined;
}

/** Labels that say what the data is (a category, or something resolved later into one). */
function personal(t: Taint): boolean {
  return t.some((l) => l.k === 'cat' || (l.k !== 'src' && l.k !== 'prot' && hasPending([l])));
}

/** "call this.mailService.send()" → "this.mailService.send". */
function calleeName(step: Step): string {
  return step.message.replace(/^call /, '').replace(/\(\)$/, '');
}

function entryKey(e: CallEntry | undefined): string {
  return e ? `${e.step.path}:${e.step.line}:${e.step.column}` : '';
}

/** The path of the caller's value up to the call (same preference as resolve.ts: sources first). */
function pathBefore(t: Taint): readonly Step[] {
  const live = t.filter((l): l is Exclude<Label, { k: 'prot' }> => l.k !== 'prot');
  const l = live.find((x) => x.k === 'src' || x.k === 'type') ?? live.find((x) => x.k === 'cat') ?? live[0];
  return l ? l.steps : [];
}

/** What the wrapper knows of a parameter, seen from one call: the caller's path, then the wrapper's. */
function knowledgeAt(labels: readonly Label[], before: readonly Step[]): Label[] {
  const out: Label[] = [];
  for (const l of labels) {
    if (l.k === 'cat') {
      const { arg: _arg, via: _via, ...rest } = l;
      out.push({ ...rest, steps: prefixSteps(before, l.steps) });
    } else if (l.k === 'type') {
      const { via: _via, ...rest } = l;
      out.push({ ...rest, steps: prefixSteps(before, l.steps) });
    }
  }
  return out;
}

/**
 * A taint split by the call site where its data entered a wrapper: labels standing for a parameter
 * are replaced, call site by call site, by what that caller passes (itself split further when the
 * caller is a wrapper too); everything else is resolved as usual and kept without an entry.
 */
export function splitBySite(t: Taint, scope: ResolveScope, memo: Map<string, Taint | null>, sites: SitesMemo, depth = 0, tracking = false): SiteTaint[] {
  const rest: Label[] = [];
  // Parameters of functions callable from other files: split once every caller is known (linkProject).
  const later: Label[] = [];
  const slots = new Map<string, Slot>();
  for (const l of t) {
    const s = slotOf(l);
    if (s && (scope.symbolic === s.fn || scope.keepParam(s.fn))) {
      later.push(l);
      continue;
    }
    if (!s || depth >= MAX_WRAPPER_DEPTH) {
      rest.push(l);
      continue;
    }
    const id = `${s.fn}\u0000${s.index}`;
    const slot = slots.get(id);
    if (slot) slot.labels.push(l);
    else slots.set(id, { ...s, labels: [l] });
  }
  const groups = new Map<string, SiteTaint>();
  const add = (entry: CallEntry | undefined, taint: Taint): void => {
    const k = entryKey(entry);
    const g = groups.get(k);
    if (g) g.taint = union(g.taint, taint);
    else if (groups.size < MAX_SITES || !entry) groups.set(k, { ...(entry ? { entry } : {}), taint });
  };
  // Only fields read on the parameter. On a parameter declared with a record type (`logger.info(dto.ho_ten)`
  // with `dto: CreatePatientDto`) the function picks the data itself, a service rather than a
  // wrapper: the result stays at its sink. On an untyped one (`to: user.email` in plain JavaScript)
  // the fields read are sent for each caller that hands it a value, so the result is reported at
  // those calls with the fields read, not the caller's whole record. When no caller passes
  // anything (`notify({ email: 'x' })`, or no caller seen), it stays at its sink.
  for (const [id, slot] of slots) {
    if (!slot.labels.every(isRead)) continue;
    if (slot.labels.some((l) => l.k === 'cat' && l.ofRecord)) {
      rest.push(...slot.labels);
      slots.delete(id);
      continue;
    }
    slots.delete(id);
    let entered = false;
    if (depth < MAX_WRAPPER_DEPTH) {
      for (const s of callersOf(slot.fn, slot.index, scope, memo, sites, depth)) {
        if (!s.entry || !isLive(s.taint)) continue;
        entered = true;
        add(s.entry, knowledgeAt(slot.labels, pathBefore(s.taint)));
      }
    }
    if (!entered) rest.push(...slot.labels);
  }
  let own = union(rest.length ? resolveTaint(rest, scope, memo) : EMPTY, later);
  for (const slot of slots.values()) {
    const param = slot.labels.find((l) => l.k === 'param');
    const first = param ?? slot.labels[0]!;
    const tail = first.k === 'prot' ? [] : first.steps;
    const whole = slot.labels.filter((l) => l.k !== 'param' && !isRead(l));
    const reads = slot.labels.filter(isRead);
    let entered = false;
    for (const s of callersOf(slot.fn, slot.index, scope, memo, sites, depth)) {
      let moved: Taint = param ? s.taint.map((a) => (a.k === 'prot' ? a : { ...a, steps: prefixSteps(a.steps, tail) })) : EMPTY;
      if (param?.k === 'param') moved = applyExclude(moved, param.exclude);
      // A value with no path of its own (a hash) still entered at the call.
      const before = pathBefore(s.taint).length ? pathBefore(s.taint) : s.entry ? [s.entry.step] : [];
      // The caller's value says nothing personal by itself: what the wrapper knows of the parameter does.
      if (!personal(moved) && whole.length) moved = union(moved, resolveTaint(knowledgeAt(whole, before), scope, memo));
      if (reads.length) moved = union(moved, knowledgeAt(reads, before));
      if (!personal(moved)) continue;
      entered = true;
      add(s.entry, moved);
    }
    // A tracking call (analytics): every call of the wrapper is an event the SDK collects on, personal
    // properties or not; the caller's call is where it happens.
    if (tracking) {
      for (const entry of directCalls(slot.fn, scope)) {
        if (!groups.has(entryKey(entry))) add(entry, EMPTY);
        entered = true;
      }
    }
    if (!entered) own = union(own, resolveTaint(slot.labels, scope, memo));
  }
  if (isLive(own) || !groups.size) add(undefined, own);
  return [...groups.values()];
}

/** The calls of `fn`, whatever they pass (bare calls included). */
function directCalls(fn: string, scope: ResolveScope): CallEntry[] {
  const out: CallEntry[] = [];
  for (const e of scope.edgesInto(fn)) {
    if (out.length >= MAX_SITES) break;
    out.push({ step: e.step, ...(e.ctx ? { ctx: e.ctx } : {}), callee: calleeName(e.step) });
  }
  return out;
}

/** What each call of `fn` passes to parameter `index`, by the call site where it entered the first wrapper. */
function callersOf(fn: string, index: number, scope: ResolveScope, memo: Map<string, Taint | null>, sites: SitesMemo, depth: number): SiteTaint[] {
  const id = `${fn}\u0000${index}`;
  const hit = sites.get(id);
  if (hit !== undefined) return hit ?? [];
  sites.set(id, null);
  const out: SiteTaint[] = [];
  const edges = scope.edgesInto(fn);
  for (let i = 0; i < edges.length && i < MAX_EDGES && out.length < MAX_SITES; i++) {
    const e = edges[i]!;
    const arg = e.args[index];
    if (!arg?.length) continue;
    const moved: Label[] = arg.map((a) => (a.k === 'prot' ? a : { ...a, steps: prefixSteps(a.steps, [e.step]) }));
    const here: CallEntry = { step: e.step, ...(e.ctx ? { ctx: e.ctx } : {}), callee: calleeName(e.step) };
    for (const g of splitBySite(moved, scope, memo, sites, depth + 1)) out.push({ entry: g.entry ?? here, taint: g.taint });
  }
  sites.set(id, out);
  return out;
}

/**
 * A sink hit as results: one per call site where personal data entered its wrapper, plus the hit
 * itself at the sink for the wrapper's own data. What the SDK collects by itself (analytics) is
 * collected on every call. The URL of an HTTP call stays with the sink. Taints are resolved, not
 * yet decided for their recipient (see materialize).
 */
export function siteHits(hit: SinkHit, scope: ResolveScope, memo: Map<string, Taint | null>, sites: SitesMemo): SinkHit[] {
  const collected = hit.sink.collects ? collectedBySdk(hit.sink, hit.step) : [];
  const passed = hit.taint.filter((l) => !(l.k === 'cat' && l.collected));
  const urlTaint = hit.urlTaint ? resolveTaint(hit.urlTaint, scope, memo) : undefined;
  const groups = splitBySite(passed, scope, memo, sites, 0, collected.length > 0);
  const out: SinkHit[] = [];
  for (const g of groups) {
    const { urlTaint: _u, entry: _e, ...base } = hit;
    const taint = union(g.taint, collected);
    const entry = g.entry ?? hit.entry;
    const url = !g.entry && urlTaint && isLive(urlTaint) ? { urlTaint } : {};
    if (!isLive(taint) && !url.urlTaint) continue;
    out.push({ ...base, taint, ...url, ...(entry ? { entry } : {}) });
  }
  if (urlTaint && isLive(urlTaint) && !out.some((h) => h.urlTaint)) {
    const { entry: _e, ...base } = hit;
    out.push({ ...base, taint: EMPTY, urlTaint, ...(hit.entry ? { entry: hit.entry } : {}) });
  }
  return out;
}
