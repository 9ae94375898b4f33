/**
 * The rule catalogue: the only code that reads rules/*.yml. Each file is read when first asked
 * for, validated (its JSON Schema in schemas/, plus the checks a schema cannot express), and kept
 * for the life of the process (each worker thread has its own copy).
 *
 * Everything goes through one CatalogueSource. `npm run build` writes every file, already checked,
 * into one versioned artefact (dist/catalogue.json, see `buildPrebuilt`) that loads with one
 * JSON.parse: no YAML parsing and no schema compiling at start-up. It is used when its pdscan
 * version and the hash of rules/ and schemas/ match; otherwise (running from source, rules edited
 * since the build) the catalogue reads rules/*.yml and `catalogueNote()` says why.
 *
 * Files of the same kind that users supply (rule_files packs, test copies of names.yml) go through
 * the same checks with `checkRulesData`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT, RULES_DIR, SCHEMAS_DIR } from '../util/paths.js';
import { TOOL_VERSION } from '../util/version.js';
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
  /** The data was checked when it was built (a prebuilt artefact): the checks are not run again. */
  checked?: boolean;
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

let chosen: CatalogueSource | undefined;
let note: string | undefined;
const cache = new Map<string, unknown>();

/** Replaces where the catalogue reads from (a prebuilt artefact, a test double) and forgets what it read. */
export function useCatalogueSource(next: CatalogueSource): void {
  chosen = next;
  note = undefined;
  cache.clear();
}

function source(): CatalogueSource {
  return (chosen ??= defaultSource());
}

/** Whether the rules in use were checked at build time (built-in patterns need no RE2 trial compile). */
export function catalogueIsPrebuilt(): boolean {
  return source().checked === true;
}

/** Why the prebuilt catalogue is not in use (missing, stale), once the catalogue has been read. */
export function catalogueNote(): string | undefined {
  return note;
}

/** The prebuilt catalogue: every rules file, already checked, keyed by its path under rules/. */
export interface PrebuiltCatalogue {
  format: number;
  /** The pdscan version that built it. */
  version: string;
  /** `sourceHash()` when it was built. */
  hash: string;
  /** The .yml files of each folder under rules/ that the catalogue lists ("" and "lists"). */
  dirs: Record<string, string[]>;
  /** Path under rules/ → checked content. */
  files: Record<string, unknown>;
}

const PREBUILT_FORMAT = 1;
/** Next to the compiled code: dist/catalogue.json for dist/rules/catalogue.js; absent beside src/. */
export const PREBUILT_FILE = fileURLToPath(new URL('../catalogue.json', import.meta.url));

function filesUnder(dir: string, ext: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), ext).map((f) => `${e.name}/${f}`) : e.name.endsWith(ext) ? [e.name] : []))
    .sort();
}

/** Hash of everything the catalogue's content depends on: rules/**\/*.yml and schemas/*.json. */
export function sourceHash(): string {
  const h = createHash('sha256');
  for (const [dir, ext] of [[RULES_DIR, '.yml'], [SCHEMAS_DIR, '.json']] as const) {
    for (const f of filesUnder(dir, ext)) {
      h.update(`${path.relative(PACKAGE_ROOT, path.join(dir, f))}\0`);
      h.update(readFileSync(path.join(dir, f)));
      h.update('\0');
    }
  }
  return h.digest('hex');
}

/** Reads every rules file through the YAML source and runs every check: what `npm run build` writes. */
export function buildPrebuilt(): PrebuiltCatalogue {
  useCatalogueSource(yamlSource);
  const files: Record<string, unknown> = {};
  for (const f of [...DATA_FILES].sort()) files[f] = dataFile(f.replace(/\.yml$/, '') as RulesFileKind);
  for (const { display, pack } of builtinPacks()) files[display.slice('rules/'.length)] = pack;
  for (const [name, entries] of wordLists()) files[`lists/${name}.yml`] = entries;
  const dirs = { '': yamlSource.list('').filter((f) => f in files), lists: yamlSource.list('lists') };
  return { format: PREBUILT_FORMAT, version: TOOL_VERSION, hash: sourceHash(), dirs, files };
}

/** The prebuilt artefact as a source, or why it cannot be used. */
export function prebuiltSource(file = PREBUILT_FILE): CatalogueSource | string {
  let data: PrebuiltCatalogue;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as PrebuiltCatalogue;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no prebuilt rule catalogue (running from source?)' : `prebuilt rule catalogue unreadable (${code ?? (err as Error).message})`;
  }
  if (!data || typeof data !== 'object' || data.format !== PREBUILT_FORMAT || typeof data.files !== 'object' || typeof data.dirs !== 'object') return 'prebuilt rule catalogue has an unknown format';
  if (data.version !== TOOL_VERSION) return `prebuilt rule catalogue is from pdscan ${String(data.version)}, this is ${TOOL_VERSION}`;
  if (data.hash !== sourceHash()) return 'prebuilt rule catalogue is stale (rules/ or schemas/ changed since the build)';
  return {
    checked: true,
    read: (rel) => {
      if (!(rel in data.files)) throw new ConfigError(`rules/${rel}: not in the prebuilt rule catalogue`);
      return data.files[rel];
    },
    list: (dir) => data.dirs[dir] ?? [],
  };
}

function defaultSource(): CatalogueSource {
  const prebuilt = prebuiltSource();
  if (typeof prebuilt !== 'string') return prebuilt;
  note = `${prebuilt}: reading rules/*.yml instead, which is slower to start (npm run build rebuilds it)`;
  return yamlSource;
}

function once<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}

/** Reads a file of rules/ and checks it, unless the source was checked when it was built. */
function readChecked<K extends RulesFileKind>(kind: K, rel: string, data = source().read(rel)): RulesData<K> {
  return source().checked ? (data as RulesData<K>) : checkRulesData(kind, data, `rules/${rel}`);
}

function dataFile<K extends RulesFileKind>(kind: K): RulesData<K> {
  return once(kind, () => readChecked(kind, `${kind}.yml`));
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
    source()
      .list('')
      .filter((f) => !DATA_FILES.has(f))
      .map((f) => ({ f, display: `rules/${f}`, data: source().read(f) }))
      .filter(({ data }) => typeof data === 'object' && data !== null && 'pack' in data)
      .map(({ f, display, data }) => ({ display, pack: readChecked('pack', f, data) })),
  );
}

/** The word lists of rules/lists/ by name ("vi-provinces"), entries in NFC. */
export function wordLists(): ReadonlyMap<string, string[]> {
  return once('lists', () => new Map(source().list('lists').map((f) => [f.replace(/\.yml$/, ''), readChecked('list', `lists/${f}`)])));
}
