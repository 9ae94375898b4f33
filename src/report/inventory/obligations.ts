/**
 * Obligations are data (rules/obligations.yml); this module only reads the file and evaluates
 * its trigger grammar against what the inventory found. See the file's header for the grammar.
 */
import path from 'node:path';
import { RULES_DIR } from '../../rules/paths.js';
import { readYamlFile } from '../../util/yaml.js';
import { ConfigError } from '../../rules/errors.js';
import { REGIMES, type CategoryId, type Regime } from '../../model/categories.js';
import type { RefsByRegime } from './types.js';

export type SimpleTrigger = 'any-personal' | 'any-sensitive' | 'cross-border' | 'third-party' | 'children';
export type Trigger = SimpleTrigger | { category: CategoryId[] } | { purpose: string[] } | PerRegimeTrigger;
export interface PerRegimeTrigger {
  'decree-13'?: Trigger;
  'pdpl-2025'?: Trigger;
}

export interface ObligationDef {
  id: string;
  title_vi: string;
  title_en: string;
  why_vi: string;
  why_en: string;
  regimes?: Regime[];
  trigger: Trigger;
  deadline?: string | null | Partial<Record<Regime, string>>;
  deadline_detail_vi?: string;
  deadline_detail_en?: string;
  refs: RefsByRegime;
  exemptions?: string[];
  applies_if_vi?: string;
  applies_if_en?: string;
  note_vi?: string;
  note_en?: string;
}

export interface ExemptionDef {
  id: string;
  regimes?: Regime[];
  label_vi: string;
  label_en: string;
  covers: string[];
  period?: string;
  lost_if?: Trigger[];
  conditions_vi: string;
  conditions_en: string;
  refs: RefsByRegime;
}

export interface DossierItemDef {
  item: string;
  label_vi: string;
  label_en: string;
  refs: RefsByRegime;
  form_10_vi?: string;
  note_en?: string;
}

export interface DossierExtraDef {
  label_vi: string;
  label_en: string;
  refs: string[];
  form_10_vi?: string;
}

export interface CrossBorderItemDef {
  'decree-13': string[];
  'pdpl-2025': string[];
  label_vi: string;
  label_en: string;
}

export interface ObligationsFile {
  obligations: ObligationDef[];
  exemptions: ExemptionDef[];
  dossier: { items: DossierItemDef[]; pdpl_only: DossierExtraDef[]; cross_border_items: CrossBorderItemDef[] };
}

const SIMPLE: readonly string[] = ['any-personal', 'any-sensitive', 'cross-border', 'third-party', 'children'];
const FILE = 'rules/obligations.yml';

function fail(where: string, msg: string): never {
  throw new ConfigError(`${FILE}: ${where}: ${msg}`);
}

function checkTrigger(t: unknown, where: string): void {
  if (typeof t === 'string') {
    if (!SIMPLE.includes(t)) fail(where, `unknown trigger "${t}"`);
    return;
  }
  if (!t || typeof t !== 'object' || Array.isArray(t)) fail(where, 'a trigger is a word or a one-key map');
  const keys = Object.keys(t);
  if (keys.every((k) => (REGIMES as readonly string[]).includes(k))) {
    for (const k of keys) checkTrigger((t as Record<string, unknown>)[k], `${where}.${k}`);
    return;
  }
  if (keys.length !== 1 || (keys[0] !== 'category' && keys[0] !== 'purpose')) fail(where, `unknown trigger key "${keys.join(', ')}"`);
  const list = (t as Record<string, unknown>)[keys[0]!];
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) fail(`${where}.${keys[0]}`, 'must be a list of strings');
}

function checkRefs(r: unknown, where: string): void {
  if (!r || typeof r !== 'object') fail(where, 'refs must be a map of regime → list');
  for (const regime of REGIMES) {
    const list = (r as Record<string, unknown>)[regime];
    if (!Array.isArray(list)) fail(`${where}.${regime}`, 'missing list of references');
  }
}

function checkText(o: Record<string, unknown>, keys: string[], where: string): void {
  for (const k of keys) if (typeof o[k] !== 'string' || !(o[k] as string).trim()) fail(`${where}.${k}`, 'missing text');
}

/** Structural checks with errors that name the entry; the file has no JSON Schema of its own. */
export function checkObligationsFile(raw: unknown): ObligationsFile {
  if (!raw || typeof raw !== 'object') fail('(top level)', 'not a map');
  const file = raw as Record<string, unknown>;
  if (!Array.isArray(file.obligations)) fail('obligations', 'missing list');
  const ids = new Set<string>();
  (file.obligations as unknown[]).forEach((o, i) => {
    const where = `obligations[${i}]`;
    if (!o || typeof o !== 'object') fail(where, 'not a map');
    const ob = o as Record<string, unknown>;
    checkText(ob, ['id', 'title_vi', 'title_en', 'why_vi', 'why_en'], where);
    if (ids.has(ob.id as string)) fail(where, `duplicate id "${String(ob.id)}"`);
    ids.add(ob.id as string);
    checkTrigger(ob.trigger, `${where}.trigger`);
    checkRefs(ob.refs, `${where}.refs`);
  });
  const exemptions = (file.exemptions ?? []) as unknown[];
  if (!Array.isArray(exemptions)) fail('exemptions', 'must be a list');
  exemptions.forEach((e, i) => {
    const ex = e as Record<string, unknown>;
    checkText(ex, ['id', 'label_vi', 'label_en', 'conditions_vi', 'conditions_en'], `exemptions[${i}]`);
    checkRefs(ex.refs, `exemptions[${i}].refs`);
    for (const [j, t] of ((ex.lost_if ?? []) as unknown[]).entries()) checkTrigger(t, `exemptions[${i}].lost_if[${j}]`);
  });
  const dossier = file.dossier as Record<string, unknown> | undefined;
  if (!dossier || !Array.isArray(dossier.items)) fail('dossier.items', 'missing list');
  (dossier.items as unknown[]).forEach((d, i) => {
    checkText(d as Record<string, unknown>, ['item', 'label_vi', 'label_en'], `dossier.items[${i}]`);
    checkRefs((d as Record<string, unknown>).refs, `dossier.items[${i}].refs`);
  });
  return {
    obligations: file.obligations as ObligationDef[],
    exemptions: exemptions as ExemptionDef[],
    dossier: {
      items: dossier.items as DossierItemDef[],
      pdpl_only: (dossier.pdpl_only ?? []) as DossierExtraDef[],
      cross_border_items: (dossier.cross_border_items ?? []) as CrossBorderItemDef[],
    },
  };
}

