/**
 * Companion fields (rules/names.yml `companions`, `contact_owners`): what the other fields of one
 * declared model say about a field. A model whose name says nothing ("customers", "Account") still
 * shows what it is by its fields: a street and a postcode make its `state` the address's state; an
 * industry, a head count and a founding year make it a company, whose LinkedIn page is not a
 * person's account; `financeContact` beside `financeContactEmail` names a person. A rule applies
 * only when the field's whole name is one of its terms (whole-term matching, as in contexts).
 */
import { ConfigError } from '../../util/errors.js';
import { isCategory, type CategoryId } from '../../model/categories.js';
import { SpanTable, tokensOrThrow } from './spans.js';
import { compileFieldTerms, type ContextTerm } from './contexts.js';

export interface CompanionFile {
  /** Categories that sibling fields must hold (as decided from their own names). */
  with_categories?: string[];
  /** Sibling field names (whole terms) that show what the model is. */
  with_fields?: string[];
  /** How many such siblings it takes (default 1). */
  min?: number;
  fields?: Record<string, string[]>;
  none?: string[];
}

export interface ContactOwnersFile {
  category: string;
  /** Categories of the sibling's extra words (financeContact + Email → digital-account). */
  contacts: string[];
  /** Person words whose bare value is usually an id or a login (user, account). */
  except?: string[];
}

interface Companion {
  withCategories?: Set<string>;
  withFields?: SpanTable<true>;
  min: number;
  terms: SpanTable<ContextTerm>;
}

export interface Companions {
  rules: Companion[];
  contactOwners?: { category: CategoryId; contacts: Set<string>; except: SpanTable<true> };
}

function checkCategory(id: string, where: string): void {
  if (!isCategory(id)) throw new ConfigError(`${where}: unknown category "${id}" (see \`pdscan rules\`)`);
}

function wordTable(words: readonly string[], where: string): SpanTable<true> {
  const t = new SpanTable<true>(true, 4);
  words.forEach((w, i) => t.add(tokensOrThrow(w, `${where}[${i}]`), true));
  return t;
}

export function compileCompanions(files: readonly CompanionFile[] | undefined, contact: ContactOwnersFile | undefined, display: string): Companions {
  const rules = (files ?? []).map((c, ci): Companion => {
    const base = `${display}: companions[${ci}]`;
    if (!c.with_categories?.length && !c.with_fields?.length) throw new ConfigError(`${base}: needs with_categories or with_fields`);
    c.with_categories?.forEach((id, i) => checkCategory(id, `${base}.with_categories[${i}]`));
    return {
      ...(c.with_categories?.length ? { withCategories: new Set(c.with_categories) } : {}),
      ...(c.with_fields?.length ? { withFields: wordTable(c.with_fields, `${base}.with_fields`) } : {}),
      min: c.min ?? 1,
      terms: compileFieldTerms(c, base),
    };
  });
  if (!contact) return { rules };
  const base = `${display}: contact_owners`;
  checkCategory(contact.category, `${base}.category`);
  contact.contacts.forEach((id, i) => checkCategory(id, `${base}.contacts[${i}]`));
  return {
    rules,
    contactOwners: { category: contact.category as CategoryId, contacts: new Set(contact.contacts), except: wordTable(contact.except ?? [], `${base}.except`) },
  };
}

/** A sibling field of the same model: its tokens and the category its own name gave it. */
export interface SiblingTokens {
  tokens: readonly string[];
  category?: string;
}

/** The companion term that is the field's whole name and whose rule its siblings satisfy. */
export function companionTerm(c: Companions, tokens: readonly string[], siblings: readonly SiblingTokens[]): { term: ContextTerm; witnesses: number } | undefined {
  for (const rule of c.rules) {
    const term = rule.terms.at(tokens, 0, tokens.length);
    if (!term) continue;
    const witnesses = siblings.filter(
      (s) => (s.category !== undefined && rule.withCategories?.has(s.category)) || rule.withFields?.at(s.tokens, 0, s.tokens.length) !== undefined,
    ).length;
    if (witnesses >= rule.min) return { term, witnesses };
  }
  return undefined;
}
