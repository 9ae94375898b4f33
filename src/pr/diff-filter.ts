/**
 * Keeps only the findings a change introduced. Which line decides depends on the finding:
 *
 *  - a flow is new when its SINK line changed (where the data now ends up: a new log call or
 *    API call on old data is a new flow; an edit near the source of an old flow is not);
 *  - an aggregate (many values in one bulk data file) is new when any line of its file changed,
 *    since its sample locations show only the first few values;
 *  - everything else is new when a line it spans changed.
 */
import type { Finding, Location } from '../model/finding.js';
import type { ChangeSet } from './changes.js';

/** The location whose line decides whether a finding is new. */
export function decidingLocation(f: Finding): Location | undefined {
  if (f.kind === 'flow' && f.flow?.length) return f.flow[f.flow.length - 1]!.location;
  return f.location;
}

export function isNewInChange(f: Finding, changes: ChangeSet): boolean {
  const loc = decidingLocation(f);
  // Findings with no file location (none come from a file scan today) cannot be placed in a diff.
  if (!loc) return false;
  const fc = changes.changed.get(loc.path);
  if (!fc) return false;
  if (fc.lines === 'all') return true;
  if (f.kind === 'aggregate') return fc.lines.size > 0;
  return fc.lines.intersects(loc.line, Math.max(loc.line, loc.endLine ?? loc.line));
}

export function filterToChanges(findings: Finding[], changes: ChangeSet): Finding[] {
  return findings.filter((f) => isNewInChange(f, changes));
}
