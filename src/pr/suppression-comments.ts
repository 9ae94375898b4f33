/**
 * Parses inline suppression comments:
 *
 *   // pdscan-ignore-next-line phone -- test fixture, not a real number
 *   const x = '0912345678'; // pdscan-ignore-line phone -- made-up sample
 *
 * in any common comment syntax (`//`, `/* *\/`, `#`, `--`, `<!-- -->`, `;`, `%`, `'`). The
 * targets are rule IDs or category IDs, separated by commas or spaces; `all` (or no target)
 * covers every finding on the line. The reason follows ` -- `.
 *
 * Lines come from untrusted files, so parsing uses indexOf, slicing and one linear split, and
 * reads a bounded window after the marker.
 */

export type DirectiveScope = 'next-line' | 'line';

export interface SuppressionDirective {
  /** 1-based line the comment is on. */
  line: number;
  /** 1-based column of the marker. */
  column: number;
  scope: DirectiveScope;
  /** Rule or category IDs; empty = all findings. */
  targets: string[];
  reason?: string;
}

const NEXT = 'pdscan-ignore-next-line';
const SAME = 'pdscan-ignore-line';
const MARK = 'pdscan-ignore-';
/** Enough for any target list and reason; the rest of a very long line is not read. */
const WINDOW = 1000;
const OPENERS = ['//', '/*', '*', '#', '--', '<!--', ';', '%', "'", '{#', '{{!--', '{{/*'];
const CLOSERS = ['-->', '*/', '--}}', '#}', '*/}}', '}}'];

function isCommentBefore(prefix: string): boolean {
  const p = prefix.trimEnd();
  return OPENERS.some((o) => p.endsWith(o));
}

function stripClosers(s: string): string {
  let t = s.trimEnd();
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of CLOSERS) {
      if (t.endsWith(c)) {
        t = t.slice(0, -c.length).trimEnd();
        changed = true;
      }
    }
  }
  return t;
}

/** Parses one line; returns undefined when it holds no directive. */
export function parseDirective(text: string, line: number): SuppressionDirective | undefined {
  let at = text.indexOf(MARK);
  while (at !== -1) {
    const after = text.slice(at, at + WINDOW + NEXT.length);
    const scope: DirectiveScope | undefined = after.startsWith(NEXT) ? 'next-line' : after.startsWith(SAME) ? 'line' : undefined;
    if (scope && isCommentBefore(text.slice(0, at))) {
      const marker = scope === 'next-line' ? NEXT : SAME;
      const rest = after.slice(marker.length);
      // The marker must end at a word boundary ("pdscan-ignore-lines" is not a directive).
      if (rest === '' || rest[0] === ' ' || rest[0] === '\t' || rest.startsWith('-->') || rest.startsWith('*/')) {
        const body = stripClosers(rest);
        const sep = body.indexOf('--');
        const targetText = sep === -1 ? body : body.slice(0, sep);
        const reason = sep === -1 ? '' : body.slice(sep + 2).trim();
        const targets = targetText
          .split(/[\s,]+/)
          .map((t) => t.trim())
          .filter((t) => t && t !== 'all' && t !== '*');
        return { line, column: at + 1, scope, targets, ...(reason ? { reason } : {}) };
      }
    }
    at = text.indexOf(MARK, at + 1);
  }
  return undefined;
}

/** All directives of a file, by line. Cheap when the file holds none (one indexOf). */
export function parseDirectives(content: string): Map<number, SuppressionDirective> {
  const out = new Map<number, SuppressionDirective>();
  if (!content.includes(MARK)) return out;
  const lines = content.split('\n');
  lines.forEach((text, i) => {
    if (!text.includes(MARK)) return;
    const d = parseDirective(text.endsWith('\r') ? text.slice(0, -1) : text, i + 1);
    if (d) out.set(i + 1, d);
  });
  return out;
}

/**
 * Directives that apply to a line: its own `ignore-line` and the `ignore-next-line` comments
 * directly above it (several may be stacked, one per rule).
 */
export function directivesFor(directives: Map<number, SuppressionDirective>, line: number): SuppressionDirective[] {
  const out: SuppressionDirective[] = [];
  const own = directives.get(line);
  if (own?.scope === 'line') out.push(own);
  for (let l = line - 1; l >= 1; l--) {
    const d = directives.get(l);
    if (!d || d.scope !== 'next-line') break;
    out.push(d);
  }
  return out;
}
