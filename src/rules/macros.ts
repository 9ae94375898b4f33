/**
 * Pattern macros, expanded before RE2 compiles a rule:
 *   {{vi:dân tộc}}   the phrase with or without diacritics, any case, flexible spaces/_/-
 *   {{list:name}}    alternation of the entries of rules/lists/name.yml, as written (NFC)
 *   {{vilist:name}}  the same entries, each diacritic- and case-insensitive
 * Lists are data (surnames, ethnic groups, religions...) so that rules stay readable.
 */
import { ConfigError } from '../util/errors.js';
import { wordLists } from './catalogue.js';
import { diacriticInsensitive } from '../util/fold.js';

export function listEntries(name: string): string[] {
  const l = wordLists().get(name);
  if (!l) throw new ConfigError(`unknown list "${name}" (no rules/lists/${name}.yml)`);
  return l;
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Longest first so that alternation prefers "Hoà Hảo" over "Hoà". */
function alternation(entries: string[], map: (e: string) => string): string {
  return `(?:${[...entries].sort((a, b) => b.length - a.length).map(map).join('|')})`;
}

export function expandMacros(pattern: string): string {
  return pattern.replace(/\{\{(vi|list|vilist):([^}]+)\}\}/g, (_, kind: string, arg: string) => {
    if (kind === 'vi') return diacriticInsensitive(arg);
    const entries = listEntries(arg.trim());
    return kind === 'list' ? alternation(entries, escape) : alternation(entries, diacriticInsensitive);
  });
}
