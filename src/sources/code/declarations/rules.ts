/**
 * Rule IDs of declaration findings: one stable rule per category, `pd-declared-<category>`
 * (pd-declared-phone, pd-declared-health...), so SARIF rule metadata, tags and severity match the
 * category of every result under it.
 */
import type { CategoryId } from '../../../model/categories.js';
import { DECLARATION_RULE_PREFIX } from '../../../rules/meta/families.js';

// Their metadata lives in the rule catalogue with every other family's.
export { DECLARATION_RULE_PREFIX, declarationRuleMetas } from '../../../rules/meta/families.js';

export function declarationRuleId(categoryId: CategoryId): string {
  return `${DECLARATION_RULE_PREFIX}${categoryId}`;
}

export function isDeclarationRule(ruleId: string): boolean {
  return ruleId.startsWith(DECLARATION_RULE_PREFIX);
}
