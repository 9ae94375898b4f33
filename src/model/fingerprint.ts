import { createHash } from 'node:crypto';
import type { Finding } from './finding.js';

/**
 * partialFingerprints that survive unrelated edits: hash of rule, category, path, the trimmed
 * content of the finding's line (not its number) and the occurrence index of that same content
 * in the file. Moving lines changes none of these.
 */
export function contentFingerprint(parts: Array<string | number>): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** Assign fingerprints to findings of one file, given a way to read a line's text. */
export function fingerprintFindings(findings: Finding[], lineText: (line: number) => string): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    if (f.fingerprint) continue;
    const loc = f.location;
    const content = loc ? lineText(loc.line).trim().replace(/\s+/g, ' ') : '';
    const logical = (f.logicalLocations ?? []).map((l) => l.fullyQualifiedName ?? l.name).join('/');
    const base = [f.ruleId, f.category, loc?.path ?? '', logical, content];
    const key = base.join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.fingerprint = contentFingerprint([...base, n]);
  }
}
