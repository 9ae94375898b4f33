/**
 * Rule metadata, one API for every family: detection packs (rules/*.yml), code rules
 * (rules/code-rules.yml), declared fields, database columns, keyed values and pdscan's own rules.
 * Reporters, the inventory and the CLI ask here; nobody stitches families together.
 */
import type { RuleDef } from '../types.js';
import { category } from '../../model/categories.js';
import { codeRuleMeta } from './code.js';
import { dbRuleMetas } from './db.js';
import { declarationRuleMetas, keyedRuleMetas, MISSING_REASON_META } from './families.js';
import type { RuleMeta } from './types.js';

export type { RuleMeta } from './types.js';

export function metaFromRuleDef(r: RuleDef): RuleMeta {
  const c = category(r.category);
  return {
    id: r.id,
    name: r.name,
    shortDescription: r.name,
    fullDescription: r.description ?? `${r.name}: ${c.label_en} (${c.label_vi}).`,
    help: r.help ?? `Personal data of category ${c.id} (${c.label_en}). Confirm it is needed; mask, encrypt or remove it, and record it in the data inventory.`,
    categories: [r.category],
    ...(r.category_refs ? { categoryRefs: r.category_refs } : {}),
  };
}

export function fallbackMeta(ruleId: string, categoryId: string): RuleMeta {
  const c = category(categoryId);
  return {
    id: ruleId,
    name: ruleId,
    shortDescription: `${c.label_en} found`,
    fullDescription: `Personal data of category ${c.id}: ${c.label_en} (${c.label_vi}).`,
    help: 'Confirm the data is needed, protect it (mask, encrypt, hash) and record it in the data inventory.',
    categories: [categoryId],
  };
}

/**
 * Every rule pdscan can report, given the detection rules in force (after the config's
 * additions and removals). A later entry with the same id wins: the database's view of the
 * shared plaintext-credential rule replaces the code rule's.
 */
export function allRules(detectors: RuleDef[]): RuleMeta[] {
  return [...detectors.map(metaFromRuleDef), ...declarationRuleMetas(), ...codeRuleMeta(), ...dbRuleMetas(), ...keyedRuleMetas(), MISSING_REASON_META];
}

/** Rule metadata by id, with generic help for an id nobody describes. */
export class RuleCatalog {
  private readonly metas = new Map<string, RuleMeta>();

  constructor(metas: RuleMeta[] = []) {
    for (const m of metas) this.metas.set(m.id, m);
  }

  get(ruleId: string, categoryId: string): RuleMeta {
    return this.metas.get(ruleId) ?? fallbackMeta(ruleId, categoryId);
  }
}

/** The catalogue of every rule, for reporters. */
export function ruleCatalog(detectors: RuleDef[]): RuleCatalog {
  return new RuleCatalog(allRules(detectors));
}

/** A rule's name in both languages: code rules have a Vietnamese one, every other rule its English name. */
export function ruleNames(catalog: RuleCatalog): (ruleId: string, categoryId: string) => { vi: string; en: string } {
  let vi: Map<string, string> | undefined;
  return (ruleId, categoryId) => {
    vi ??= new Map(codeRuleMeta().map((m) => [m.id, m.shortDescriptionVi]));
    const en = catalog.get(ruleId, categoryId).shortDescription;
    return { vi: vi.get(ruleId) ?? en, en };
  };
}
