/**
 * rules/keyed-values.yml compiled: which categories a keyed value may report, and the tests that
 * make a value plausible for each. Validated with schemas/keyed-values.schema.json; a bad file
 * fails with a ConfigError naming the file and field, like every other rules file.
 */
import RE2 from 're2';
import { ConfigError } from '../../util/errors.js';
import { listEntries } from '../../rules/macros.js';
import { catalogueIsPrebuilt, keyedValuesFile, readRulesFile } from '../../rules/catalogue.js';
import { isCategory, type CategoryId } from '../../model/categories.js';
import { requireValidator } from '../validators/index.js';
import type { Validator } from '../validators/types.js';
import type { Confidence } from '../../model/finding.js';
import { foldedValue } from './fold-value.js';

type Word = string | number | null;

interface TestFile {
  validator?: string;
  values?: Word[];
  list?: string;
  contains?: boolean;
  qualifiers?: Word[];
  patterns?: string[];
  also?: string[];
}

interface CategoryFile {
  min_key?: Confidence;
  booleans?: 'flag' | 'never';
  numbers?: boolean;
  reject_patterns?: string[];
  accept: TestFile[];
}

export interface KeyedValuesFile {
  version: 1;
  placeholders: { values: Word[]; patterns: string[] };
  type_names: Word[];
  heading_words: Word[];
  flag_prefixes: string[];
  labels_file: { path_words: string[]; min_labels: number; min_share: number };
  categories: Record<string, CategoryFile>;
}

/** One way a value can be plausible; `describe` names it for --explain. */
export interface ValueTest {
  describe: string;
  /** Returns a reason when the value passes, undefined otherwise. */
  run: (value: string, folded: string) => string | undefined;
  also: CategoryId[];
}

export interface CategoryPolicy {
  category: CategoryId;
  minKey: Confidence;
  booleans: 'flag' | 'never';
  /** Unquoted numbers can be values (PIN, birth year). */
  numbers: boolean;
  reject: Pattern[];
  accept: ValueTest[];
}

export interface KeyedPolicy {
  placeholderValues: Set<string>;
  placeholderPatterns: Pattern[];
  typeNames: Set<string>;
  /** Folded phrases that end a heading label ("… released:"), longest first. */
  headingWords: string[];
  flagPrefixes: Set<string>;
  labelsFile: { pathWords: Set<string>; minLabels: number; minShare: number };
  categories: Map<CategoryId, CategoryPolicy>;
}

const word = (w: Word): string => String(w ?? 'null');

/** What the policy asks of a pattern. */
export interface Pattern {
  test(value: string): boolean;
}

/**
 * Compiled now (a file read at run time: its errors must show at load), or on first use (`lazy`)
 * when the file is the prebuilt catalogue's, already checked at build time: a one-file scan then
 * compiles the few patterns it meets instead of all of them.
 */
function compileRe(source: string, where: string, lazy: boolean): Pattern {
  const compile = () => {
    try {
      return new RE2(source, 'u');
    } catch (err) {
      throw new ConfigError(`${where}: RE2 cannot compile this pattern (${(err as Error).message})`);
    }
  };
  if (!lazy) return compile();
  let re: RE2 | undefined;
  return { test: (value) => (re ??= compile()).test(value) };
}

