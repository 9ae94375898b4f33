/** Token-span lookup tables shared by the names lexicon and its owner contexts. */
import { ConfigError } from '../../util/errors.js';
import { identifierTokens } from './tokens.js';

/** Tokens of a word from rules/names.yml; `where` names the place for the error. */
export function tokensOrThrow(word: string, where: string): string[] {
  const t = identifierTokens(word);
  if (t.length === 0) throw new ConfigError(`${where}: "${word}" has no letters or digits`);
  return t;
}

/** Word spans of one kind (owner words, veto words, protection words). */
export class SpanTable<T> {
  readonly exact = new Map<string, T>();
  readonly glued = new Map<string, T>();
  maxTokens = 1;

  /**
   * @param plural also accept an English plural of the last word ("patients", "addresses",
   *   "phoneNumbers") when that word has at least `minPlural` letters: owner words go down to 4
   *   ("kids", "apps", "jobs") while terms keep 5, so 3-letter terms (pin, lat, age) stay exact.
   */
  constructor(
    private readonly plural = false,
    private readonly minPlural = 5,
  ) {}

  add(tokens: string[], value: T): void {
    this.exact.set(tokens.join(' '), value);
    const g = tokens.join('');
    if (!this.glued.has(g)) this.glued.set(g, value);
    this.maxTokens = Math.max(this.maxTokens, tokens.length);
  }

  /** Value of tokens[start, end), by exact tokens or glued (e.g. ["e","mail"] → "email"). */
  at(tokens: readonly string[], start: number, end: number): T | undefined {
    const slice = tokens.slice(start, end);
    const hit = this.exact.get(slice.join(' '));
    if (hit !== undefined) return hit;
    // Gluing several short tokens ("i","p") into a term invents matches; require some length.
    const glued = slice.join('');
    const g = end - start === 1 || glued.length >= 5 ? this.glued.get(glued) : undefined;
    if (g !== undefined || !this.plural) return g;
    const last = slice[slice.length - 1]!;
    if (last.length < this.minPlural || !last.endsWith('s') || last.endsWith('ss')) return undefined;
    const head = slice.slice(0, -1);
    for (const single of [last.slice(0, -1), last.endsWith('es') ? last.slice(0, -2) : '', last.endsWith('ies') ? `${last.slice(0, -3)}y` : '']) {
      if (single.length < this.minPlural - 1) continue;
      const hit = this.exact.get([...head, single].join(' ')) ?? (head.length === 0 ? this.glued.get(single) : undefined);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  /** All spans [start, end) with their value, longest first at each start. */
  spans(tokens: readonly string[]): Array<{ start: number; end: number; value: T }> {
    const out: Array<{ start: number; end: number; value: T }> = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let len = Math.min(this.maxTokens + 2, tokens.length - i); len >= 1; len--) {
        const value = this.at(tokens, i, i + len);
        if (value !== undefined) out.push({ start: i, end: i + len, value });
      }
    }
    return out;
  }
}
