/**
 * The config's allowlist: known test values, paths and rule/path pairs that are not personal
 * data (fixtures of a test suite, documentation samples). Applied after classification so that
 * it works the same for files and databases.
 */
import ignore from 'ignore';
import type { Finding } from '../model/finding.js';
import type { PdscanConfig } from '../config/load.js';

export function applyAllowlist(findings: Finding[], allow: PdscanConfig['allowlist']): Finding[] {
  if (!allow) return findings;
  const values = new Set((allow.values ?? []).map((v) => v.normalize('NFC')));
  const paths = allow.paths?.length ? ignore().add(allow.paths) : undefined;
  const rulePaths = (allow.rules_in_paths ?? []).map((r) => ({ rule: r.rule, ig: ignore().add(r.paths) }));
  return findings.filter((f) => {
    if (f.value !== undefined && values.has(f.value)) return false;
    const p = f.location?.path;
    if (p && !p.startsWith('..') && !p.startsWith('/')) {
      if (paths?.ignores(p)) return false;
      if (rulePaths.some((r) => (r.rule === f.ruleId || r.rule === f.category) && r.ig.ignores(p))) return false;
    }
    return true;
  });
}