function compileTest(t: TestFile, where: string, lazy: boolean): ValueTest {
  const also = (t.also ?? []).map((c, i) => {
    if (!isCategory(c)) throw new ConfigError(`${where}.also[${i}]: unknown category "${c}" (see \`pdscan rules\`)`);
    return c;
  });
  if (t.validator) {
    const v: Validator = requireValidator(t.validator, where);
    return {
      describe: `validator ${t.validator}`,
      run: (value) => {
        const r = v(value);
        return r.valid ? r.reason : undefined;
      },
      also,
    };
  }
  if (t.values || t.list) {
    let entries: string[];
    try {
      entries = t.values ? t.values.map(word) : listEntries(t.list!);
    } catch (err) {
      throw new ConfigError(`${where}.list: ${(err as Error).message}`);
    }
    const set = new Set(entries.map(foldedValue).filter(Boolean));
    const name = t.values ? 'listed values' : `list ${t.list}`;
    if (!t.contains) {
      return { describe: name, run: (_v, folded) => (set.has(folded) ? `"${folded}" is one of the ${name}` : undefined), also };
    }
    // Containment: "Dân tộc Tày", "Người Hoa" — an entry plus qualifier words, nothing else.
    const maxWords = Math.max(1, ...[...set].map((e) => e.split(' ').length));
    const qualifiers = new Set((t.qualifiers ?? []).map((w) => foldedValue(word(w))).flatMap((w) => w.split(' ')));
    return {
      describe: `${name} (with qualifiers)`,
      run: (_v, folded) => {
        const words = folded.split(' ');
        for (let i = 0; i < words.length; i++) {
          for (let n = Math.min(maxWords, words.length - i); n >= 1; n--) {
            const phrase = words.slice(i, i + n).join(' ');
            if (!set.has(phrase)) continue;
            const rest = [...words.slice(0, i), ...words.slice(i + n)];
            if (rest.every((w) => qualifiers.has(w))) return `"${phrase}" from the ${name}`;
          }
        }
        return undefined;
      },
      also,
    };
  }
  const res = t.patterns!.map((p, i) => compileRe(p, `${where}.patterns[${i}]`, lazy));
  return {
    describe: 'value patterns',
    run: (value) => {
      const i = res.findIndex((re) => re.test(value));
      return i < 0 ? undefined : `value shape matches pattern ${i + 1} of ${res.length}`;
    },
    also,
  };
}

export function compileKeyedPolicy(file: KeyedValuesFile, display: string, lazy = false): KeyedPolicy {
  const categories = new Map<CategoryId, CategoryPolicy>();
  for (const [id, c] of Object.entries(file.categories)) {
    const where = `${display}: categories.${id}`;
    if (!isCategory(id)) throw new ConfigError(`${where}: unknown category "${id}" (see \`pdscan rules\`)`);
    categories.set(id, {
      category: id,
      minKey: c.min_key ?? 'medium',
      booleans: c.booleans ?? 'never',
      numbers: c.numbers ?? false,
      reject: (c.reject_patterns ?? []).map((p, i) => compileRe(p, `${where}.reject_patterns[${i}]`, lazy)),
      accept: c.accept.map((t, i) => compileTest(t, `${where}.accept[${i}]`, lazy)),
    });
  }
  return {
    placeholderValues: new Set(file.placeholders.values.map((w) => foldedValue(word(w)) || word(w))),
    placeholderPatterns: file.placeholders.patterns.map((p, i) => compileRe(p, `${display}: placeholders.patterns[${i}]`, lazy)),
    typeNames: new Set(file.type_names.map((w) => word(w).toLowerCase())),
    headingWords: file.heading_words.map((w) => foldedValue(word(w))).filter(Boolean).sort((a, b) => b.length - a.length),
    flagPrefixes: new Set(file.flag_prefixes),
    labelsFile: { pathWords: new Set(file.labels_file.path_words), minLabels: file.labels_file.min_labels, minShare: file.labels_file.min_share },
    categories,
  };
}

let cached: KeyedPolicy | undefined;

/** The built-in policy, or one read from another file (tests). */
export function loadKeyedPolicy(file?: string, display = file ?? 'rules/keyed-values.yml'): KeyedPolicy {
  if (file) return compileKeyedPolicy(readRulesFile('keyed-values', file, display), display);
  return compileKeyedPolicy(keyedValuesFile(), display, catalogueIsPrebuilt());
}

/** The built-in policy, compiled once per process (worker). */
export function keyedPolicy(): KeyedPolicy {
  return (cached ??= loadKeyedPolicy());
}
