/**
 * The classifier shared by file and database scans (Presidio's model, kept explicit):
 *   score = base (pattern) + validator boost + context boost, minus drops for negative context,
 *   and `explain` records each step so `--explain` can show why a value was reported.
 *
 * Hot path: one RE2.Set pass over the UTF-8 buffer tells which patterns occur at all; only those
 * patterns then run individually to get positions. Text without personal data costs one pass.
 */
import { isAscii } from 'node:buffer';
import RE2 from 're2';
import type { RuleDef } from '../rules/types.js';
import { compilePattern } from '../rules/load.js';
import { getValidator } from './validators/index.js';
import type { Validator } from './validators/types.js';
import { expandMacros } from '../rules/macros.js';
import { foldPhrase, plainWordsOf, wordsOf } from '../util/fold.js';
import { confidenceFromScore, type Confidence } from '../model/finding.js';

export interface Match {
  ruleId: string;
  category: string;
  /** Byte offsets of the value in the (NFC) buffer. */
  start: number;
  end: number;
  value: string;
  score: number;
  confidence: Confidence;
  explain: string[];
}

export interface ClassifyOptions {
  /** Context that applies to every value of the unit: a column name, a JSON key, a CSV header. */
  hint?: string;
  /** Context for one position (e.g. the CSV header of the cell at that byte offset). */
  hintAt?: (byteOffset: number) => string | undefined;
}

interface CompiledRule {
  def: RuleDef;
  regexes: RE2[];
  group: number;
  validator?: Validator;
  base: number;
  validatorBoost: number;
  ctxWords: string[];
  ctxBefore: number;
  ctxAfter: number;
  ctxBoost: number;
  ctxRequired: boolean;
  negWords: string[];
  negBefore: number;
  negAfter: number;
  allowValues: Set<string>;
  allowPatterns: RE2[];
  keywords: string[];
}

const DEFAULTS = { base: 0.5, validatorBoost: 0.2, before: 60, after: 30, ctxBoost: 0.3, negBefore: 30, negAfter: 0 };

function compileRule(def: RuleDef): CompiledRule {
  const where = `${def.source ?? 'rule'}: ${def.id}`;
  return {
    def,
    regexes: def.patterns.map((p, i) => compilePattern(p, def, `${where}.patterns[${i}]`, 'gd')),
    group: def.value_group ?? 0,
    validator: def.validator ? getValidator(def.validator) : undefined,
    base: def.score ?? DEFAULTS.base,
    validatorBoost: def.validator_boost ?? DEFAULTS.validatorBoost,
    ctxWords: (def.context?.words ?? []).map(foldPhrase).filter(Boolean),
    ctxBefore: def.context?.before ?? DEFAULTS.before,
    ctxAfter: def.context?.after ?? DEFAULTS.after,
    ctxBoost: def.context?.boost ?? DEFAULTS.ctxBoost,
    ctxRequired: def.context?.required ?? false,
    negWords: (def.negative_context?.words ?? []).map(foldPhrase).filter(Boolean),
    negBefore: def.negative_context?.before ?? DEFAULTS.negBefore,
    negAfter: def.negative_context?.after ?? DEFAULTS.negAfter,
    allowValues: new Set((def.allowlist?.values ?? []).map((v) => v.normalize('NFC'))),
    allowPatterns: (def.allowlist?.patterns ?? []).map((p, i) => compilePattern(p, def, `${where}.allowlist.patterns[${i}]`)),
    keywords: (def.keywords ?? []).map(foldPhrase).filter(Boolean),
  };
}

/** NFC-normalise a UTF-8 buffer; ASCII (the common case for code) is returned untouched. */
export function normalizeBuffer(buf: Buffer): Buffer {
  if (isAscii(buf)) return buf;
  const text = buf.toString('utf8');
  const nfc = text.normalize('NFC');
  return nfc === text ? buf : Buffer.from(nfc, 'utf8');
}

/** Decode up to `chars` characters that end at byte `end` (or start at byte `start`). */
function sliceBefore(buf: Buffer, end: number, chars: number): string {
  if (chars <= 0 || end <= 0) return '';
  const s = buf.toString('utf8', Math.max(0, end - chars * 3), end);
  return s.length > chars ? s.slice(s.length - chars) : s;
}
function sliceAfter(buf: Buffer, start: number, chars: number): string {
  if (chars <= 0 || start >= buf.length) return '';
  const s = buf.toString('utf8', start, Math.min(buf.length, start + chars * 3));
  return s.length > chars ? s.slice(0, chars) : s;
}

function findWord(words: string[], haystack: string): string | undefined {
  return words.find((w) => haystack.includes(` ${w} `));
}

export class Classifier {
  readonly rules: CompiledRule[];
  private readonly set: InstanceType<typeof RE2.Set> | undefined;
  /** Set index → [rule index, pattern index]. */
  private readonly setOwners: Array<[number, number]> = [];

