/**
 * rules/synthetic-values.yml compiled: is a detected value obviously made up (x@y.com,
 * 0912345678, "Test Member", "123 Main St")? Schema-checked like every rules file; a bad file
 * fails with a ConfigError naming the file and field.
 */
import RE2 from 're2';
import { ConfigError } from '../../util/errors.js';
import { syntheticValuesFile } from '../../rules/catalogue.js';
import { isCategory } from '../../model/categories.js';
import { foldedValue } from '../keyed/fold-value.js';

type Verdict = 'placeholder' | 'synthetic';

export interface SyntheticVerdict {
  /** Made up: a sample domain, a sequential number, "Test …" (reported as a note). */
  synthetic: boolean;
  /** So obviously a placeholder (x@y.com, your-password) that it is not reported at all by default. */
  placeholder: boolean;
  /** Which recogniser decided and on what, never the value (for --explain). */
  reason?: string;
  /** The id of the recogniser that decided (records spread some of them: see RecordPolicy). */
  recogniser?: string;
}

interface RecogniserFile {
  id: string;
  verdict: Verdict;
  categories?: string[];
  values?: string[];
  first_words?: string[];
  patterns?: string[];
  email_domains?: string[];
  email_locals?: string[];
  digits?: { min_digits: number; run?: number; max_distinct?: number };
  line_patterns?: string[];
}

/** How values of one file are read together as a person's record (see `records:` in the file). */
export interface RecordsFile {
  window_lines: number;
  line_records: string[];
  identifiers: string[];
  not_identifier_rules: string[];
  contagious: string[];
  contagious_categories: string[];
}

export interface SyntheticValuesFile {
  version: 1;
  recognisers: RecogniserFile[];
  records: RecordsFile;
  examples: Record<'placeholder' | 'synthetic' | 'realistic', Array<[string, string]>>;
}

interface Recogniser {
  id: string;
  verdict: Verdict;
  categories?: Set<string>;
  /** Returns a description of what matched (never the value), or undefined. */
  test: (value: string, folded: string, line?: string) => string | undefined;
}

function compileRe(source: string, where: string): RE2 {
  try {
    return new RE2(source, 'iu');
  } catch (err) {
    throw new ConfigError(`${where}: RE2 cannot compile this pattern (${(err as Error).message})`);
  }
}

function emailParts(value: string): { local: string; domain: string } | undefined {
  const at = value.lastIndexOf('@');
  return at > 0 ? { local: value.slice(0, at).toLowerCase(), domain: value.slice(at + 1).toLowerCase() } : undefined;
}

/** Longest run of consecutive digits going up or down by one (0123456, 98765). */
function longestRun(digits: string): number {
  let best = digits.length ? 1 : 0;
  let up = 1;
  let down = 1;
  for (let i = 1; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    best = Math.max(best, up, down);
  }
  return best;
}

function longestRepeat(digits: string): number {
  let best = digits.length ? 1 : 0;
  let n = 1;
  for (let i = 1; i < digits.length; i++) {
    n = digits[i] === digits[i - 1] ? n + 1 : 1;
    best = Math.max(best, n);
  }
  return best;
}

function compileRecogniser(r: RecogniserFile, where: string): Recogniser {
  const unknown = r.categories?.find((c) => !isCategory(c));
  if (unknown) throw new ConfigError(`${where}.categories: unknown category "${unknown}" (see \`pdscan rules\`)`);
  const tests: Array<Recogniser['test']> = [];
  if (r.values) {
    const set = new Set(r.values.map(foldedValue));
    tests.push((_v, folded) => (set.has(folded) ? 'a listed sample value' : undefined));
  }
  if (r.first_words) {
    const set = new Set(r.first_words.map(foldedValue));
    tests.push((_v, folded) => (set.has(folded.split(' ')[0] ?? '') ? 'starts with a test/sample word' : undefined));
  }
  if (r.patterns) {
    const res = r.patterns.map((p, i) => compileRe(p, `${where}.patterns[${i}]`));
    tests.push((v, folded) => {
      const i = res.findIndex((re) => re.test(v) || re.test(folded));
      return i < 0 ? undefined : `pattern ${i + 1} of ${res.length}`;
    });
  }
  if (r.email_domains) {
    const domains = r.email_domains.map((d) => d.toLowerCase());
    tests.push((v) => {
      const e = emailParts(v);
      return e && domains.some((d) => e.domain === d || e.domain.endsWith(`.${d}`)) ? 'a sample e-mail domain' : undefined;
    });
  }
  if (r.email_locals) {
    const locals = new Set(r.email_locals.map((l) => l.toLowerCase()));
    tests.push((v) => {
      const e = emailParts(v);
      if (!e) return undefined;
      const base = e.local.replace(/\+.*$/, '');
      return locals.has(base) || locals.has(base.replace(/[-_.]?\d+$/, '')) ? 'a sample mailbox name' : undefined;
    });
  }
  if (r.digits) {
    const { min_digits: min, run, max_distinct: maxDistinct } = r.digits;
    tests.push((v) => {
      const digits = v.replace(/\D+/g, '');
      if (digits.length < min) return undefined;
      if (maxDistinct !== undefined && new Set(digits).size <= maxDistinct) return `${maxDistinct === 1 ? 'one repeated digit' : `at most ${maxDistinct} distinct digits`}`;
      if (run !== undefined && (longestRun(digits) >= run || longestRepeat(digits) >= run)) return `a run of ${run}+ sequential or repeated digits`;
      return undefined;
    });
  }
  if (r.line_patterns) {
    // Judged on the value's line, not the value: an organisation's letterhead or hotline.
    const res = r.line_patterns.map((p, i) => compileRe(p, `${where}.line_patterns[${i}]`));
    tests.push((_v, _folded, line) => {
      const i = line === undefined ? -1 : res.findIndex((re) => re.test(line));
      return i < 0 ? undefined : `line pattern ${i + 1} of ${res.length}`;
    });
  }
  return {
    id: r.id,
    verdict: r.verdict,
    categories: r.categories ? new Set(r.categories) : undefined,
    test: (v, folded, line) => {
      for (const t of tests) {
        const why = t(v, folded, line);
        if (why) return why;
      }
      return undefined;
    },
  };
}

