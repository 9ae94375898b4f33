/** Rule names for the risk list: both languages where the rule has them (code rules), else the catalogue's. */
import type { RuleCatalog } from '../rule-meta.js';
import { codeRuleMeta } from '../../sources/code/rules-meta.js';
import type { Bilingual } from './types.js';

export function ruleNamesFor(catalog: RuleCatalog): (ruleId: string, category: string) => Bilingual {
  let vi: Map<string, string> | undefined;
  return (ruleId, category) => {
    vi ??= new Map(codeRuleMeta().map((m) => [m.id, m.shortDescriptionVi]));
    const en = catalog.get(ruleId, category).shortDescription;
    return { vi: vi.get(ruleId) ?? en, en };
  };
}
