/**
 * Purpose inference (rules/purposes.yml). A purpose is a guess from code context, so each one is
 * returned with the evidence behind it and the status "to-confirm".
 */
import { purposesFile } from '../../../rules/catalogue.js';
import { wordsOf } from '../../../util/fold.js';
import type { SinkKind } from './recipients.js';

export interface PurposeDef {
  key: string;
  label_vi: string;
  label_en: string;
  marketing?: boolean;
}

interface ContextRule {
  purpose: string;
  words: string[];
  sinks?: SinkKind[];
  recipient_kinds?: string[];
  replaces?: string[];
}

export interface PurposesFile {
  purposes: PurposeDef[];
  inference: { sinks: Partial<Record<SinkKind, string[]>>; context: ContextRule[] };
}

export interface InferredPurpose {
  purpose: string;
  label_vi: string;
  label_en: string;
  status: 'to-confirm';
  evidence: string[];
}

/** Where a sink sits: the texts that may reveal why data is processed. */
export interface PurposeContext {
  sink: SinkKind;
  recipientKind?: string;
  recipientName?: string;
  recipientPurposes?: string[];
  route?: string;
  functionName?: string;
  className?: string;
  filePath?: string;
}

let file: PurposesFile | undefined;
let byKey: Map<string, PurposeDef> | undefined;

function load(): PurposesFile {
  if (!file) {
    file = purposesFile();
    byKey = new Map(file.purposes.map((p) => [p.key, p]));
  }
  return file;
}

export function allPurposes(): PurposeDef[] {
  return load().purposes;
}

/** The definition of a key, or of its nearest listed parent (fideslang keys nest). */
export function purposeDef(key: string): PurposeDef | undefined {
  load();
  let k = key;
  for (;;) {
    const hit = byKey!.get(k);
    if (hit) return hit;
    const dot = k.lastIndexOf('.');
    if (dot < 0) return undefined;
    k = k.slice(0, dot);
  }
}

export function isMarketingPurpose(key: string): boolean {
  return key === 'marketing' || key.startsWith('marketing.') || purposeDef(key)?.marketing === true;
}

/** Words of the file path without the extension and common noise ("src", "service"). */
function pathWords(p: string): string {
  return wordsOf(p.replace(/\.[a-z0-9]+$/i, '').replace(/\b(src|lib|app|dist|index)\b/gi, ' '));
}

export function inferPurposes(ctx: PurposeContext): InferredPurpose[] {
  const f = load();
  const found = new Map<string, string[]>();
  const add = (key: string, why: string) => {
    const ev = found.get(key);
    if (ev) {
      if (!ev.includes(why)) ev.push(why);
    } else found.set(key, [why]);
  };
  const fromRecipient = ctx.recipientPurposes ?? [];
  for (const p of fromRecipient) add(p, `default purpose of ${ctx.recipientName ?? 'the recipient'}`);
  if (fromRecipient.length === 0) {
    for (const p of f.inference.sinks[ctx.sink] ?? []) add(p, `sink kind: ${ctx.sink}`);
  }

  const texts: Array<[string, string]> = [];
  if (ctx.route) texts.push([`route ${ctx.route}`, wordsOf(ctx.route)]);
  if (ctx.functionName) texts.push([`function ${ctx.functionName}`, wordsOf(ctx.functionName)]);
  if (ctx.className) texts.push([`class ${ctx.className}`, wordsOf(ctx.className)]);
  if (ctx.filePath) texts.push([`module ${ctx.filePath}`, pathWords(ctx.filePath)]);

  const replaced = new Set<string>();
  for (const rule of f.inference.context) {
    if (rule.sinks && !rule.sinks.includes(ctx.sink)) continue;
    if (rule.recipient_kinds && !(ctx.recipientKind && rule.recipient_kinds.includes(ctx.recipientKind))) continue;
    for (const [where, words] of texts) {
      const word = rule.words.find((w) => words.includes(` ${w} `));
      if (word) {
        add(rule.purpose, `${where} contains "${word}"`);
        for (const r of rule.replaces ?? []) if (r !== rule.purpose) replaced.add(r);
        break;
      }
    }
  }
  const out: InferredPurpose[] = [];
  for (const [key, evidence] of found) {
    // A context purpose replaces the generic one only when the generic one came from defaults.
    if (replaced.has(key) && found.size > 1) continue;
    const def = purposeDef(key);
    out.push({ purpose: key, label_vi: def?.label_vi ?? key, label_en: def?.label_en ?? key, status: 'to-confirm', evidence });
  }
  return out;
}
