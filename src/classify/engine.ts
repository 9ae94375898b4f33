/**
 * The classifier shared by file and database scans (Presidio's model, kept explicit):
 *   score = base (pattern) + validator boost + context boost, minus drops for negative context,
 *   and `explain` records each step so `--explain` can show why a value was reported.
 *
 * Hot path: RE2.Set passes over the UTF-8 buffer tell which patterns occur at all (prefilter.ts);
 * only those run individually to get positions, once per distinct pattern. Text without personal
 * data costs the Set passes. Most candidates have no context word nearby: one test says so before
 * the ordered search for the first word.
 *
 * Start-up: a one-file scan meets a handful of the ~150 patterns, so each rule's own RE2 objects
 * (patterns, allowlist patterns, keyword alternation) and the keyword Set are compiled on first
 * use; only the prefilter's Sets are compiled up front.
 */
import { isAscii } from 'node:buffer';
import RE2 from 're2';
import type { RuleDef } from '../rules/types.js';
import { compilePattern, expandPattern } from '../rules/load.js';
import { requireValidator } from './validators/index.js';
import type { Validator } from './validators/types.js';
import { foldPhrase, looseKeyword, wordsOf } from '../util/fold.js';
import { confidenceFromScore, type Confidence } from '../model/finding.js';
import { PatternPrefilter, type PrefilterPattern } from './prefilter.js';

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
  /** Macro-expanded pattern sources; their RE2 objects are compiled on first use (regexOf). */
  sources: string[];
  regexes: Array<RE2 | undefined>;
  group: number;
  validator?: Validator;
  base: number;
  validatorBoost: number;
  ctxWords: string[];
  ctxBefore: number;
  ctxAfter: number;
  ctxBoost: number;
  ctxRequired: boolean;
  ctxAny?: RegExp;
  negWords: string[];
  negAny?: RegExp;
  negBefore: number;
  negAfter: number;
  allowValues: Set<string>;
  /** Compiled on the first value that reaches the allowlist check. */
  allowPatterns?: RE2[];
  /**
   * Gate words: the rule runs on a text only if one of these occurs in it (or in the hint).
   * Explicit `keywords`, else the context words of a rule that requires context: such a rule
   * can never report without them, so skipping it is free recall-wise and saves most of the
   * work on number-heavy text (every 6-19 digit run is a bank-account candidate).
   */
  keywords: string[];
  /** Indices of `keywords` in the classifier's keyword Set. */
  keywordIdx: number[];
  /** Alternation of the keywords, compiled on first use, to locate them. */
  keywordRe?: RE2;
}

/** Lowest score that confidenceFromScore still reports (as low). */
const MIN_REPORTED_SCORE = 0.4;
const DEFAULTS = { base: 0.5, validatorBoost: 0.2, before: 60, after: 30, ctxBoost: 0.3, negBefore: 30, negAfter: 0 };

/** A rule that cannot reach the reporting threshold without one of its context words. */
function needsContext(def: RuleDef): boolean {
  if (!def.context?.words?.length) return false;
  if (def.context.required) return true;
  const best = (def.score ?? DEFAULTS.base) + (def.validator ? 2 * (def.validator_boost ?? DEFAULTS.validatorBoost) : 0);
  return best < MIN_REPORTED_SCORE;
}

function compileRule(def: RuleDef): CompiledRule {
  const where = `${def.source ?? 'rule'}: ${def.id}`;
  const ctxWords = (def.context?.words ?? []).map(foldPhrase).filter(Boolean);
  const negWords = (def.negative_context?.words ?? []).map(foldPhrase).filter(Boolean);
  return {
    def,
    sources: def.patterns.map((p, i) => expandPattern(p, `${where}.patterns[${i}]`)),
    regexes: [],
    group: def.value_group ?? 0,
    validator: def.validator ? requireValidator(def.validator, where) : undefined,
    base: def.score ?? DEFAULTS.base,
    validatorBoost: def.validator_boost ?? DEFAULTS.validatorBoost,
    ctxWords,
    ctxAny: anyWordRe(ctxWords),
    ctxBefore: def.context?.before ?? DEFAULTS.before,
    ctxAfter: def.context?.after ?? DEFAULTS.after,
    ctxBoost: def.context?.boost ?? DEFAULTS.ctxBoost,
    ctxRequired: def.context?.required ?? false,
    negWords,
    negAny: anyWordRe(negWords),
    negBefore: def.negative_context?.before ?? DEFAULTS.negBefore,
    negAfter: def.negative_context?.after ?? DEFAULTS.negAfter,
    allowValues: new Set((def.allowlist?.values ?? []).map((v) => v.normalize('NFC'))),
    keywords: (def.keywords ?? (needsContext(def) ? def.context?.words ?? [] : [])).map(foldPhrase).filter(Boolean),
    keywordIdx: [],
  };
}

