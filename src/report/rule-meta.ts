/**
 * Legal references and help text of a rule as reporters print them; the metadata itself comes
 * from the rule catalogue (src/rules/meta).
 */
import type { RuleCatalog, RuleMeta } from '../rules/meta/index.js';
import { category, isSubkind, legalRefs, reportedCategory } from '../model/categories.js';
import { formatRef } from '../model/legal-refs.js';

/** A finding's legal references: its categories' under both regimes, plus its rule's own (e.g. Art. 25). */
export function findingLegalRefs(ruleId: string, categories: string[], catalog: RuleCatalog): string[] {
  const meta = catalog.get(ruleId, categories[0]!);
  const own = meta.refs ?? [];
  // A rule may name a narrower kind of data than its category: its refs replace the category's.
  const refsOf = (c: string): string[] => {
    const replaced = c === meta.categories?.[0] ? meta.categoryRefs : undefined;
    if (!replaced) return legalRefs(c);
    const kept = legalRefs(c).filter((ref) => !replaced[ref.slice(0, ref.indexOf(':')) as keyof typeof replaced]);
    return [...kept, ...Object.entries(replaced).flatMap(([regime, refs]) => (refs ?? []).map((r) => `${regime}:${r}`))];
  };
  return [...new Set([...categories.flatMap(refsOf), ...own])];
}

/** Help text with legal references for both regimes (plain text and Markdown). */
export function helpWithRefs(meta: RuleMeta, categories: string[]): { text: string; markdown: string } {
  const refs = [...new Set([...categories.flatMap((c) => legalRefs(c)), ...(meta.refs ?? [])])];
  const d13 = refs.filter((r) => r.startsWith('decree-13:')).map((r) => formatRef(r));
  const pdpl = refs.filter((r) => r.startsWith('pdpl-2025:')).map((r) => formatRef(r));
  // A sub-kind is named under its parent category: health/blood-type.
  const cats = [...new Set(categories.map((c) => `${isSubkind(c) ? `${reportedCategory(c)}/${c}` : c} (${category(c).label_en})`))].join(', ');
  const text = [
    meta.fullDescription,
    '',
    `What to do: ${meta.help}`,
    '',
    `Categories: ${cats}.`,
    `Law 91/2025/QH15 and Decree 356/2025/ND-CP (in force since 2026-01-01): ${pdpl.join('; ')}.`,
    `Decree 13/2023/ND-CP (legacy): ${d13.join('; ')}.`,
  ].join('\n');
  const markdown = [
    `**${meta.name}**`,
    '',
    meta.fullDescription,
    '',
    `**What to do:** ${meta.help}`,
    '',
    `**Categories:** ${categories.map((c) => `\`${c}\` (${category(c).label_en} / ${category(c).label_vi})`).join(', ')}`,
    '',
    '**Legal references**',
    '',
    `- Law 91/2025/QH15 and Decree 356/2025/ND-CP: ${pdpl.join('; ')}`,
    `- Decree 13/2023/ND-CP: ${d13.join('; ')}`,
  ].join('\n');
  return { text, markdown };
}
