/**
 * Legal references and help text of a rule as reporters print them; the metadata itself comes
 * from the rule catalogue (src/rules/meta).
 */
import type { RuleCatalog, RuleMeta } from '../rules/meta/index.js';
import { category, legalRefs } from '../model/categories.js';
import { formatRef } from '../model/legal-refs.js';

/** A finding's legal references: its categories' under both regimes, plus its rule's own (e.g. Art. 25). */
export function findingLegalRefs(ruleId: string, categories: string[], catalog: RuleCatalog): string[] {
  const own = catalog.get(ruleId, categories[0]!).refs ?? [];
  return [...new Set([...categories.flatMap((c) => legalRefs(c)), ...own])];
}

/** Help text with legal references for both regimes (plain text and Markdown). */
export function helpWithRefs(meta: RuleMeta, categories: string[]): { text: string; markdown: string } {
  const refs = [...new Set([...categories.flatMap((c) => legalRefs(c)), ...(meta.refs ?? [])])];
  const d13 = refs.filter((r) => r.startsWith('decree-13:')).map((r) => formatRef(r));
  const pdpl = refs.filter((r) => r.startsWith('pdpl-2025:')).map((r) => formatRef(r));
  const cats = categories.map((c) => `${c} (${category(c).label_en})`).join(', ');
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
