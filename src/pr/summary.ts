/**
 * The Markdown job summary (GITHUB_STEP_SUMMARY): what a reviewer needs without GitHub Advanced
 * Security. New findings by category and level, what the change adds to the data inventory
 * (sensitive categories, recipients, transfers abroad), the obligations that follow, and the
 * check's outcome. Values are masked like every other output unless --show-data.
 */
import type { Finding, Level } from '../model/finding.js';
import type { ScanResult } from '../model/result.js';
import { category, findingSensitive, orderCategories, regimeInfo } from '../model/categories.js';
import { formatRef } from '../model/legal-refs.js';
import { findingLevel } from '../report/level.js';
import { findingMessage } from '../report/sarif.js';
import type { ReportContext } from '../report/context.js';
import type { FactsDiff, RecipientFact } from './inventory-facts.js';
import type { ObligationReport } from './obligations.js';
import type { BaselineEntry } from './baseline.js';

export interface SummaryInput {
  results: ScanResult[];
  ctx: ReportContext;
  failOn: 'none' | Level;
  exitCode: number;
  /** Present in diff mode. */
  diff?: { ref: string; from: string; changedFiles: number; deletedFiles: number };
  /** Inventory items found (full scan) or introduced (diff mode). */
  introduced: FactsDiff;
  obligations: ObligationReport;
  /** How `introduced` was decided, shown in small print. */
  comparedWith?: string;
  baselined: number;
  stale: BaselineEntry[];
  baselineFile?: string;
  notes: string[];
  /** Link to a file line on the forge, when known. */
  link?: (path: string, line: number) => string | undefined;
  /** At most this many findings are listed one by one. */
  maxRows?: number;
}

const LEVELS: Level[] = ['high', 'medium', 'low'];
const ICON: Record<Level, string> = { high: '🔴', medium: '🟠', low: '⚪' };

/** Escapes text for a Markdown table cell (no HTML, no pipes, no line breaks). */
export function mdCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, "'")
    .replace(/[\r\n]+/g, ' ');
}

const catLabel = (id: string) => {
  const c = category(id);
  return `\`${id}\` ${mdCell(c.label_en)} (${mdCell(c.label_vi)})`;
};

