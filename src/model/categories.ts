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
  label_vi: string;
  label_en: string;
  sensitive: Record<Regime, boolean>;
  refs: Record<Regime, string[]>;
  note_en?: string;
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

export function allCategories(): CategoryDef[] {
  return load().file.categories;
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