  constructor(defs: RuleDef[]) {
    this.rules = defs.map(compileRule);
    const sources: string[] = [];
    this.rules.forEach((r, ri) =>
      r.def.patterns.forEach((p, pi) => {
        sources.push(r.def.case_insensitive ? `(?i:${expandMacros(p)})` : expandMacros(p));
        this.setOwners.push([ri, pi]);
      }),
    );
    this.set = sources.length ? new RE2.Set(sources, 'u') : undefined;
  }

  classifyText(text: string, opts: ClassifyOptions = {}): Match[] {
    return this.classifyBuffer(Buffer.from(text.normalize('NFC'), 'utf8'), opts);
  }

  /** `buf` must already be NFC (see normalizeBuffer). Matches are sorted by position. */
  classifyBuffer(buf: Buffer, opts: ClassifyOptions = {}): Match[] {
    if (!this.set || buf.length === 0) return [];
    const hit = this.set.match(buf);
    if (hit.length === 0) return [];
    let folded: string | undefined;
    const hintWords = opts.hint ? wordsOf(opts.hint) : '';
    const out: Match[] = [];
    for (const si of hit) {
      const [ri, pi] = this.setOwners[si]!;
      const rule = this.rules[ri]!;
      if (rule.keywords.length) {
        folded ??= plainWordsOf(buf.toString('utf8'));
        if (!findWord(rule.keywords, folded)) continue;
      }
      const re = rule.regexes[pi]!;
      re.lastIndex = 0;
      let m: ReturnType<RE2['exec']>;
      while ((m = re.exec(buf)) !== null) {
        const full = m.indices?.[0];
        if (full && full[0] === full[1]) re.lastIndex++;
        const span = m.indices?.[rule.group];
        if (!span) continue;
        const match = this.evaluate(rule, buf, span[0], span[1], hintWords, opts);
        if (match) out.push(match);
      }
    }
    return resolveOverlaps(out);
  }

  private evaluate(rule: CompiledRule, buf: Buffer, start: number, end: number, hintWords: string, opts: ClassifyOptions): Match | undefined {
    const value = buf.toString('utf8', start, end);
    if (rule.allowValues.has(value) || rule.allowPatterns.some((p) => p.test(value))) return undefined;
    const explain = [`pattern of rule ${rule.def.id} matched (base score ${rule.base})`];
    let score = rule.base;
    let needContext = rule.ctxRequired;

    if (rule.validator) {
      const res = rule.validator(value);
      if (res.valid) {
        const boost = res.strong ? rule.validatorBoost * 2 : rule.validatorBoost;
        score += boost;
        explain.push(`validator ${rule.def.validator} passed: ${res.reason} (+${round(boost)})`);
      } else {
        const mode = rule.def.on_invalid ?? 'drop';
        if (mode === 'drop') return undefined;
        if (mode === 'need-context') needContext = true;
        explain.push(`validator ${rule.def.validator} failed: ${res.reason}${mode === 'need-context' ? '; context required' : ''}`);
      }
    }

    if (rule.ctxWords.length || rule.negWords.length) {
      const before = sliceBefore(buf, start, Math.max(rule.ctxBefore, rule.negBefore));
      const after = sliceAfter(buf, end, Math.max(rule.ctxAfter, rule.negAfter));
      if (rule.negWords.length) {
        const neg = wordsOf(`${before.slice(-rule.negBefore)} \u0000 ${after.slice(0, rule.negAfter)}`);
        const w = findWord(rule.negWords, neg);
        if (w) return undefined;
      }
      if (rule.ctxWords.length) {
        const at = opts.hintAt?.(start);
        const ctx = `${wordsOf(`${before.slice(-rule.ctxBefore)} \u0000 ${after.slice(0, rule.ctxAfter)}`)}${hintWords}${at ? wordsOf(at) : ''}`;
        const w = findWord(rule.ctxWords, ctx);
        if (w) {
          score += rule.ctxBoost;
          explain.push(`context word "${w}" nearby (+${round(rule.ctxBoost)})`);
        } else if (needContext) {
          return undefined;
        }
      }
    } else if (needContext) {
      return undefined;
    }

    score = Math.min(1, round(score));
    const confidence = confidenceFromScore(score);
    if (!confidence) return undefined;
    explain.push(`score ${score} → ${confidence} confidence`);
    return { ruleId: rule.def.id, category: rule.def.category, start, end, value, score, confidence, explain };
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Where matches overlap, keep the best-scoring one (then the longest, then the earliest rule). */
export function resolveOverlaps(matches: Match[]): Match[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const m of matches) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) {
      if (m.score > last.score || (m.score === last.score && m.end - m.start > last.end - last.start)) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  return kept;
}

