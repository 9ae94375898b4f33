/**
 * Keeps only the findings a change introduced. Which lines decide depends on the finding:
 *
 *  - a flow (and a risk found on a flow: plain-text credential, unencrypted sensitive data...)
 *    is new when ANY step of its path is on a changed line: a new sink on old data, new data
 *    sent to an old sink, or an edit anywhere in between (in any file, changed or not) makes
 *    the flow the change's doing. Its sink may sit in an unchanged file: diff mode analyses the
 *    changed files' neighbours as context (see context-files.ts) precisely for such flows;
 *  - an aggregate (many values in one bulk data file) is new when any line of its file changed,
 *    since its sample locations show only the first few values;
 *  - everything else (values, declarations) is new when a line it spans changed.
 */
import type { Finding, Location } from '../model/finding.js';
import type { ChangeSet } from './changes.js';
import { outerFile } from '../sources/files/containers/types.js';

/** The locations whose lines decide whether a finding is new. */
export function decidingLocations(f: Finding): Location[] {
  if ((f.kind === 'flow' || f.kind === 'risk') && f.flow?.length) {
    const locs = f.flow.map((s) => s.location);
    return f.location ? [...locs, f.location] : locs;
  }
  return f.location ? [f.location] : [];
}

function onChangedLine(loc: Location, changes: ChangeSet, aggregate: boolean): boolean {
  const fc = changes.changed.get(loc.path) ?? changes.changed.get(outerFile(loc.path));
  if (!fc) return false;
  // A finding inside an archive or workbook: the file changed as a whole (git sees bytes, not rows).
  if (fc.path !== loc.path) return true;
  if (fc.lines === 'all') return true;
  if (aggregate) return fc.lines.size > 0;
  return fc.lines.intersects(loc.line, Math.max(loc.line, loc.endLine ?? loc.line));
}

export function isNewInChange(f: Finding, changes: ChangeSet): boolean {
  // Findings with no file location (none come from a file scan today) cannot be placed in a diff.
  return decidingLocations(f).some((loc) => onChangedLine(loc, changes, f.kind === 'aggregate'));
}

export function filterToChanges(findings: Finding[], changes: ChangeSet): Finding[] {
  return findings.filter((f) => isNewInChange(f, changes));
}