let cached: ObligationsFile | undefined;
export function loadObligations(): ObligationsFile {
  cached ??= checkObligationsFile(readYamlFile(path.join(RULES_DIR, 'obligations.yml'), FILE));
  return cached;
}

// ------------------------------------------------------------------ evaluation

/** What the inventory found, as the trigger grammar sees it. */
export interface TriggerFacts {
  regime: Regime;
  categories: CategoryId[];
  sensitive: CategoryId[];
  /** Categories sent to a recipient outside Vietnam, and to one whose country is unknown. */
  foreign: { categories: CategoryId[]; recipients: string[] };
  unknownCountry: { categories: CategoryId[]; recipients: string[] };
  thirdParty: { categories: CategoryId[]; recipients: string[] };
  purposes: Array<{ key: string; categories: CategoryId[]; recipients: string[] }>;
  /** true / false from the config; null when nobody said. */
  children: boolean | null;
  childrenHinted: boolean;
}

export interface TriggerResult {
  /** yes: fires; maybe: pdscan cannot tell (to confirm); no. */
  fires: 'yes' | 'maybe' | 'no';
  reason?: 'children-unknown' | 'country-unknown';
  categories: CategoryId[];
  recipients: string[];
  purposes: string[];
}

const NO: TriggerResult = { fires: 'no', categories: [], recipients: [], purposes: [] };

/** "marketing.*" matches marketing and below; a plain key matches itself only. */
export function purposeMatches(pattern: string, key: string): boolean {
  if (pattern.endsWith('.*')) {
    const base = pattern.slice(0, -2);
    return key === base || key.startsWith(`${base}.`);
  }
  return key === pattern;
}

export function evaluateTrigger(t: Trigger, f: TriggerFacts): TriggerResult {
  if (typeof t === 'string') {
    switch (t) {
      case 'any-personal':
        return f.categories.length ? { fires: 'yes', categories: f.categories, recipients: [], purposes: [] } : NO;
      case 'any-sensitive':
        return f.sensitive.length ? { fires: 'yes', categories: f.sensitive, recipients: [], purposes: [] } : NO;
      case 'cross-border':
        if (f.foreign.recipients.length) return { fires: 'yes', ...f.foreign, purposes: [] };
        if (f.unknownCountry.recipients.length) return { fires: 'maybe', reason: 'country-unknown', ...f.unknownCountry, purposes: [] };
        return NO;
      case 'third-party':
        return f.thirdParty.recipients.length ? { fires: 'yes', ...f.thirdParty, purposes: [] } : NO;
      case 'children':
        if (!f.categories.length || f.children === false) return NO;
        if (f.children === true) return { fires: 'yes', categories: f.categories, recipients: [], purposes: [] };
        return { fires: 'maybe', reason: 'children-unknown', categories: f.categories, recipients: [], purposes: [] };
    }
  }
  if ('category' in t && Array.isArray(t.category)) {
    const hit = f.categories.filter((c) => (t.category as string[]).includes(c));
    return hit.length ? { fires: 'yes', categories: hit, recipients: [], purposes: [] } : NO;
  }
  if ('purpose' in t && Array.isArray(t.purpose)) {
    const hits = f.purposes.filter((p) => (t.purpose as string[]).some((pat) => purposeMatches(pat, p.key)));
    if (!hits.length) return NO;
    return {
      fires: 'yes',
      categories: [...new Set(hits.flatMap((h) => h.categories))],
      recipients: [...new Set(hits.flatMap((h) => h.recipients))],
      purposes: hits.map((h) => h.key),
    };
  }
  const perRegime = (t as PerRegimeTrigger)[f.regime];
  return perRegime === undefined ? NO : evaluateTrigger(perRegime, f);
}

export function describeTrigger(t: Trigger, regime: Regime): string {
  if (typeof t === 'string') return t;
  if ('category' in t && Array.isArray(t.category)) return `category: ${t.category.join(', ')}`;
  if ('purpose' in t && Array.isArray(t.purpose)) return `purpose: ${t.purpose.join(', ')}`;
  const perRegime = (t as PerRegimeTrigger)[regime];
  return perRegime === undefined ? 'none' : describeTrigger(perRegime, regime);
}

export function appliesInRegime(def: { regimes?: Regime[] }, regime: Regime): boolean {
  return !def.regimes || def.regimes.includes(regime);
}

export function deadlineFor(def: ObligationDef, regime: Regime): string | undefined {
  const d = def.deadline;
  if (d === null || d === undefined) return undefined;
  if (typeof d === 'string') return d;
  return d[regime];
}
