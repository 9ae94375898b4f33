/**
 * Taint values: what an expression may carry. A label is either personal data of a known
 * category, or something resolved later (a parameter of the enclosing function, the whole
 * object of a named type such as a DTO or an ORM model, or request input of unknown shape).
 * Taints are small immutable arrays, shared freely; EMPTY is the clean value.
 */
import type { Confidence } from '../../../model/finding.js';

/** The function a call reaches: a function key, or a method of a class found by name. */
export type CalleeRef =
  | { kind: 'fn'; key: string }
  | { kind: 'class'; className: string; method: string; module?: string };

/** One step of a flow path, in some file. */
export interface Step {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface CatLabel {
  k: 'cat';
  cat: string;
  conf: Confidence;
  /** The name that was classified, e.g. "dto.so_cccd" (never a value). */
  field: string;
  /** Source description when known ("request body", "Prisma BenhNhan record"). */
  source?: string;
  /**
   * Read from parameter `index` of function `fn` (dto.email with dto a parameter): the category is
   * known, but callers can still extend the path back to where the object came from.
   */
  via?: { fn: string; index: number };
  /**
   * Read on a parameter declared with a record type (`dto: CreateOrderDto`): the function picks
   * fields of the record it works on (a service), so the result stays at its sink; a field read on
   * an untyped parameter (`user.email` in plain JavaScript) is what each caller hands over.
   */
  ofRecord?: true;
  /**
   * Read from the result of a call resolved later (`const { cccd } = await getUser()`): the
   * category is known by name; the callee's return path, once known, is put in front of the steps.
   */
  from?: RetLabel;
  /**
   * Known only from the payload key it was put under (`{ email: recipient }`): counts where the
   * payload reaches a third party, not in logs or the app's own storage.
   */
  keyed?: true;
  /**
   * Known only from the key it is written under in the app's own storage, judged with the model as
   * owner (`prisma.user.update({ data: { refreshToken: hash } })`): a reviewer reads the write as
   * storing that category whatever the value's path. Counts at storage sinks only (see materialize),
   * one confidence level below the name's, never as a plain-text or unencrypted risk.
   */
  stored?: true;
  /** Collected by the recipient's SDK itself (device, IP, cookies), not passed by the code. */
  collected?: true;
  /** A whole payload of unknown shape (see unknownPayload in flows/report.ts): may hold personal data. */
  unshaped?: true;
  /**
   * The parameter's own label (its name, the fields its function reads on it): it stands for
   * whatever callers pass to parameter `index` of `fn`, so callers' arguments replace it where
   * they carry personal data (see call-sites.ts). Dropped when the value is returned to a caller.
   */
  arg?: { fn: string; index: number };
  steps: readonly Step[];
}

/**
 * What a call returns, when the callee is analysed elsewhere (another file, or later in this
 * one). Resolved by substituting the call's arguments for the callee's parameters in the
 * callee's return taint (so `return dto` passes the caller's data through, `return 42` nothing).
 */
export interface RetLabel {
  k: 'ret';
  callee: CalleeRef;
  /** Argument taints at the call (what the callee's parameters stand for). */
  args: readonly Taint[];
  /** First step: the call site ("returned by findPatient()"), then the caller's own steps. */
  steps: readonly Step[];
}

/** The value of parameter `index` of function `fn` (a function key), resolved by callers. */
export interface ParamLabel {
  k: 'param';
  fn: string;
  index: number;
  name: string;
  /** Fields overridden where the parameter was spread (see TypeLabel.exclude). */
  exclude?: readonly string[];
  steps: readonly Step[];
}

/** A whole object of a named type (DTO class, ORM model); its personal fields are looked up later. */
export interface TypeLabel {
  k: 'type';
  type: string;
  /** Fields overridden or removed where the object was spread ({ ...dto, chan_doan: enc(x) }). */
  exclude?: readonly string[];
  source?: string;
  /** The object is parameter `index` of `fn` (see CatLabel.via). */
  via?: { fn: string; index: number };
  /**
   * The model's own fields, known only from a write to it of an object of unknown shape (`data: {
   * ...input }`, `findByIdAndUpdate(id, req.body)`): resolved into CatLabel.stored labels.
   */
  stored?: true;
  steps: readonly Step[];
}

/** Request input of unknown shape (req.body): personal only through the fields read from it. */
export interface SrcLabel {
  k: 'src';
  what: string;
  /** A person's whole record whose fields are not known (a `User` declared outside the scan). */
  record?: true;
  steps: readonly Step[];
}

/** A value that went through hashing, encryption or masking: clean, but remembered as protected. */
export interface ProtLabel {
  k: 'prot';
  how: string;
  cats: readonly string[];
}

export type Label = CatLabel | ParamLabel | TypeLabel | SrcLabel | ProtLabel | RetLabel;
export type Taint = readonly Label[];

export const EMPTY: Taint = Object.freeze([]) as Taint;
export const MAX_LABELS = 24;
export const MAX_STEPS = 12;

export function labelKey(l: Label): string {
  switch (l.k) {
    case 'cat':
      return `c:${l.cat}:${l.field}`;
    case 'param':
      return `p:${l.fn}:${l.index}`;
    case 'type':
      return `t:${l.type}:${l.exclude?.join(',') ?? ''}${l.stored ? ':stored' : ''}`;
    case 'src':
      return `s:${l.what}`;
    case 'prot':
      return `x:${l.how}:${l.cats.join(',')}`;
    case 'ret': {
      const s = l.steps[0];
      return `r:${calleeId(l.callee)}@${s ? `${s.path}:${s.line}:${s.column}` : ''}`;
    }
  }
}

export function calleeId(c: CalleeRef): string {
  return c.kind === 'fn' ? c.key : `${c.module ?? ''}#${c.className}.${c.method}`;
}

export function union(a: Taint, b: Taint): Taint {
  if (a.length === 0) return b;
  if (b.length === 0 || a === b) return a;
  const seen = new Set(a.map(labelKey));
  let out: Label[] | undefined;
  for (const l of b) {
    const key = labelKey(l);
    if (seen.has(key)) continue;
    seen.add(key);
    out ??= a.slice();
    if (out.length >= MAX_LABELS) break;
    out.push(l);
  }
  return out ?? a;
}

export function unionAll(ts: readonly Taint[]): Taint {
  let acc = EMPTY;
  for (const t of ts) acc = union(acc, t);
  return acc;
}

/** Labels that may still carry personal data (everything but protected values). */
export function isLive(t: Taint): boolean {
  return t.some((l) => l.k !== 'prot');
}

export function hasPending(t: Taint): boolean {
  return t.some((l) => l.k === 'param' || l.k === 'type' || l.k === 'ret' || (l.k === 'cat' && (l.via !== undefined || l.from !== undefined || l.arg !== undefined)));
}

/**
 * Call results nest (f(g(h(x))), or `s = f(s)` line after line). Arguments of a call result
 * keep at most this many labels in all, and this many levels of calls within calls; past that,
 * inner call results are dropped, so a label's size is bounded whatever the code.
 */
export const MAX_CALL_LABELS = 32;
export const MAX_CALL_NESTING = 3;
/** Arguments remembered per call result (parameters past this are not substituted). */
export const MAX_CALL_ARGS = 8;

function nested(l: Label): boolean {
  return l.k === 'ret' || (l.k === 'cat' && l.from !== undefined);
}

/** The arguments of a new call result, bounded (see MAX_CALL_LABELS). */
export function trimArgs(args: readonly Taint[]): Taint[] {
  const budget = { n: MAX_CALL_LABELS };
  return args.slice(0, MAX_CALL_ARGS).map((a) => trimWith(a, MAX_CALL_NESTING, budget, false));
}

/**
 * A taint kept beyond the walk (sink hits, call edges, return summaries): its own labels stay,
 * the call results within it share one budget of MAX_CALL_LABELS labels. Within a file, call
 * results share structure; written out (summaries cross threads as plain data) every copy counts.
 */
export function boundCalls(t: Taint): Taint {
  if (!t.some(nested)) return t;
  return trimWith(t, MAX_CALL_NESTING, { n: MAX_CALL_LABELS }, true);
}

function trimWith(t: Taint, depth: number, budget: { n: number }, top: boolean): Taint {
  if (!t.some(nested)) {
    if (top) return t;
    const keep = Math.max(0, Math.min(t.length, budget.n));
    budget.n -= keep;
    return keep === t.length ? t : t.slice(0, keep);
  }
  const out: Label[] = [];
  for (const l of t) {
    if (!nested(l)) {
      if (top) out.push(l);
      else if (budget.n > 0) {
        budget.n--;
        out.push(l);
      }
      continue;
    }
    const spent = budget.n <= 0 || depth <= 0;
    if (!spent) budget.n--;
    if (l.k === 'ret') {
      if (!spent) out.push({ ...l, args: l.args.slice(0, MAX_CALL_ARGS).map((a) => trimWith(a, depth - 1, budget, false)) });
    } else if (l.k === 'cat' && l.from) {
      const { from, ...rest } = l;
      out.push(spent ? rest : { ...rest, from: { ...from, args: from.args.slice(0, MAX_CALL_ARGS).map((a) => trimWith(a, depth - 1, budget, false)) } });
    }
  }
  return out;
}

/** Nothing known yet but call results: a name may still say what the value is. */
export function onlyCallResults(t: Taint): boolean {
  return t.every((l) => l.k === 'ret');
}

/**
 * Nothing known of the value's shape: call results and input of unknown shape (req.file,
 * req.body). The name it is given still says what it is (`const cccdImage = req.file`).
 */
export function onlyUnshaped(t: Taint): boolean {
  return t.every((l) => l.k === 'ret' || l.k === 'src');
}

function appendSteps(steps: readonly Step[], step: Step): readonly Step[] {
  if (steps.length >= MAX_STEPS) return [...steps.slice(0, MAX_STEPS - 2), steps[steps.length - 1]!, step];
  return [...steps, step];
}

/** The same labels with one more step on their paths (an assignment, a call). */
export function withStep(t: Taint, step: Step): Taint {
  if (t.length === 0) return t;
  return t.map((l) => (l.k === 'prot' ? l : { ...l, steps: appendSteps(l.steps, step) }));
}

/** Prefix a path (the caller's part) to every label. */
export function prefixSteps(prefix: readonly Step[], steps: readonly Step[]): readonly Step[] {
  const all = [...prefix, ...steps];
  return all.length > MAX_STEPS ? [...all.slice(0, 2), ...all.slice(all.length - (MAX_STEPS - 2))] : all;
}

/** A parameter's own label, returned to a caller: there it is data like any other. */
export function dropArg(l: CatLabel): CatLabel {
  const { arg: _arg, ...rest } = l;
  return rest;
}

export function protect(t: Taint, how: string): Taint {
  const cats = [...new Set(t.flatMap((l) => (l.k === 'cat' && !l.keyed ? [l.cat] : l.k === 'prot' ? l.cats : [])))];
  return [{ k: 'prot', how, cats }];
}
