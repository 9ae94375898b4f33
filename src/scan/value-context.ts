/**
 * Records on every value finding of a file where it was found (the file's context) and, when a
 * judge is given, whether the value itself is synthetic. The CLI's policy (src/report/test-data.ts)
 * turns these facts into levels; here they are only recorded, so JSON and SARIF show them.
 */
import { isValueFinding, type Finding } from '../model/finding.js';
import type { ContextVerdict } from '../classify/context/file-context.js';
import type { SyntheticVerdict } from '../classify/synthetic/synthetic.js';

/** `line`: the text of the value's line, given outside data files (see judgeSynthetic). */
export type SyntheticJudge = (value: string, category: string, line?: string) => SyntheticVerdict;

/** Adds `properties.context` (and `synthetic`, `placeholder`) to the file's value findings, in place. */
export function annotateValueFindings(
  findings: Finding[],
  fileVerdict: ContextVerdict,
  judge?: SyntheticJudge,
  atLine?: (line: number) => ContextVerdict | undefined,
  lineText?: (line: number) => string,
): void {
  for (const f of findings) {
    if (!isValueFinding(f)) continue;
    // A primary file can hold a non-primary line (an inline SVG icon in a component); not the reverse.
    const inline = f.location && (fileVerdict.context === 'source' || fileVerdict.context === 'data') ? atLine?.(f.location.line) : undefined;
    const verdict = inline ?? fileVerdict;
    const props: Record<string, unknown> = { ...(f.properties ?? {}), context: verdict.context };
    const explain = [...(f.explain ?? []), `${inline ? 'line' : 'file'} context: ${verdict.context} (${verdict.reason})`];
    if (judge && f.value !== undefined) {
      // In a data file a company beside a value is the person's employer, not the value's owner.
      const line = verdict.context !== 'data' && f.location && lineText ? lineText(f.location.line) : undefined;
      const s = judge(f.value, f.category, line);
      props.synthetic = s.synthetic;
      if (s.placeholder) props.placeholder = true;
      if (s.synthetic && s.reason) explain.push(`value is synthetic: ${s.reason}`);
    }
    f.properties = props;
    f.explain = explain;
  }
}