const recipientLabel = (r: RecipientFact) =>
  `${mdCell(r.name)}${r.country ? ` (${mdCell(r.country)}${r.kind ? `, ${mdCell(r.kind)}` : ''})` : r.kind ? ` (${mdCell(r.kind)})` : ''}` +
  (r.categories.length ? ` — ${r.categories.map((c) => `\`${c}\``).join(', ')}` : '');

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderSummary(input: SummaryInput): string {
  const { ctx } = input;
  const regime = ctx.regime;
  const findings = input.results.flatMap((r) => r.findings);
  const active = findings.filter((f) => !f.suppression);
  const suppressed = findings.length - active.length;
  const byLevel: Record<Level, number> = { high: 0, medium: 0, low: 0 };
  const byCat = new Map<string, Record<Level, number>>();
  // Sensitive by law when one of the category's findings is (blood type: not under decree-13).
  const sensitiveCats = new Set<string>();
  for (const f of active) {
    const l = findingLevel(f, regime);
    byLevel[l]++;
    if (findingSensitive(f, regime)) sensitiveCats.add(f.category);
    const row = byCat.get(f.category) ?? { high: 0, medium: 0, low: 0 };
    row[l]++;
    byCat.set(f.category, row);
  }
  const isDiff = input.diff !== undefined;
  const noun = isDiff ? 'new finding' : 'finding';
  const out: string[] = [];

  out.push('## pdscan: personal data check', '');
  const passed = input.exitCode === 0;
  const verdict = input.failOn === 'none'
    ? 'ℹ️ Report only (`fail-on: none`).'
    : passed
      ? `✅ Passed: no ${isDiff ? 'new ' : ''}finding at or above \`${input.failOn}\`.`
      : `❌ Failed: ${isDiff ? 'new ' : ''}findings at or above \`${input.failOn}\`.`;
  out.push(verdict, '');

  const scope = input.diff
    ? `in ${plural(input.diff.changedFiles, 'changed file')} since \`${mdCell(input.diff.ref)}\` (${input.diff.from.slice(0, 12)})`
    : `in ${plural(Number(input.results[0]?.stats.filesScanned ?? 0), 'file')}`;
  const extras = [
    suppressed ? `${suppressed} suppressed inline` : '',
    input.baselined ? `${input.baselined} hidden by the baseline` : '',
  ].filter(Boolean);
  out.push(
    `**${plural(active.length, noun)}** ${scope}: ${LEVELS.map((l) => `${ICON[l]} ${byLevel[l]} ${l}`).join(' · ')}` +
      (extras.length ? ` (${extras.join(', ')})` : '') +
      `. Regime: ${mdCell(regimeInfo(regime).title)}.`,
    '',
  );

  if (byCat.size) {
    out.push(`### ${isDiff ? 'New findings' : 'Findings'} by category and level`, '');
    out.push('| Category | Sensitive | High | Medium | Low | Total |', '|---|:---:|---:|---:|---:|---:|');
    for (const id of orderCategories(byCat.keys(), regime)) {
      const r = byCat.get(id)!;
      out.push(`| ${catLabel(id)} | ${sensitiveCats.has(id) ? '**yes**' : 'no'} | ${r.high} | ${r.medium} | ${r.low} | ${r.high + r.medium + r.low} |`);
    }
    out.push('');
  }

  const d = input.introduced;
  out.push(isDiff ? '### Introduced by this change (inventory diff against the base)' : '### Data inventory found', '');
  const none = isDiff ? 'none new' : 'none found';
  out.push(`- **${isDiff ? 'New sensitive categories' : 'Sensitive categories'}:** ${d.sensitiveCategories.length ? d.sensitiveCategories.map(catLabel).join('; ') : none}`);
  out.push(`- **${isDiff ? 'New recipients' : 'Recipients'}:** ${d.recipients.length ? d.recipients.map(recipientLabel).join('; ') : none}`);
  out.push(`- **${isDiff ? 'New cross-border transfers' : 'Cross-border transfers'}:** ${d.transfers.length ? d.transfers.map(recipientLabel).join('; ') : none}`);
  if (d.purposes.length) out.push(`- **${isDiff ? 'New purposes (to confirm)' : 'Purposes (to confirm)'}:** ${d.purposes.map((p) => `\`${mdCell(p)}\``).join(', ')}`);
  if (input.comparedWith) out.push('', `<sub>${mdCell(input.comparedWith)}</sub>`);
  out.push('');

  const ob = input.obligations;
  if (ob.obligations.length || ob.lostExemptions.length) {
    out.push(isDiff ? '### Obligations these changes trigger' : '### Obligations triggered', '');
    if (ob.obligations.length) {
      out.push('| Obligation | Status | Deadline | Legal basis |', '|---|---|---|---|');
      for (const o of ob.obligations) {
        const change = !isDiff ? 'applies' : o.status === 'new' ? '**new**' : 'already applies: update the dossier';
        // The inventory's "to confirm": pdscan cannot rule the trigger out, or a condition it cannot check decides.
        const status = o.verdict === 'to-confirm' ? `${isDiff ? `${change}, ` : ''}to confirm: ${mdCell(o.confirm ?? '')}` : change;
        const refs = o.refs.slice(0, 4).map((r) => formatRef(r)).join('; ') + (o.refs.length > 4 ? '; …' : '');
        out.push(`| ${mdCell(o.title_en)}<br><sub>${mdCell(o.title_vi)}</sub> | ${status} | ${o.deadline ? mdCell(o.deadline) : '—'} | ${mdCell(refs)} |`);
      }
      out.push('');
    }
    for (const e of ob.lostExemptions) {
      out.push(`> ⚠️ The exemption **${mdCell(e.label_en)}** (${mdCell(e.label_vi)}) is not available once sensitive data is processed; it covered: ${e.covers.map((c) => `\`${c}\``).join(', ')}.`, '');
    }
  } else if (isDiff) {
    out.push('### Obligations these changes trigger', '', 'No new obligation: the change adds no sensitive category, recipient or cross-border transfer.', '');
  }

  if (active.length) {
    const max = input.maxRows ?? 50;
    const sorted = [...active].sort((a, b) => rank(b, regime) - rank(a, regime));
    out.push(`### ${isDiff ? 'New findings' : 'Findings'}${sorted.length > max ? ` (first ${max} of ${sorted.length})` : ''}`, '');
    out.push('| Level | Category | Where | Finding | Rule |', '|---|---|---|---|---|');
    for (const f of sorted.slice(0, max)) {
      const l = findingLevel(f, regime);
      out.push(`| ${ICON[l]} ${l} | \`${f.category}\` | ${where(f, input.link)} | ${mdCell(findingMessage(f, ctx.showData))} | \`${mdCell(f.ruleId)}\` |`);
    }
    out.push('');
  }

  if (input.stale.length) {
    out.push(
      `<details><summary>${plural(input.stale.length, 'baseline entry')} no longer match${input.stale.length === 1 ? 'es' : ''} (stale)</summary>`,
      '',
      `Clean them with \`pdscan baseline prune --baseline ${mdCell(input.baselineFile ?? '.pdscan-baseline.json')}\`.`,
      '',
      ...input.stale.slice(0, 100).map((e) => `- \`${mdCell(e.ruleId)}\` \`${e.category}\` ${e.path ? `\`${mdCell(e.path)}${e.line ? `:${e.line}` : ''}\`` : ''}`),
      ...(input.stale.length > 100 ? [`- … and ${input.stale.length - 100} more`] : []),
      '',
      '</details>',
      '',
    );
  }
  if (input.notes.length) out.push(...input.notes.map((n) => `> ${mdCell(n)}`), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function rank(f: Finding, regime: ReportContext['regime']): number {
  const l = { high: 3, medium: 2, low: 1 }[findingLevel(f, regime)];
  return l * 10 + (findingSensitive(f, regime) ? 1 : 0);
}

function where(f: Finding, link: SummaryInput['link']): string {
  const loc = f.location;
  if (!loc) return '—';
  const text = `${mdCell(loc.path)}:${loc.line}`;
  const url = link?.(loc.path, loc.line);
  return url ? `[\`${text}\`](${url})` : `\`${text}\``;
}
