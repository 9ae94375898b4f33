/**
 * Owner contexts (rules/names.yml `contexts`): a model whose own name says what it is about gives
 * plain field names a meaning they do not have elsewhere. Transaction.amount is a person's
 * transaction history (financial), VerificationToken.identifier the e-mail the token was sent to,
 * Device.os the person's device (online activity), while BankAccount.name is the account's label,
 * not a person's name. A context applies only when the field name is one of its terms as a whole
 * (apart from owner words such as "transaction" in transactionAmount).
 */
import { ConfigError } from '../../util/errors.js';
import { isCategory, type CategoryId } from '../../model/categories.js';
import { SpanTable, tokensOrThrow } from './spans.js';

export interface ContextFile {
  owners: string[];
  /** category → field terms that hold that category's data inside such a model */
  fields?: Record<string, string[]>;
  /** field terms that are not personal data inside such a model, whatever they mean elsewhere */
  none?: string[];
}

/** What a context term means: a category, or null for "not personal data here". */
export interface ContextTerm {
  text: string;
  category: CategoryId | null;
}

export interface OwnerContexts {
  /** Context owner words → indexes of the contexts they open. */
  owners: SpanTable<number[]>;
  /** Per context: its field terms. */
  fields: Array<SpanTable<ContextTerm>>;
}

/** The `fields` and `none` terms of a context (or a companion rule) as one table. */
export function compileFieldTerms(c: Pick<ContextFile, 'fields' | 'none'>, base: string): SpanTable<ContextTerm> {
  const table = new SpanTable<ContextTerm>(true);
  const add = (text: string, category: CategoryId | null, where: string): void => {
    const tokens = tokensOrThrow(text, where);
    const prev = table.exact.get(tokens.join(' '));
    if (prev) throw new ConfigError(`${where}: duplicate term "${text}" (also "${prev.text}")`);
    table.add(tokens, { text, category });
  };
  for (const [category, words] of Object.entries(c.fields ?? {})) {
    if (!isCategory(category)) throw new ConfigError(`${base}.fields: unknown category "${category}" (see \`pdscan rules\`)`);
    words.forEach((w, i) => add(w, category, `${base}.fields.${category}[${i}]`));
  }
  (c.none ?? []).forEach((w, i) => add(w, null, `${base}.none[${i}]`));
  return table;
}

export function compileContexts(files: readonly ContextFile[] | undefined, display: string): OwnerContexts {
  const owners = new SpanTable<number[]>(true, 4);
  const fields: Array<SpanTable<ContextTerm>> = [];
  (files ?? []).forEach((c, ci) => {
    const base = `${display}: contexts[${ci}]`;
    c.owners.forEach((w, i) => {
      const tokens = tokensOrThrow(w, `${base}.owners[${i}]`);
      const prev = owners.exact.get(tokens.join(' ')) ?? [];
      owners.add(tokens, [...prev, ci]);
    });
    fields.push(compileFieldTerms(c, base));
  });
  return { owners, fields };
}

/**
 * Contexts opened by an owning type: a context word that is the head of its name, followed by
 * container words only (Transaction, BankAccountEntity, transactions_table); "TransactionCategory"
 * is a category and "TokenTransfer" a transfer. `isContainer(i)` says whether tokens[i] is one.
 */
export function contextsOfOwner(ctx: OwnerContexts, tokens: readonly string[], isContainer: (i: number) => boolean): number[] {
  for (let end = tokens.length; end > 0; end--) {
    for (let start = Math.max(0, end - ctx.owners.maxTokens - 1); start < end; start++) {
      const hit = ctx.owners.at(tokens, start, end);
      if (hit) return hit;
    }
    if (!isContainer(end - 1)) return [];
  }
  return [];
}

/**
 * The context term that is the whole field name, apart from tokens that `isOwnerToken` accepts
 * (transactionAmount, deviceOs); undefined when none of the contexts knows the name.
 */
export function contextTermOf(
  ctx: OwnerContexts,
  contexts: readonly number[],
  tokens: readonly string[],
  isOwnerToken: (i: number) => boolean,
): ContextTerm | undefined {
  for (const ci of contexts) {
    const table = ctx.fields[ci]!;
    for (const s of table.spans(tokens)) {
      let rest = true;
      for (let i = 0; i < tokens.length && rest; i++) if ((i < s.start || i >= s.end) && !isOwnerToken(i)) rest = false;
      if (rest) return s.value;
    }
  }
  return undefined;
}
