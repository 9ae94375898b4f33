/**
 * rules/names.yml compiled into lookup tables: term and owner-word spans keyed by their tokens
 * ("so dien thoai") and by the tokens glued together ("sodienthoai"), so both spellings meet.
 * Validated with schemas/names.schema.json; every error names the file and the field.
 */
import { ConfigError } from '../../util/errors.js';
import { namesFile, readRulesFile } from '../../rules/catalogue.js';
import { isCategory, type CategoryId } from '../../model/categories.js';
import type { Confidence } from '../../model/finding.js';
import { SpanTable, tokensOrThrow } from './spans.js';
import { compileContexts, type ContextFile, type OwnerContexts } from './contexts.js';
import { compileCompanions, type CompanionFile, type Companions, type ContactOwnersFile } from './companions.js';
import { compileRecords, type Records, type RecordsFile } from './records.js';

export type OwnerKind = 'person' | 'record' | 'non-person' | 'unknown';
/**
 * Owner-word classes in names.yml; a container defers to an owner word before it. The weak classes
 * decide in one place only: person-weak as an owning type (Member.name), non-person-weak inside an
 * identifier right before an ambiguous term (operationName, tableName). person-bare is a person only
 * as the whole owning type (Client, but not SmtpClient).
 */
export type OwnerWordKind = Exclude<OwnerKind, 'unknown'> | 'container' | 'person-weak' | 'person-bare' | 'non-person-weak';
export type OwnerPolicy = 'any' | 'not-non-person' | 'person';
export type Level = Confidence | 'none';

interface TermGroupFile {
  category: string;
  owner: OwnerPolicy;
  alone?: boolean;
  head_first?: boolean;
  high?: string[];
  medium?: string[];
  low?: string[];
  by_owner?: Partial<Record<'person' | 'record' | 'unknown' | 'non_person', Level>>;
}

interface PromotionFile {
  words: string[];
  of: string[];
  category: string;
}

interface VetoFile {
  words: string[];
  except?: string[];
  only?: string[];
}

export interface NamesFile {
  version: 1;
  owners: { person: string[]; person_weak: string[]; person_bare?: string[]; record: string[]; non_person: string[]; non_person_weak?: string[]; container: string[] };
  negatives: { leading: VetoFile; after_term: VetoFile[] };
  promotions?: PromotionFile[];
  protection: { hashing: string[]; encryption: string[]; masking: string[] };
  terms: TermGroupFile[];
  contexts?: ContextFile[];
  companions?: CompanionFile[];
  contact_owners?: ContactOwnersFile;
  records?: RecordsFile;
  values?: { config_owners?: string[]; meta_owners?: Record<string, string[]>; file_parts?: string[]; option_bags?: string[]; unknown_payload?: { category: string; sources: string[] } };
}

/** Words about values read in code (rules/names.yml `values`), matched as written (case-insensitive). */
export interface ValueWords {
  /** Objects of configuration or server state: nothing read through them is a data subject's. */
  configOwners: ReadonlySet<string>;
  /** Metadata objects and the only categories read through them. */
  metaOwners: ReadonlyMap<string, ReadonlySet<string>>;
  /** Properties of a file holding its content or location. */
  fileParts: ReadonlySet<string>;
  /** Parameter names of options objects, spaces removed (options, opts, args, mailoptions). */
  optionBags: ReadonlySet<string>;
  /** Payloads of unknown shape reported as "may hold personal data": their category, and which request sources count. */
  unknownPayload?: { category: CategoryId; sources: ReadonlySet<string> };
}

export interface Term {
  /** As written in rules/names.yml. */
  text: string;
  tokens: number;
  category: CategoryId;
  policy: OwnerPolicy;
  /** Counts only as the whole identifier, apart from owner words. */
  alone?: boolean;
  /** A Vietnamese head noun: the word right after it names whose it is (tên_thuốc is a drug's name). */
  headFirst?: boolean;
  /** Confidence for each owner kind (already resolved from the policy and by_owner). */
  byOwner: Record<OwnerKind, Level>;
}

export interface Veto {
  /** Applies to every category but these... */
  except?: Set<string>;
  /** ...or only to these. */
  only?: Set<string>;
}

