/**
 * Rule families generated per category: declared fields (pd-declared-<category>) and keyed
 * values (kv-<category>), plus pdscan's own bookkeeping rule for suppressions without a reason.
 */
import { allCategories, allSubkinds, category, isCategory, isSensitive, type CategoryId } from '../../model/categories.js';
import { ConfigError } from '../../util/errors.js';
import { keyedValuesFile } from '../catalogue.js';
import type { RuleMeta } from './types.js';

export const DECLARATION_RULE_PREFIX = 'pd-declared-';
export const KEYED_RULE_PREFIX = 'kv-';
export const MISSING_REASON_RULE = 'pdscan-suppression-without-reason';

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

export function declarationRuleMetas(): RuleMeta[] {
  // Sub-kinds too: a declared blood-type field keeps its own rule (reported under category health).
  return [...allCategories(), ...allSubkinds()].map((c) => {
    const sensitive = isSensitive(c.id, 'pdpl-2025');
    return {
      id: `${DECLARATION_RULE_PREFIX}${c.id}`,
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

/**
 * The categories keyed values can report (with the `also` ones), read without compiling the
 * tests: the CLI's main thread needs them for rule metadata, the workers do the matching.
 */
export function keyedCategoryIds(): CategoryId[] {
  const ids = new Set<string>();
  for (const [id, c] of Object.entries(keyedValuesFile().categories)) {
    ids.add(id);
    for (const t of c.accept) t.also?.forEach((a) => ids.add(a));
  }
  const unknown = [...ids].find((id) => !isCategory(id));
  if (unknown) throw new ConfigError(`rules/keyed-values.yml: unknown category "${unknown}" (see \`pdscan rules\`)`);
  return [...ids].sort();
}

export function keyedRuleMetas(): RuleMeta[] {
  return keyedCategoryIds().map((id) => {
    const c = category(id);
    return {
      id: `${KEYED_RULE_PREFIX}${id}`,
      name: `${c.label_en} under a personal-data key`,
      shortDescription: `${c.label_en} identified by its key or column name`,
      fullDescription:
        `A value stored under a key, column or label that names ${c.label_en.toLowerCase()} (${c.label_vi}) — a JSON/YAML/TS key, a log key=value, ` +
        'a CSV or Markdown header, a SQL INSERT column — and that looks like real data of that kind rather than a placeholder, type name or label. ' +
        'Run with --explain to see how the key was classified and why the value was judged plausible.',
      help:
        `Confirm this file really holds ${c.label_en.toLowerCase()}. If it is test or sample data, replace it with obviously fake values; ` +
        'if it is real, remove it from the repository, restrict access, and mask or encrypt it where it is stored. Record it in the data inventory.',
      categories: [id],
    };
  });
}

export const MISSING_REASON_META: RuleMeta = {
  id: MISSING_REASON_RULE,
  name: 'Suppression without a reason',
  shortDescription: 'An inline pdscan suppression gives no reason',
  fullDescription:
    'A pdscan-ignore comment hides a personal-data finding but does not say why. Reviewers and auditors cannot tell a test fixture from real data that was silenced.',
  help: 'Add the reason after two dashes, e.g. `// pdscan-ignore-next-line phone -- synthetic test number`, or remove the comment and handle the data.',
};
