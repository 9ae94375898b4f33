/**
 * Legal categories, from rules/categories.yml (the single source of truth) via the rule catalogue.
 * Sensitivity depends on the regime; legal references always list both regimes.
 */
import { categoriesFile } from '../rules/catalogue.js';

export type CategoryId = string;
export type Regime = 'pdpl-2025' | 'decree-13';
export const REGIMES: readonly Regime[] = ['pdpl-2025', 'decree-13'];

export interface CategoryDef {
  id: CategoryId;
  /**
   * Set on a sub-kind (blood-type, eid-bank-credentials): detectors may name it, but every output
   * reports the parent as the category and the sub-kind as `subcategory`; the sub-kind's own
   * sensitivity and refs decide the finding's `sensitive` / `precaution` and legal references.
   */
  parent?: CategoryId;
  label_vi: string;
  label_en: string;
  /** Sensitive BY LAW under each regime: the regime's closed list names it. */
  sensitive: Record<Regime, boolean>;
  /** Not sensitive by law, but pdscan raises its level as a precaution (an ordinary password). */
  precaution?: Partial<Record<Regime, boolean>>;
  /** Wording of a regime whose text differs from label_vi / label_en (the default regime's). */
  labels?: Partial<Record<Regime, { vi: string; en: string }>>;
  refs: Record<Regime, string[]>;
  note_en?: string;
  note_vi?: string;
}

export interface CategoriesFile {
  regimes: Record<Regime, { title: string; title_vi: string; in_force?: string }>;
  default_regime: Regime;
  categories: CategoryDef[];
}

let loaded: { file: CategoriesFile; byId: Map<string, CategoryDef & { order: number }> } | undefined;

function load() {
  if (!loaded) {
    const file = categoriesFile();
    const byId = new Map(file.categories.map((c, order) => [c.id, { ...c, order }]));
    loaded = { file, byId };
  }
  return loaded;
}

/** The reported categories (the fixed output contract), without the sub-kinds. */
export function allCategories(): CategoryDef[] {
  return load().file.categories.filter((c) => !c.parent);
}

/** The sub-kinds: rows of rules/categories.yml with a parent category. */
export function allSubkinds(): CategoryDef[] {
  return load().file.categories.filter((c) => c.parent);
}

export function isSubkind(id: string): boolean {
  return load().byId.get(id)?.parent !== undefined;
}

/** The category an id is reported as: the parent of a sub-kind, the id itself otherwise. */
export function reportedCategory(id: CategoryId): CategoryId {
  return load().byId.get(id)?.parent ?? id;
}

/** What a finding says about its kind of data: `properties.subcategory` when set, else its category. */
export function findingKind(f: { category: CategoryId; properties?: Record<string, unknown> }): CategoryId {
  const sub = f.properties?.subcategory;
  return typeof sub === 'string' && isCategory(sub) ? sub : f.category;
}

/**
 * Reports sub-kinds as their parent: `category` and `categories` get parent ids only, and the
 * sub-kind of the main category goes to `properties.subcategory`. Sensitivity, precaution and
 * legal references still follow the sub-kind (findingKind). Idempotent.
 */
export function withReportedCategories<F extends { category: CategoryId; categories: CategoryId[]; properties?: Record<string, unknown> }>(f: F): F {
  if (!isSubkind(f.category) && !f.categories.some(isSubkind)) return f;
  const categories = [...new Set(f.categories.map(reportedCategory))];
  const sub = isSubkind(f.category) ? { subcategory: f.category } : {};
  return { ...f, category: reportedCategory(f.category), categories, properties: { ...(f.properties ?? {}), ...sub } };
}

/** Evidence (hashing, retention...) names the parent categories only. */
export function evidenceWithReportedCategories<E extends { categories?: CategoryId[] }>(e: E): E {
  return e.categories?.some(isSubkind) ? { ...e, categories: [...new Set(e.categories.map(reportedCategory))] } : e;
}

/** A finding's categories for legal references: the main one replaced by its sub-kind. */
export function findingKinds(f: { category: CategoryId; categories: CategoryId[]; properties?: Record<string, unknown> }): CategoryId[] {
  const kind = findingKind(f);
  return kind === f.category ? f.categories : [kind, ...f.categories.filter((c) => c !== f.category)];
}

/** Sensitive by law under the regime, judged on the finding's sub-kind when it has one. */
export function findingSensitive(f: { category: CategoryId; properties?: Record<string, unknown> }, regime: Regime): boolean {
  return isSensitive(findingKind(f), regime);
}

export function findingPrecaution(f: { category: CategoryId; properties?: Record<string, unknown> }, regime: Regime): boolean {
  return isPrecaution(findingKind(f), regime);
}

export function regimeInfo(regime: Regime) {
  return load().file.regimes[regime];
}

export function isCategory(id: string): boolean {
  return load().byId.has(id);
}

export function category(id: CategoryId): CategoryDef {
  const c = load().byId.get(id);
  if (!c) throw new Error(`unknown category ${id}`);
  return c;
}

export function isSensitive(id: CategoryId, regime: Regime): boolean {
  return category(id).sensitive[regime];
}

/** Raised to a high level as a precaution although the regime does not make it sensitive. */
export function isPrecaution(id: CategoryId, regime: Regime): boolean {
  const c = category(id);
  return !c.sensitive[regime] && c.precaution?.[regime] === true;
}

/** Sensitive by law or flagged as a precaution: both get the high level. */
export function raisesLevel(id: CategoryId, regime: Regime): boolean {
  return isSensitive(id, regime) || isPrecaution(id, regime);
}

/** The category's name in the wording of the regime's own text. */
export function categoryLabel(id: CategoryId, regime: Regime): { vi: string; en: string } {
  const c = category(id);
  return c.labels?.[regime] ?? { vi: c.label_vi, en: c.label_en };
}

/** e.g. ["decree-13:2.3.g", "pdpl-2025:law91-2.2", "pdpl-2025:d356-3.7"] */
export function legalRefs(id: CategoryId): string[] {
  const c = category(id);
  return REGIMES.slice()
    .reverse()
    .flatMap((r) => c.refs[r].map((ref) => `${r}:${ref}`));
}

/** Sort key: sensitive first, then by the table's order (later rows are the special categories). */
export function sensitivityRank(id: CategoryId, regime: Regime): number {
  const c = load().byId.get(id);
  if (!c) return -1;
  return (c.sensitive[regime] ? 1000 : 0) + c.order;
}

/** Most sensitive first, without duplicates. */
export function orderCategories(ids: Iterable<CategoryId>, regime: Regime): CategoryId[] {
  return [...new Set(ids)].sort((a, b) => sensitivityRank(b, regime) - sensitivityRank(a, regime));
}