/** An ID term next to one of `words` is about a picture of the document (cccdImage, anhChupCmnd). */
export interface Promotion {
  words: SpanTable<string>;
  of: Set<CategoryId>;
  category: CategoryId;
}

export interface Lexicon {
  terms: SpanTable<Term>;
  owners: SpanTable<OwnerWordKind>;
  promotions: Promotion[];
  leading: SpanTable<Veto>;
  afterTerm: SpanTable<Veto>;
  protection: SpanTable<'hashing' | 'encryption' | 'masking'>;
  contexts: OwnerContexts;
  /** What the other fields of a declared model say about a field (declarations only). */
  companions: Companions;
  /** Record kinds: what a person's record of one kind passes to its value fields (declarations only). */
  records?: Records;
  /** Every single word of the vocabulary (terms, owner words, contexts): what a glued token is cut into. */
  words: Set<string>;
  values: ValueWords;
}

const LEVELS: Level[] = ['none', 'low', 'medium', 'high'];
export const levelRank = (l: Level): number => LEVELS.indexOf(l);
export const shiftLevel = (l: Level, by: number): Level =>
  l === 'none' ? 'none' : LEVELS[Math.max(1, Math.min(3, levelRank(l) + by))]!;

function policyDefaults(policy: OwnerPolicy, listed: Confidence): Record<OwnerKind, Level> {
  switch (policy) {
    case 'any':
      return { person: listed, record: listed, unknown: listed, 'non-person': listed };
    case 'not-non-person':
      return { person: shiftLevel(listed, 1), record: listed, unknown: listed, 'non-person': 'none' };
    case 'person':
      return { person: listed, record: shiftLevel(listed, -1) === listed ? 'none' : shiftLevel(listed, -1), unknown: 'none', 'non-person': 'none' };
  }
}

function checkCategories(ids: string[] | undefined, where: string): void {
  ids?.forEach((id, i) => {
    if (!isCategory(id)) throw new ConfigError(`${where}[${i}]: unknown category "${id}" (see \`pdscan rules\`)`);
  });
}

function vetoTable(entries: Array<{ veto: VetoFile; where: string }>): SpanTable<Veto> {
  const table = new SpanTable<Veto>();
  for (const { veto, where } of entries) {
    checkCategories(veto.except, `${where}.except`);
    checkCategories(veto.only, `${where}.only`);
    const v: Veto = { except: veto.except && new Set(veto.except), only: veto.only && new Set(veto.only) };
    veto.words.forEach((w, i) => table.add(tokensOrThrow(w, `${where}.words[${i}]`), v));
  }
  return table;
}

