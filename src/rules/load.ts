/**
 * Loads rule packs (rules/*.yml plus user rules from .pdscan.yml), validates them against the
 * schema, checks categories and that RE2 accepts every pattern (validator names are checked by
 * the classifier, which owns the validators: classify/validators/index.ts). Errors name the file
 * and the field, e.g. `rules/ids.yml: rules[2].patterns[0]: RE2 refused the pattern: ...`.
 */
import path from 'node:path';
import RE2 from 're2';
import { builtinPacks, catalogueIsPrebuilt, readRulesFile } from './catalogue.js';
import { ConfigError } from '../util/errors.js';
import { isCategory } from '../model/categories.js';
import { expandMacros } from './macros.js';
import type { RuleDef } from './types.js';

/** Built-in packs are parsed and validated once per process (per worker). */
let builtinRules: RuleDef[] | undefined;

function loadBuiltinRules(): RuleDef[] {
  // A prebuilt catalogue's packs passed these checks when it was built (scripts/build-catalogue.js):
  // compiling every pattern here too would only be thrown away (the classifier compiles its own).
  const checked = catalogueIsPrebuilt();
  builtinRules ??= builtinPacks().flatMap(({ display, pack }) => (checked ? withSource(pack.rules, display) : validatePackRules(pack.rules, display)));
  return builtinRules;
}

function withSource(rules: RuleDef[], display: string): RuleDef[] {
  for (const r of rules) r.source = display;
  return rules;
}

export function checkRule(rule: RuleDef, where: string): void {
  if (!isCategory(rule.category)) throw new ConfigError(`${where}.category: unknown category "${rule.category}" (see \`pdscan rules\`)`);
  rule.patterns.forEach((p, i) => compilePattern(p, rule, `${where}.patterns[${i}]`));
  rule.allowlist?.patterns?.forEach((p, i) => compilePattern(p, rule, `${where}.allowlist.patterns[${i}]`));
}

/** The pattern with its macros expanded ({{vi:...}}, {{list:...}}); errors name `where`. */
export function expandPattern(pattern: string, where: string): string {
  try {
    return expandMacros(pattern);
  } catch (err) {
    throw new ConfigError(`${where}: ${(err as Error).message}`);
  }
}

export function compilePattern(pattern: string, rule: Pick<RuleDef, 'case_insensitive'>, where: string, extraFlags = ''): RE2 {
  const source = expandPattern(pattern, where);
  try {
    return new RE2(source, `u${rule.case_insensitive ? 'i' : ''}${extraFlags}`);
  } catch (err) {
    const why = (err as Error).message;
    const hint = /\\\d|\(\?[=!<]/.test(pattern) ? ' (RE2 does not support backreferences or lookaround; use value_group to capture the value)' : '';
    throw new ConfigError(`${where}: RE2 refused the pattern: ${why}${hint}`);
  }
}

export function loadPackFile(file: string, display = path.relative(process.cwd(), file) || file): RuleDef[] {
  return validatePackRules(readRulesFile('pack', file, display).rules, display);
}

export function validatePackRules(rules: RuleDef[], display: string): RuleDef[] {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    const where = `${display}: rules[${i}]`;
    if (seen.has(r.id)) throw new ConfigError(`${where}.id: duplicate rule id "${r.id}"`);
    seen.add(r.id);
    checkRule(r, where);
  });
  return withSource(rules, display);
}

export interface LoadRulesOptions {
  /** Extra rule files (from the config). */
  extraFiles?: string[];
  /** Rules defined inline in .pdscan.yml. */
  extraRules?: RuleDef[];
  /** Rule IDs to disable. */
  disable?: string[];
}

export function loadRules(opts: LoadRulesOptions = {}): RuleDef[] {
  const byId = new Map<string, RuleDef>();
  // A later rule with the same ID replaces the earlier one: users tune a built-in rule without forking its pack.
  const add = (rules: RuleDef[]) => rules.forEach((r) => byId.set(r.id, r));
  add(loadBuiltinRules());
  for (const f of opts.extraFiles ?? []) add(loadPackFile(f));
  if (opts.extraRules?.length) add(validatePackRules(opts.extraRules, '.pdscan.yml rules'));
  for (const id of opts.disable ?? []) byId.delete(id);
  return [...byId.values()];
}
