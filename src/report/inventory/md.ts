/** Small Markdown helpers and the compact legal-reference notation used in tables. */
import type { Regime } from '../../model/categories.js';
import type { Lang, TargetFacts, Where } from './types.js';

/** Text safe inside a table cell. */
export function cell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** An inline code span (file paths, identifiers). */
export function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

export function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function whereText(w: Where): string {
  if (w.path) return code(w.line ? `${w.path}:${w.line}` : w.path);
  return w.logical ? code(w.logical) : '';
}

/** The first `max` items, then "+N". */
export function capped(items: string[], max: number, lang: Lang): string {
  if (items.length <= max) return items.join(', ');
  const more = items.length - max;
  return `${items.slice(0, max).join(', ')} ${lang === 'vi' ? `và ${more} nơi khác` : `and ${more} more`}`;
}

const INSTRUMENT: Record<string, { vi: string; en: string }> = {
  'decree-13': { vi: 'NĐ 13', en: 'Decree 13' },
  d356: { vi: 'NĐ 356', en: 'Decree 356' },
  law91: { vi: 'Luật 91', en: 'Law 91' },
};

/**
 * ["law91-2.2", "d356-3.7", "d356-3.8"] under pdpl-2025 → "Luật 91 Điều 2.2; NĐ 356 Điều 3.7, 3.8".
 * Article.clause.point, as in the rule files; the header of the document explains the notation.
 */
export function refsText(refs: string[], regime: Regime, lang: Lang): string {
  const groups = new Map<string, string[]>();
  for (const ref of refs) {
    const m = /^(d356|law91)-(.+)$/.exec(ref);
    const instrument = m ? m[1]! : regime;
    const article = m ? m[2]! : ref;
    groups.set(instrument, [...(groups.get(instrument) ?? []), article]);
  }
  const word = lang === 'vi' ? 'Điều' : 'Art.';
  return [...groups.entries()].map(([i, arts]) => `${INSTRUMENT[i]?.[lang] ?? i} ${word} ${arts.join(', ')}`).join('; ');
}

/** How a target is named in documents: its system when known, with the scanned roots. */
export function targetLabel(t: TargetFacts): string {
  if (!t.source || t.source.name === t.name) return t.name;
  return t.kind === 'files' && t.name !== '.' ? `${t.source.name} (${t.name})` : t.source.name;
}
