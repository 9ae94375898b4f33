/**
 * What reporters know about a rule ID: names, descriptions and help for SARIF `rules`, text and
 * the inventory. Detection packs, code rules and database rules all describe themselves here.
 */
import type { RuleDef } from '../rules/types.js';
import { category, legalRefs } from '../model/categories.js';
import { formatRef } from '../model/legal-refs.js';

export interface RuleMeta {
  id: string;
  name: string;
  shortDescription: string;
  fullDescription: string;
  /** What to do about it, plain text (English). Legal references are appended by the reporter. */
  help: string;
  /** Categories the rule reports, when fixed (detection packs have exactly one). */
  categories?: string[];
  /** Extra legal references beyond the categories' (e.g. Art. 25 for cross-border transfers). */
  refs?: string[];
}

export function metaFromRuleDef(r: RuleDef): RuleMeta {
  const c = category(r.category);
  return {
    id: r.id,
    name: r.name,
    shortDescription: r.name,
    fullDescription: r.description ?? `${r.name}: ${c.label_en} (${c.label_vi}).`,
    help: r.help ?? `Personal data of category ${c.id} (${c.label_en}). Confirm it is needed; mask, encrypt or remove it, and record it in the data inventory.`,
    categories: [r.category],
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

export class RuleCatalog {
  private readonly metas = new Map<string, RuleMeta>();

  constructor(ruleDefs: RuleDef[] = [], extra: RuleMeta[] = []) {
    for (const r of ruleDefs) this.metas.set(r.id, metaFromRuleDef(r));
    for (const m of extra) this.metas.set(m.id, m);
  }

  get(ruleId: string, categoryId: string): RuleMeta {
    return this.metas.get(ruleId) ?? fallbackMeta(ruleId, categoryId);
  }
}

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
