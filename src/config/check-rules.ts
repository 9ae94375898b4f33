/**
 * Checks of the rules a user adds in .pdscan.yml (inline `rules:`, `rule_files:`) and of its
 * `disable_rules:` that the rule-pack schema cannot express. Each mistake would otherwise be
 * silent: a built-in id replaced, a rule reporting at every position or never firing, a typo in
 * a rule id to disable. Errors are ConfigErrors naming the file and the field.
 */
import RE2 from 're2';
import { ConfigError } from '../util/errors.js';
import { compilePattern } from '../rules/load.js';
import type { RuleDef } from '../rules/types.js';

/** Capture groups of a compiled pattern: an alternative that matches "" reports them all. */
function groupCount(re: RE2): number {
  const probe = new RE2(`(?:${re.source})|`, re.flags.replace(/[gy]/g, ''));
  return (probe.exec('')?.length ?? 1) - 1;
}

function checkUserRule(rule: RuleDef, where: string, builtinIds: ReadonlySet<string>): void {
  if (builtinIds.has(rule.id)) {
    throw new ConfigError(`${where}.id: "${rule.id}" is a built-in rule id; give your rule its own id (and add "${rule.id}" to disable_rules to turn the built-in off)`);
  }
  if (rule.score !== undefined && !(rule.score >= 0 && rule.score <= 1)) {
    throw new ConfigError(`${where}.score: must be between 0 and 1, got ${rule.score}`);
  }
  let groups = Infinity;
  rule.patterns.forEach((pattern, i) => {
    const field = `${where}.patterns[${i}]`;
    const re = compilePattern(pattern, rule, field);
    const m = re.exec('');
    if (m && m[0] === '') throw new ConfigError(`${field}: the pattern matches the empty string, so it would report at every position`);
    groups = Math.min(groups, groupCount(re));
  });
  if (rule.value_group !== undefined && rule.value_group > groups) {
    throw new ConfigError(`${where}.value_group: ${rule.value_group}, but the pattern has ${groups} capture group${groups === 1 ? '' : 's'}`);
  }
}

export interface UserRules {
  /** Display name of the config file. */
  configName: string;
  inline?: RuleDef[];
  /** Rule files already read: display name and rules. */
  files?: Array<{ display: string; rules: RuleDef[] }>;
  disable?: string[];
}

export function checkUserRules(user: UserRules, builtins: readonly RuleDef[]): void {
  const builtinIds = new Set(builtins.map((r) => r.id));
  user.inline?.forEach((r, i) => checkUserRule(r, `${user.configName}: rules[${i}]`, builtinIds));
  for (const f of user.files ?? []) f.rules.forEach((r, i) => checkUserRule(r, `${f.display}: rules[${i}]`, builtinIds));
  const known = new Set([...builtinIds, ...(user.inline ?? []).map((r) => r.id), ...(user.files ?? []).flatMap((f) => f.rules.map((r) => r.id))]);
  user.disable?.forEach((id, i) => {
    if (!known.has(id)) throw new ConfigError(`${user.configName}: disable_rules[${i}]: no rule "${id}" (see \`pdscan rules\`)`);
  });
}
