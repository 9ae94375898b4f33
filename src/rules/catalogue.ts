/**
 * The rule catalogue: the only code that reads rules/*.yml. Each file is read when first asked
 * for, validated (its JSON Schema in schemas/, plus the checks a schema cannot express), and kept
 * for the life of the process (each worker thread has its own copy).
 *
 * Everything goes through one CatalogueSource, so a build step can later hand the catalogue a
 * prebuilt, already-validated artefact instead of parsing YAML at start-up.
 *
 * Files of the same kind that users supply (rule_files packs, test copies of names.yml) go through
 * the same checks with `checkRulesData`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { RULES_DIR } from '../util/paths.js';
import { ConfigError } from '../util/errors.js';
import { readYamlFile } from '../util/yaml.js';
import { assertSchema } from '../util/schema.js';
import { checkObligationsFile } from './obligations-check.js';
import type { RulePack } from './types.js';
import type { CodeRulesFile } from './meta/code.js';
import type { CategoriesFile } from '../model/categories.js';
import type { ObligationsFile } from '../model/obligations.js';
import type { KeyedValuesFile } from '../classify/keyed/policy.js';
import type { NamesFile } from '../classify/names/lexicon.js';
import type { PurposesFile } from '../sources/code/flows/purposes.js';
import type { RecipientsFile } from '../sources/code/flows/recipients.js';
import type { FileContextsFile } from '../classify/context/file-context.js';
import type { SyntheticValuesFile } from '../classify/synthetic/synthetic.js';

/** Where the catalogue's data comes from. */
export interface CatalogueSource {
  /** The parsed content of a file under rules/, e.g. "names.yml" or "lists/vi-provinces.yml". */
  read(rel: string): unknown;
  /** The .yml files of a folder under rules/ ("" for rules/ itself), sorted; none when it is missing. */
  list(dir: string): string[];
}

export const yamlSource: CatalogueSource = {
  read: (rel) => readYamlFile(path.join(RULES_DIR, rel), `rules/${rel}`),
  list: (dir) => {
    try {
      return readdirSync(path.join(RULES_DIR, dir)).filter((f) => f.endsWith('.yml')).sort();
    } catch {
      return [];
    }
  },
};

function checkPurposes(data: unknown, display: string): PurposesFile {
  const file = assertSchema<PurposesFile>('purposes.schema.json', data, display);
  const keys = new Set(file.purposes.map((p) => p.key));
  for (const rule of file.inference.context) {
    if (!keys.has(rule.purpose)) throw new ConfigError(`${display}: context rule names unknown purpose ${rule.purpose}`);
  }
  return file;
}

function checkList(data: unknown, display: string): string[] {
  const checked = assertSchema<string[] | { entries: string[] }>('list.schema.json', data, display);
  return (Array.isArray(checked) ? checked : checked.entries).map((e) => e.normalize('NFC'));
}

/** How each kind of rules file is checked; the result is the typed content. */
const CHECKS = {
  categories: (d: unknown, display: string) => assertSchema<CategoriesFile>('categories.schema.json', d, display),
  'code-rules': (d: unknown, display: string) => assertSchema<CodeRulesFile>('code-rules.schema.json', d, display),
  'keyed-values': (d: unknown, display: string) => assertSchema<KeyedValuesFile>('keyed-values.schema.json', d, display),
  names: (d: unknown, display: string) => assertSchema<NamesFile>('names.schema.json', d, display),
  obligations: (d: unknown, display: string) => checkObligationsFile(d, Object.keys(categoriesFile().regimes), display),
  purposes: checkPurposes,
  recipients: (d: unknown, display: string) => assertSchema<RecipientsFile>('recipients.schema.json', d, display),
  'file-contexts': (d: unknown, display: string) => assertSchema<FileContextsFile>('file-contexts.schema.json', d, display),
  'synthetic-values': (d: unknown, display: string) => assertSchema<SyntheticValuesFile>('synthetic-values.schema.json', d, display),
  pack: (d: unknown, display: string) => assertSchema<RulePack>('rule-pack.schema.json', d, display),
  list: checkList,
};

export type RulesFileKind = keyof typeof CHECKS;
export type RulesData<K extends RulesFileKind> = ReturnType<(typeof CHECKS)[K]>;

/** Data files of rules/; every other rules/*.yml with a top-level `pack:` is a detection pack. */
const DATA_FILES: ReadonlySet<string> = new Set(['categories', 'code-rules', 'keyed-values', 'names', 'obligations', 'purposes', 'recipients', 'file-contexts', 'synthetic-values'].map((k) => `${k}.yml`));

/** Checks data of a rules-file kind that came from elsewhere (a user's pack, a test file). */
export function checkRulesData<K extends RulesFileKind>(kind: K, data: unknown, display: string): RulesData<K> {
  return CHECKS[kind](data, display) as RulesData<K>;
}

/** Reads and checks a file of a rules-file kind outside rules/ (rule_files, test copies). */
export function readRulesFile<K extends RulesFileKind>(kind: K, file: string, display: string): RulesData<K> {
  return checkRulesData(kind, readYamlFile(file, display), display);
}

let source: CatalogueSource = yamlSource;
const cache = new Map<string, unknown>();

/** Replaces where the catalogue reads from (a prebuilt artefact, a test double) and forgets what it read. */
export function useCatalogueSource(next: CatalogueSource): void {
  source = next;
  cache.clear();
}

function once<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}

function dataFile<K extends RulesFileKind>(kind: K): RulesData<K> {
  return once(kind, () => checkRulesData(kind, source.read(`${kind}.yml`), `rules/${kind}.yml`));
}

export const categoriesFile = (): CategoriesFile => dataFile('categories');
export const codeRulesFile = (): CodeRulesFile => dataFile('code-rules');
export const keyedValuesFile = (): KeyedValuesFile => dataFile('keyed-values');
export const namesFile = (): NamesFile => dataFile('names');
export const obligationsFile = (): ObligationsFile => dataFile('obligations');
export const purposesFile = (): PurposesFile => dataFile('purposes');
export const recipientsFile = (): RecipientsFile => dataFile('recipients');
export const fileContextsFile = (): FileContextsFile => dataFile('file-contexts');
export const syntheticValuesFile = (): SyntheticValuesFile => dataFile('synthetic-values');

/** The built-in detection packs, in file-name order, each with the display name errors use. */
export function builtinPacks(): Array<{ display: string; pack: RulePack }> {
  return once('packs', () =>
    source
      .list('')
      .filter((f) => !DATA_FILES.has(f))
      .map((f) => ({ display: `rules/${f}`, data: source.read(f) }))
      .filter(({ data }) => typeof data === 'object' && data !== null && 'pack' in data)
      .map(({ display, data }) => ({ display, pack: checkRulesData('pack', data, display) })),
  );
}

/** The word lists of rules/lists/ by name ("vi-provinces"), entries in NFC. */
export function wordLists(): ReadonlyMap<string, string[]> {
  return once('lists', () => new Map(source.list('lists').map((f) => [f.replace(/\.yml$/, ''), checkRulesData('list', source.read(`lists/${f}`), `rules/lists/${f}`)])));
}
