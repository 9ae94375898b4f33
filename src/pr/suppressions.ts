/**
 * Applies inline suppression comments to findings. Suppressed findings are kept and marked
 * (`suppression.kind = inSource`, the reason as justification) so SARIF shows them as
 * suppressed rather than losing them. A directive without a reason is itself reported, as a
 * low-level finding of the category it hid, so that hiding personal data leaves a trace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../model/finding.js';
import { MISSING_REASON_RULE } from '../rules/meta/families.js';
import { fingerprintFindings } from '../model/fingerprint.js';
import { orderCategories, type Regime } from '../model/categories.js';
import { directivesFor, parseDirectives, type SuppressionDirective } from './suppression-comments.js';

const MARK = Buffer.from('pdscan-ignore-');

function matches(d: SuppressionDirective, f: Finding): boolean {
  return d.targets.length === 0 || d.targets.includes(f.ruleId) || f.categories.some((c) => d.targets.includes(c));
}

export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: number;
  missingReason: number;
}

/**
 * Reads a finding's file for its directives: from disk, or for a file inside an archive
 * (`backup.zip!/app/settings.py`) from the texts the scan kept because they hold a directive.
 */
export function suppressionReader(cwd: string, innerTexts?: Record<string, string>): (rel: string) => Buffer | undefined {
  return (rel) => {
    const inner = innerTexts?.[rel];
    if (inner !== undefined) return Buffer.from(inner, 'utf8');
    try {
      return readFileSync(path.resolve(cwd, rel));
    } catch {
      return undefined;
    }
  };
}

/**
 * @param readFile returns a file's bytes by scan-relative path (tests pass their own); undefined when unreadable.
 */
export function applySuppressions(
  findings: Finding[],
  cwd: string,
  regime: Regime,
  readFile: (rel: string) => Buffer | undefined = suppressionReader(cwd),
): SuppressionOutcome {
  const directivesByFile = new Map<string, Map<number, SuppressionDirective>>();
  const linesByFile = new Map<string, string[]>();
  const directivesOf = (p: string) => {
    let d = directivesByFile.get(p);
    if (!d) {
      const buf = readFile(p);
      d = new Map();
      if (buf && buf.includes(MARK)) {
        const text = buf.toString('utf8');
        d = parseDirectives(text);
        if (d.size) linesByFile.set(p, text.split('\n'));
      }
      directivesByFile.set(p, d);
    }
    return d;
  };

  // Directives without a reason that hid something, with the categories they hid.
  const unexplained = new Map<string, { path: string; d: SuppressionDirective; categories: Set<string> }>();
  let suppressed = 0;
  const out: Finding[] = findings.map((f) => {
    if (f.suppression || !f.location || f.ruleId === MISSING_REASON_RULE) return f;
    const all = directivesOf(f.location.path);
    if (!all.size) return f;
    const lines = new Set([f.location.line]);
    // A flow can also be silenced at its sink, where the data ends up.
    const sink = f.kind === 'flow' ? f.flow?.[f.flow.length - 1]?.location : undefined;
    const candidates = directivesFor(all, f.location.line);
    if (sink && sink.path === f.location.path && !lines.has(sink.line)) candidates.push(...directivesFor(all, sink.line));
    const d = candidates.find((c) => matches(c, f));
    if (!d) return f;
    suppressed++;
    if (!d.reason) {
      const key = `${f.location.path}:${d.line}`;
      const u = unexplained.get(key) ?? { path: f.location.path, d, categories: new Set<string>() };
      f.categories.forEach((c) => u.categories.add(c));
      unexplained.set(key, u);
    }
    return { ...f, suppression: { kind: 'inSource', ...(d.reason ? { justification: d.reason } : {}) } };
  });

  const warnings = new Map<string, Finding[]>();
  for (const u of unexplained.values()) {
    const cats = orderCategories([...u.categories], regime);
    const target = u.d.targets.length ? u.d.targets.join(', ') : 'all findings';
    const f: Finding = {
      ruleId: MISSING_REASON_RULE,
      kind: 'risk',
      category: cats[0]!,
      categories: cats,
      confidence: 'high',
      score: 1,
      level: 'low',
      message: `Suppression of ${target} without a reason (add "-- <why>" to the comment)`,
      location: { path: u.path, line: u.d.line, column: u.d.column },
      properties: { suppressedTargets: u.d.targets },
    };
    warnings.set(u.path, [...(warnings.get(u.path) ?? []), f]);
    out.push(f);
  }
  for (const [p, list] of warnings) {
    const lines = linesByFile.get(p) ?? [];
    fingerprintFindings(list, (l) => lines[l - 1] ?? '');
  }
  return { findings: out, suppressed, missingReason: unexplained.size };
}