export function compileLexicon(file: NamesFile, display: string): Lexicon {
  const owners = new SpanTable<OwnerWordKind>(true, 4);
  const ownerWhere = new Map<string, string>();
  const ownerClasses = [
    ['person', 'person'],
    ['person_weak', 'person-weak'],
    ['person_bare', 'person-bare'],
    ['record', 'record'],
    ['non_person', 'non-person'],
    ['non_person_weak', 'non-person-weak'],
    ['container', 'container'],
  ] as const;
  for (const [key, kind] of ownerClasses) {
    (file.owners[key] ?? []).forEach((w, i) => {
      const where = `${display}: owners.${key}[${i}]`;
      const tokens = tokensOrThrow(w, where);
      const k = tokens.join(' ');
      const prev = ownerWhere.get(k);
      if (prev) throw new ConfigError(`${where}: duplicate owner word "${w}" (also ${prev})`);
      ownerWhere.set(k, `owners.${key}[${i}]`);
      owners.add(tokens, kind);
    });
  }

  const terms = new SpanTable<Term>(true);
  const termWhere = new Map<string, string>();
  file.terms.forEach((g, gi) => {
    const base = `${display}: terms[${gi}]`;
    if (!isCategory(g.category)) throw new ConfigError(`${base}.category: unknown category "${g.category}" (see \`pdscan rules\`)`);
    for (const listed of ['high', 'medium', 'low'] as const) {
      g[listed]?.forEach((text, i) => {
        const where = `${base}.${listed}[${i}]`;
        const tokens = tokensOrThrow(text, where);
        const key = tokens.join(' ');
        const prev = termWhere.get(key);
        if (prev) throw new ConfigError(`${where}: duplicate term "${text}" (also ${prev})`);
        const glued = terms.glued.get(tokens.join(''));
        if (glued && glued.category !== g.category) {
          throw new ConfigError(`${where}: "${text}" glued together is "${glued.text}" of category ${glued.category}`);
        }
        termWhere.set(key, `terms[${gi}].${listed}[${i}]`);
        const byOwner = policyDefaults(g.owner, listed);
        if (g.by_owner) {
          for (const [k, v] of Object.entries(g.by_owner)) byOwner[k === 'non_person' ? 'non-person' : (k as OwnerKind)] = v;
        }
        terms.add(tokens, { text, tokens: tokens.length, category: g.category, policy: g.owner, ...(g.alone ? { alone: true } : {}), ...(g.head_first ? { headFirst: true } : {}), byOwner });
      });
    }
  });

  const leading = vetoTable([{ veto: file.negatives.leading, where: `${display}: negatives.leading` }]);
  const afterTerm = vetoTable(file.negatives.after_term.map((veto, i) => ({ veto, where: `${display}: negatives.after_term[${i}]` })));
  const protection = new SpanTable<'hashing' | 'encryption' | 'masking'>();
  for (const kind of ['hashing', 'encryption', 'masking'] as const) {
    file.protection[kind].forEach((w, i) => protection.add(tokensOrThrow(w, `${display}: protection.${kind}[${i}]`), kind));
  }
  const promotions = (file.promotions ?? []).map((p, pi): Promotion => {
    const where = `${display}: promotions[${pi}]`;
    if (!isCategory(p.category)) throw new ConfigError(`${where}.category: unknown category "${p.category}" (see \`pdscan rules\`)`);
    checkCategories(p.of, `${where}.of`);
    const words = new SpanTable<string>(true);
    p.words.forEach((w, i) => words.add(tokensOrThrow(w, `${where}.words[${i}]`), w));
    return { words, of: new Set(p.of as CategoryId[]), category: p.category };
  });
  const contexts = compileContexts(file.contexts, display);
  const records = compileRecords(file.records, display);
  const words = new Set<string>();
  const recordTables = records ? [records.owners, records.freeText] : [];
  for (const table of [terms, owners, contexts.owners, ...contexts.fields, ...recordTables]) {
    for (const key of table.exact.keys()) for (const w of key.split(' ')) if (w.length >= 2 && !/\d/.test(w)) words.add(w);
  }
  const companions = compileCompanions(file.companions, file.contact_owners, display);
  const v = file.values ?? {};
  const metaOwners = new Map<string, ReadonlySet<string>>();
  for (const [owner, cats] of Object.entries(v.meta_owners ?? {})) {
    checkCategories(cats, `${display}: values.meta_owners.${owner}`);
    metaOwners.set(owner.toLowerCase(), new Set(cats));
  }
  const lower = (ws: string[] | undefined) => new Set((ws ?? []).map((w) => w.toLowerCase()));
  checkCategories(v.unknown_payload ? [v.unknown_payload.category] : undefined, `${display}: values.unknown_payload.category`);
  const unknownPayload = v.unknown_payload ? { category: v.unknown_payload.category as CategoryId, sources: new Set(v.unknown_payload.sources) } : undefined;
  const values: ValueWords = { configOwners: lower(v.config_owners), metaOwners, fileParts: lower(v.file_parts), optionBags: new Set((v.option_bags ?? []).map((w) => w.toLowerCase().replace(/[\s_]/g, ''))), ...(unknownPayload ? { unknownPayload } : {}) };
  return { terms, owners, promotions, leading, afterTerm, protection, contexts, companions, ...(records ? { records } : {}), words, values };
}

/** The built-in lexicon, or one read from another file (tests). */
export function loadLexicon(file?: string, display = file ?? 'rules/names.yml'): Lexicon {
  return compileLexicon(file ? readRulesFile('names', file, display) : namesFile(), display);
}
