/**
 * Rule IDs of declaration findings: one stable rule per category, `pd-declared-<category>`
 * (pd-declared-phone, pd-declared-health...), so SARIF rule metadata, tags and severity match the
 * category of every result under it.
 */
import { allCategories, category, isSensitive, type CategoryId } from '../../../model/categories.js';

export const DECLARATION_RULE_PREFIX = 'pd-declared-';

export function declarationRuleId(categoryId: CategoryId): string {
  return `${DECLARATION_RULE_PREFIX}${categoryId}`;
}

export function isDeclarationRule(ruleId: string): boolean {
  return ruleId.startsWith(DECLARATION_RULE_PREFIX);
}

/** Same shape as report/rule-meta.ts RuleMeta, for the reporters' rule catalogue. */
export interface DeclarationRuleMeta {
  id: string;
  name: string;
  shortDescription: string;
  fullDescription: string;
  help: string;
  categories: string[];
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

export function declarationRuleMetas(): DeclarationRuleMeta[] {
  return allCategories().map((c) => {
    const sensitive = isSensitive(c.id, 'pdpl-2025');
    return {
      id: declarationRuleId(c.id),
      name: `Declared${pascal(c.id)}Field`,
      shortDescription: `Data model declares a field holding ${c.label_en.toLowerCase()}`,
      fullDescription:
        `A data model (ORM entity, schema, DTO, SQL table, API schema) declares a field that holds ` +
        `${c.label_en.toLowerCase()} (${category(c.id).label_vi})${sensitive ? ', which is sensitive personal data' : ''}. ` +
        `Each such field belongs in the data inventory.`,
      help:
        `Confirm the field is needed for a stated purpose and record it in the data inventory. ` +
        (sensitive
          ? `Sensitive data needs encryption at rest, restricted access and the extra duties for sensitive data (impact assessment, informing the data subject). `
          : `Limit who can read it, keep it out of logs and responses that do not need it, and delete it when the purpose ends. `) +
        `Mark protected fields (hashing, encryption) so the scan can see the measure.`,
      categories: [c.id],
    };
  });
}
