/**
 * Pattern macros, expanded before RE2 compiles a rule:
 *   {{vi:dân tộc}}   the phrase with or without diacritics, any case, flexible spaces/_/-
 *   {{list:name}}    alternation of the entries of rules/lists/name.yml, as written (NFC)
 *   {{vilist:name}}  the same entries, each diacritic- and case-insensitive
 * Lists are data (surnames, ethnic groups, religions...) so that rules stay readable.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { RULES_DIR } from '../util/paths.js';
import { readYamlFile } from '../util/yaml.js';
import { ConfigError } from '../util/errors.js';
import { diacriticInsensitive } from '../util/fold.js';

let lists: Map<string, string[]> | undefined;

export function loadLists(dir = path.join(RULES_DIR, 'lists')): Map<string, string[]> {
  if (lists) return lists;
  lists = new Map();
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
  } catch {
    return lists;
  }
  for (const f of files.sort()) {
    const data = readYamlFile(path.join(dir, f), `rules/lists/${f}`);
    const entries = Array.isArray(data) ? data : (data as { entries?: unknown })?.entries;
    if (!Array.isArray(entries) || entries.some((e) => typeof e !== 'string')) {
      throw new ConfigError(`rules/lists/${f}: expected a list of strings (or {entries: [...]})`);
    }
    lists.set(f.replace(/\.yml$/, ''), (entries as string[]).map((e) => e.normalize('NFC')));
  }
  return lists;
}

export function listEntries(name: string): string[] {
  const l = loadLists().get(name);
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
