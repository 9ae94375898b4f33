/**
 * Records on every value finding of a file where it was found (the file's context) and, when a
 * judge is given, whether the value itself is synthetic. The CLI's policy (src/report/test-data.ts)
 * turns these facts into levels; here they are only recorded, so JSON and SARIF show them.
 */
import { isValueFinding, type Finding } from '../model/finding.js';
import type { ContextVerdict } from '../classify/context/file-context.js';
import { syntheticPolicy, type RecordPolicy, type SyntheticVerdict } from '../classify/synthetic/synthetic.js';

/** `line`: the text of the value's line, given outside data files (see judgeSynthetic). */
export type SyntheticJudge = (value: string, category: string, line?: string) => SyntheticVerdict;

/** Adds `properties.context` (and `synthetic`, `placeholder`) to the file's value findings, in place. */
export function annotateValueFindings(
  findings: Finding[],
  fileVerdict: ContextVerdict,
  judge?: SyntheticJudge,
  atLine?: (line: number) => ContextVerdict | undefined,
  lineText?: (line: number) => string,
  userRules?: ReadonlySet<string>,
): void {
  const recognisers = new Map<Finding, string>();
  for (const f of findings) {
    if (!isValueFinding(f)) continue;
    // A primary file can hold a non-primary line (an inline SVG icon in a component); not the reverse.
    const inline = f.location && (fileVerdict.context === 'source' || fileVerdict.context === 'data') ? atLine?.(f.location.line) : undefined;
    const verdict = inline ?? fileVerdict;
    const props: Record<string, unknown> = { ...(f.properties ?? {}), context: verdict.context };
    const explain = [...(f.explain ?? []), `${inline ? 'line' : 'file'} context: ${verdict.context} (${verdict.reason})`];
    if (judge && f.value !== undefined) {
      // In a data file a company beside a value is the person's employer, not the value's owner.
      // The lines just above count too: a letterhead names the hospital above its address and mailbox.
      const line = verdict.context !== 'data' && f.location && lineText ? headerWindow(lineText, f.location.line) : undefined;
      const sampleOf = typeof f.properties?.sampleOf === 'string' ? f.properties.sampleOf : undefined;
      const s: SyntheticVerdict = sampleOf ? { synthetic: true, placeholder: false, reason: `sample-declaration (inside \`${sampleOf}\`, named as sample or example data)`, recogniser: 'sample-declaration' } : judge(f.value, f.category, line);
      props.synthetic = s.synthetic;
      if (s.placeholder) props.placeholder = true;
      if (s.recogniser) recognisers.set(f, s.recogniser);
      if (s.synthetic && s.reason) explain.push(`value is synthetic: ${s.reason}`);
    }
    f.properties = props;
    f.explain = explain;
  }
  if (judge) readRecords(findings, recognisers, syntheticPolicy().records, userRules);
}

const PRIMARY = new Set(['source', 'data']);

/** Lines above a value that `line_patterns` recognisers read with its own line. */
const HEADER_LINES = 2;

function headerWindow(lineText: (line: number) => string, line: number): string {
  const out: string[] = [];
  for (let l = Math.max(1, line - HEADER_LINES); l <= line; l++) out.push(lineText(l));
  return out.join('\n');
}

/**
 * Reads a file's values together, by record (the lines around each value; one line in CSV-like
 * files): a made-up value spreads to its record (a demo account's name beside its role mailbox and
 * sequential phone), and in application source a value that names nobody (a gender, a diagnosis, a
 * password, an amount) with no realistic identifier in its record is marked `lone` (not for the
 * user's own rules from .pdscan.yml, which say what the user wants found).
 */
function readRecords(findings: Finding[], recognisers: Map<Finding, string>, policy: RecordPolicy, userRules?: ReadonlySet<string>): void {
  const values = findings.filter((f) => isValueFinding(f) && f.location && PRIMARY.has(String(f.properties?.context)));
  if (!values.length) return;
  const path = values[0]!.location!.path;
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const window = policy.lineRecords.has(ext) ? 0 : policy.windowLines;
  const markers = byLine(values.filter((f) => {
    const id = recognisers.get(f);
    return id !== undefined && policy.contagious.has(id) && policy.contagiousCategories.has(f.category);
  }));
  // Judged before any value is changed, so a spread value does not spread further.
  const realistic = byLine(values.filter((f) => f.properties?.synthetic !== true && reported(f) && policy.identifiers.has(f.category) && !policy.notIdentifierRules.has(f.ruleId)));
  const spread: Array<[Finding, Finding]> = [];
  const lone: Finding[] = [];
  for (const f of values) {
    if (f.properties?.synthetic === true) continue;
    const marker = nearest(markers, f, window);
    if (marker) spread.push([f, marker]);
    // The user's own rules are not second-guessed: "lone" was measured on the built-in detectors.
    else if (f.properties?.context === 'source' && !userRules?.has(f.ruleId) && !nearest(realistic, f, window, true)) lone.push(f);
  }
  for (const [f, m] of spread) {
    f.properties = { ...f.properties, synthetic: true };
    const lines = Math.abs(m.location!.line - f.location!.line);
    f.explain = [...(f.explain ?? []), `value is synthetic: synthetic-record (a made-up ${m.category} value, ${recognisers.get(m)}, ${lines ? `${lines} line${lines > 1 ? 's' : ''} away` : 'on the same line'}: a demo record)`];
  }
  for (const f of lone) {
    f.properties = { ...f.properties, lone: true };
    f.explain = [...(f.explain ?? []), `no realistic name, phone, e-mail or ID number within ${window} lines in application source: not a person's record`];
  }
}

/** An identifier reported on its own (identifiers are basic data: warning at high confidence, see report/level.ts). */
function reported(f: Finding): boolean {
  return f.level ? f.level !== 'low' : f.confidence === 'high';
}

function byLine(fs: Finding[]): Finding[] {
  return fs.sort((a, b) => a.location!.line - b.location!.line);
}

/** The first finding of `sorted` (by line) within `window` lines of `f`, other than `f` (or `f` itself when `self`). */
function nearest(sorted: Finding[], f: Finding, window: number, self = false): Finding | undefined {
  const line = f.location!.line;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.location!.line < line - window) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i]!.location!.line <= line + window; i++) {
    if (sorted[i] !== f || self) return sorted[i];
  }
  return undefined;
}