/** The pattern's RE2 object for value positions, compiled on first use. */
function regexOf(rule: CompiledRule, i: number): RE2 {
  return (rule.regexes[i] ??= compilePattern(rule.def.patterns[i]!, rule.def, `${rule.def.source ?? 'rule'}: ${rule.def.id}.patterns[${i}]`, 'gd'));
}

function allowPatternsOf(rule: CompiledRule): RE2[] {
  const where = `${rule.def.source ?? 'rule'}: ${rule.def.id}.allowlist.patterns`;
  return (rule.allowPatterns ??= (rule.def.allowlist?.patterns ?? []).map((p, i) => compilePattern(p, rule.def, `${where}[${i}]`)));
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

/** Byte margin for a value's own length around a context word's window. */
const VALUE_MARGIN = 512;
/** Past this many context words in one text, scanning the whole text is cheaper. */
const MAX_REGIONS = 2000;
const NEWLINE = 10;
/**
 * Gate words per RE2.Set. One Set of all ~520 words thrashes its DFA on Vietnamese prose: 1.75 CPU s
 * for the 3 MB of fixtures/, against 13 ms with Sets of 256 (and 0.11 vs 0.28 s on 50 MB of the
 * mostly English bench corpus, a price worth paying for the text this tool is for).
 */
const KEYWORD_SET_SIZE = 256;
/** Column headers whose words are remembered (see hintWordsOf). */
const MAX_CACHED_HINTS = 4096;

/**
 * Where a rule that needs a context word can match at all: around each occurrence of one of its
 * words, widened by its context window (4 bytes per character at most) and the value's length,
 * and snapped to whole lines so that `^`/`$` and boundary classes behave as on the whole text.
 * Returns undefined when the whole text should be scanned instead.
 */
function keywordRegions(rule: CompiledRule, buf: Buffer): Array<[number, number]> | undefined {
  rule.keywordRe ??= new RE2(rule.keywords.map(looseKeyword).join('|'), 'gu');
  const re = rule.keywordRe;
  re.lastIndex = 0;
  const regions: Array<[number, number]> = [];
  let m: ReturnType<RE2['exec']>;
  while ((m = re.exec(buf)) !== null) {
    if (regions.length > MAX_REGIONS) return undefined;
    const start = m.index;
    const end = start + (m[0] as Buffer).length;
    if (end === start) re.lastIndex++;
    let from = Math.max(0, start - rule.ctxAfter * 4 - VALUE_MARGIN);
    let to = Math.min(buf.length, end + rule.ctxBefore * 4 + VALUE_MARGIN);
    const lineStart = from === 0 ? 0 : buf.lastIndexOf(NEWLINE, from);
    const lineEnd = to === buf.length ? buf.length : buf.indexOf(NEWLINE, to);
    if ((lineStart < 0 && from > 4096) || from - lineStart > 4096 || lineEnd < 0 || lineEnd - to > 4096) return undefined;
    from = lineStart <= 0 ? 0 : lineStart + 1;
    to = lineEnd < 0 ? buf.length : lineEnd;
    const last = regions[regions.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else regions.push([from, to]);
  }
  return regions;
}

function findWord(words: string[], haystack: string): string | undefined {
  return words.find((w) => haystack.includes(` ${w} `));
}

/**
 * One test for "any of these words occurs": most candidates have none of their rule's context
 * words nearby, and then findWord (which must name the first word in list order) is not needed.
 */
function anyWordRe(words: string[]): RegExp | undefined {
  return words.length ? new RegExp(` (?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}) `) : undefined;
}

function findWordFast(words: string[], any: RegExp | undefined, haystack: string): string | undefined {
  return any && any.test(haystack) ? findWord(words, haystack) : undefined;
}

export class Classifier {
  readonly rules: CompiledRule[];
  /** Which patterns match a text at all. */
  private readonly prefilterSets: PatternPrefilter;
  /** Every rule's gate words, numbered as in keywordIdx; their Set is compiled on first use. */
  private readonly keywords = new Map<string, number>();
  private keywordSets?: Array<InstanceType<typeof RE2.Set>>;
  private readonly hintWords = new Map<string, string>();

  constructor(defs: RuleDef[]) {
    this.rules = defs.map(compileRule);
    const patterns: PrefilterPattern[] = [];
    this.rules.forEach((r, ri) => r.sources.forEach((source, pi) => patterns.push({ source, caseInsensitive: r.def.case_insensitive ?? false, owner: [ri, pi] })));
    this.prefilterSets = new PatternPrefilter(patterns);
    const keywords = this.keywords;
    for (const r of this.rules) {
      r.keywordIdx = r.keywords.map((k) => {
        if (!keywords.has(k)) keywords.set(k, keywords.size);
        return keywords.get(k)!;
      });
    }
  }

  /** Indices of the gate words that occur in `buf`. */
  private keywordsIn(buf: Buffer): Set<number> {
    if (!this.keywordSets) {
      const all = [...this.keywords.keys()].map(looseKeyword);
      this.keywordSets = [];
      for (let i = 0; i < all.length; i += KEYWORD_SET_SIZE) this.keywordSets.push(new RE2.Set(all.slice(i, i + KEYWORD_SET_SIZE), 'u'));
    }
    const present = new Set<number>();
    this.keywordSets.forEach((set, s) => {
      for (const k of set.match(buf)) present.add(s * KEYWORD_SET_SIZE + k);
    });
    return present;
  }

  classifyText(text: string, opts: ClassifyOptions = {}): Match[] {
    return this.classifyBuffer(Buffer.from(text.normalize('NFC'), 'utf8'), opts);
  }

  /** [rule index, pattern index] of every pattern that may match somewhere in `buf`. */
  prefilter(buf: Buffer): Array<[number, number]> {
    return this.prefilterSets.matching(buf);
  }

  /** `buf` must already be NFC (see normalizeBuffer). Matches are sorted by position. */
  classifyBuffer(buf: Buffer, opts: ClassifyOptions = {}): Match[] {
    if (buf.length === 0) return [];
    const runs = this.prefilterSets.matching(buf);
    if (runs.length === 0) return [];
    let present: Set<number> | undefined;
    const hintWords = opts.hint ? wordsOf(opts.hint) : '';
    const out: Match[] = [];
    const whole: Array<[number, number]> = [[0, buf.length]];
    const regionsOf = new Map<CompiledRule, Array<[number, number]> | undefined>();
    const passes = new Map<string, { where: Array<[number, number]>; spans: Array<[number, number]> }>();
    for (const [ri, pi] of runs) {
      const rule = this.rules[ri]!;
      let regions: Array<[number, number]> | undefined;
      if (rule.keywordIdx.length) {
        present ??= this.keywordsIn(buf);
        const inHint = findWord(rule.keywords, hintWords) !== undefined;
        if (!inHint && !rule.keywordIdx.some((k) => present!.has(k))) continue;
        // Column headers (hintAt) can carry the context word far from the value: scan it all then.
        if (!inHint && !opts.hintAt) {
          if (!regionsOf.has(rule)) regionsOf.set(rule, keywordRegions(rule, buf));
          regions = regionsOf.get(rule);
        }
      }
      // Rules that share a pattern (a 12-digit CCCD, tax ID and driver's licence) share its pass.
      const re = regexOf(rule, pi);
      const where = regions ?? whole;
      const key = `${re.flags}/${rule.group}/${re.source}`;
      let found = passes.get(key);
      if (found?.where !== where) passes.set(key, (found = { where, spans: valueSpans(re, rule.group, buf, where) }));
      for (const [start, end] of found.spans) {
        const match = this.evaluate(rule, buf, start, end, hintWords, opts);
        if (match) out.push(match);
      }
    }
    return resolveOverlaps(out);
  }

  private evaluate(rule: CompiledRule, buf: Buffer, start: number, end: number, hintWords: string, opts: ClassifyOptions): Match | undefined {
    const value = buf.toString('utf8', start, end);
    if (rule.allowValues.has(value) || (rule.def.allowlist?.patterns?.length && allowPatternsOf(rule).some((p) => p.test(value)))) return undefined;
    // Context is looked at first when the rule cannot report without it: most candidates of such
    // rules (every number for a bank account) leave here, before the validator runs.
    let context: { dropped: boolean; word?: string } | undefined;
    const contextOnce = () => (context ??= this.context(rule, buf, start, end, hintWords, opts));
    if (rule.ctxRequired) {
      const c = contextOnce();
      if (c.dropped || !c.word) return undefined;
    }
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

    const c = contextOnce();
    if (c.dropped) return undefined;
    if (c.word) {
      score += rule.ctxBoost;
      explain.push(`context word "${c.word}" nearby (+${round(rule.ctxBoost)})`);
    } else if (needContext) {
      return undefined;
    }

    score = Math.min(1, round(score));
    const confidence = confidenceFromScore(score);
    if (!confidence) return undefined;
    explain.push(`score ${score} → ${confidence} confidence`);
    return { ruleId: rule.def.id, category: rule.def.category, start, end, value, score, confidence, explain };
  }

  /** Negative context drops the value; otherwise the first context word near it or in its hints. */
  private context(rule: CompiledRule, buf: Buffer, start: number, end: number, hintWords: string, opts: ClassifyOptions): { dropped: boolean; word?: string } {
    if (!rule.ctxWords.length && !rule.negWords.length) return { dropped: false };
    const before = sliceBefore(buf, start, Math.max(rule.ctxBefore, rule.negBefore));
    const after = sliceAfter(buf, end, Math.max(rule.ctxAfter, rule.negAfter));
    const last = (s: string, n: number) => (n <= 0 ? '' : s.slice(Math.max(0, s.length - n)));
    // The value's own column header is its label too: a "Số lượng" column holds quantities, not IDs.
    const at = opts.hintAt?.(start);
    const contextWord = () =>
      findWordFast(rule.ctxWords, rule.ctxAny, `${wordsOf(`${last(before, rule.ctxBefore)} \u0000 ${after.slice(0, rule.ctxAfter)}`)}${hintWords}${at ? this.hintWordsOf(at) : ''}`);
    // A rule that requires context reports nothing without a word, dropped or not: most of its
    // candidates (every number for a bank account) leave here, before the negative check.
    const word = rule.ctxRequired ? contextWord() : undefined;
    if (rule.ctxRequired && !word) return { dropped: false };
    const ownLabel = `${last(before, rule.negBefore)} \u0000 ${after.slice(0, rule.negAfter)}${at ? ` \u0000 ${at}` : ''}`;
    if (rule.negWords.length && findWordFast(rule.negWords, rule.negAny, wordsOf(ownLabel))) return { dropped: true };
    if (!rule.ctxWords.length) return { dropped: false };
    return { dropped: false, word: rule.ctxRequired ? word : contextWord() };
  }

  /** wordsOf a column header: the same few headers come back for every cell of a table. */
  private hintWordsOf(hint: string): string {
    let words = this.hintWords.get(hint);
    if (words === undefined) {
      if (this.hintWords.size >= MAX_CACHED_HINTS) this.hintWords.clear();
      this.hintWords.set(hint, (words = wordsOf(hint)));
    }
    return words;
  }
}

/** Byte spans of the value group of every match of `re` in the given windows of `buf`. */
function valueSpans(re: RE2, group: number, buf: Buffer, windows: Array<[number, number]>): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const [from, to] of windows) {
    const text = from === 0 && to === buf.length ? buf : buf.subarray(from, to);
    re.lastIndex = 0;
    let m: ReturnType<RE2['exec']>;
    while ((m = re.exec(text)) !== null) {
      const full = m.indices?.[0];
      if (full && full[0] === full[1]) re.lastIndex++;
      const span = m.indices?.[group];
      if (span) spans.push([from + span[0], from + span[1]]);
    }
  }
  return spans;
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

