/**
 * Test helpers for frameworks/: analyse a small TS snippet with only the given frameworks in the
 * registry, and read back compact facts (sinks reached, what functions return, declared fields).
 */
import { parseSource, ts } from '../../src/sources/code/parse.js';
import { analyzeFlows } from '../../src/sources/code/engine/calls.js';
import type { Framework } from '../../src/sources/code/engine/framework-api.js';
import type { FileFlows } from '../../src/sources/code/engine/state.js';
import type { Label } from '../../src/sources/code/engine/taint.js';
import { mentionedIn, vocabularyOf } from '../../src/sources/code/engine/vocabulary.js';
import { loadRecipients } from '../../src/sources/code/flows/recipients.js';
import { makeCtx } from '../../src/sources/code/declarations/ts/helpers.js';
import type { BuilderState } from '../../src/sources/code/declarations/ts/builders.js';
import type { DeclaredField } from '../../src/sources/code/declarations/types.js';

const PATH = 'src/app.ts';

/** Flow analysis of one file with only `frameworks` registered. */
export function flowsWith(frameworks: readonly Framework[], code: string, path = PATH): FileFlows {
  return analyzeFlows(parseSource(path, code), path, loadRecipients(), vocabularyOf(frameworks));
}

/** Sink hits as "api → kind: label (model)". */
export function sinks(flows: FileFlows): string[] {
  return flows.hits.map((h) => `${h.sink.api} → ${h.sink.kind}: ${h.sink.label}${h.sink.model ? ` (${h.sink.model})` : ''}`);
}

function label(l: Label): string {
  switch (l.k) {
    case 'cat':
      return `cat:${l.cat}`;
    case 'type':
      return `type:${l.type}${l.source ? ` (${l.source})` : ''}`;
    case 'src':
      return `src:${l.what}`;
    case 'prot':
      return `prot:${l.how}`;
    case 'param':
      return `param:${l.name}`;
    case 'ret':
      return 'ret';
  }
}

/** What the top-level function or method `name` returns, as "kind:what" strings (parameters left out). */
export function returnsOf(flows: FileFlows, name: string, path = PATH): string[] {
  const key = `${path.replace(/\.tsx?$/, '')}#${name}`;
  const fn = flows.fns.get(key);
  if (!fn) throw new Error(`no function ${key}: ${[...flows.fns.keys()].join(', ')}`);
  return fn.returns.filter((l) => l.k !== 'param').map(label);
}

/** Fields the frameworks' declaration extractors find in a snippet, as "Model.field framework". */
export function declaredWith(frameworks: readonly Framework[], code: string, path = PATH): string[] {
  const sf = parseSource(path, code);
  const lower = code.toLowerCase();
  const vocab = vocabularyOf(frameworks);
  const ctx = makeCtx(sf, mentionedIn(vocab, lower), vocab);
  const st: BuilderState = { consumed: new Set() };
  const passes = frameworks.flatMap((f) => (f.declarations?.perFile ? [f.declarations.perFile(ctx)] : []));
  const fields: DeclaredField[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) for (const p of passes) p.call(n);
    for (const f of frameworks) {
      const found = ts.isCallExpression(n) ? f.declarations?.call?.(ctx, st, n) : ts.isNewExpression(n) ? f.declarations?.construct?.(ctx, st, n) : undefined;
      if (found) {
        fields.push(...found);
        break;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  let out = fields;
  for (const p of passes) out = p.finish(out);
  return out.filter((x) => !x.skip).map((x) => `${x.model}.${x.field} ${x.framework}${x.protection?.length ? ` [${x.protection.map((p) => p.key).join(',')}]` : ''}`);
}

/** Whether a file's text has one of the frameworks' declaration markers (it would be walked for models). */
export function walkedWith(frameworks: readonly Framework[], text: string): boolean {
  const lower = text.toLowerCase();
  return vocabularyOf(frameworks).markers.some((m) => lower.includes(m));
}