export interface RecordPolicy {
  /** Lines either side of a value that belong to the same record (0 for line-per-record files). */
  windowLines: number;
  /** Extensions of files that hold one record per line (CSV, NDJSON, logs). */
  lineRecords: Set<string>;
  /** Categories that name a person (a name, a phone, an e-mail, an ID number). */
  identifiers: Set<string>;
  /** Rules of those categories that do not (a login name under a key: often an internal id). */
  notIdentifierRules: Set<string>;
  /** Recognisers whose made-up value makes the whole record made up (a demo account). */
  contagious: Set<string>;
  /** ...when the made-up value is of one of these categories. */
  contagiousCategories: Set<string>;
}

export interface SyntheticPolicy {
  recognisers: Recogniser[];
  records: RecordPolicy;
}

export function compileSyntheticValues(file: SyntheticValuesFile, display: string): SyntheticPolicy {
  const recognisers = file.recognisers.map((r, i) => compileRecogniser(r, `${display}: recognisers[${i}]`));
  // Placeholders first: "your-…" is dropped even when a synthetic recogniser also matches.
  recognisers.sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === 'placeholder' ? -1 : 1));
  const r = file.records;
  const unknown = r.identifiers.find((c) => !isCategory(c));
  if (unknown) throw new ConfigError(`${display}: records.identifiers: unknown category "${unknown}" (see \`pdscan rules\`)`);
  const ids = new Set(recognisers.map((x) => x.id));
  const stray = r.contagious.find((id) => !ids.has(id));
  if (stray) throw new ConfigError(`${display}: records.contagious: no recogniser "${stray}"`);
  const records: RecordPolicy = {
    windowLines: r.window_lines,
    lineRecords: new Set(r.line_records.map((e) => e.toLowerCase())),
    identifiers: new Set(r.identifiers),
    notIdentifierRules: new Set(r.not_identifier_rules),
    contagious: new Set(r.contagious),
    contagiousCategories: new Set(r.contagious_categories),
  };
  return { recognisers, records };
}

/** The built-in file through the rule catalogue. */
export function loadSyntheticValuesFile(): SyntheticValuesFile {
  return syntheticValuesFile();
}

let cached: SyntheticPolicy | undefined;

export function syntheticPolicy(): SyntheticPolicy {
  return (cached ??= compileSyntheticValues(loadSyntheticValuesFile(), 'rules/synthetic-values.yml'));
}

const REALISTIC: SyntheticVerdict = { synthetic: false, placeholder: false };

/** Mail providers whose name a repository may carry ("gmail-clone") without owning the domain. */
const FREE_MAIL = new Set(['gmail', 'googlemail', 'yahoo', 'outlook', 'hotmail', 'icloud', 'proton', 'protonmail', 'live', 'msn', 'aol', 'yandex', 'zoho', 'gmx', 'mail', 'email', 'qq', 'fastmail']);

/**
 * The lower-case names a repository goes by, from the directory scanned and its parent
 * (".../openstatus/openstatus", "openstatusHQ+openstatus"): an address at a domain named like
 * the project (team@openstatus.dev) is the company's mailbox or its founders' public contact.
 */
export function projectNamesOf(rootDir: string): string[] {
  const parts = rootDir.split(/[\\/]+/).filter(Boolean).slice(-2);
  return parts.map((p) => p.toLowerCase());
}

function atProjectDomain(value: string, projectNames: readonly string[]): boolean {
  const e = emailParts(value);
  if (!e) return false;
  const labels = e.domain.split('.').slice(0, -1);
  return labels.some((l) => l.length >= 4 && !FREE_MAIL.has(l) && projectNames.some((n) => n.includes(l)));
}

/**
 * Whether a value of this category looks made up (or is an organisation's rather than a person's),
 * and which recogniser said so. `line`: the text of the value's line, for `line_patterns`
 * recognisers (not given for values in data files, where a customer's company sits beside them).
 */
export function judgeSynthetic(value: string, category: string, policy: SyntheticPolicy = syntheticPolicy(), projectNames: readonly string[] = [], line?: string): SyntheticVerdict {
  const trimmed = value.trim();
  const folded = foldedValue(trimmed);
  for (const r of policy.recognisers) {
    if (r.categories && !r.categories.has(category)) continue;
    const why = r.test(trimmed, folded, line);
    if (why) return { synthetic: true, placeholder: r.verdict === 'placeholder', reason: `${r.id} (${why})`, recogniser: r.id };
  }
  if (category === 'digital-account' && projectNames.length && atProjectDomain(trimmed, projectNames)) {
    return { synthetic: true, placeholder: false, reason: "project-domain (an address at the project's own domain: a company mailbox, not a customer's)", recogniser: 'project-domain' };
  }
  return REALISTIC;
}
