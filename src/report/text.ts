/** Readable output grouped by file, colour on a terminal, summary at the end. */
import pc from 'picocolors';
import type { Finding, Level } from '../model/finding.js';
import type { ScanResult } from '../model/result.js';
import { category, findingSensitive, isCategory } from '../model/categories.js';
import { findingLevel } from './level.js';
import { findingMessage } from './sarif.js';
import { summarize } from './json.js';
import type { ReportContext } from './context.js';

/**
 * File names and messages may hold escape sequences or newlines (a hostile repository): shown
 * raw they drive the terminal or break the layout, so control characters are written escaped.
 */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Files or tables the source skipped, by reason: every skip is counted. */
function skippedCounts(stats: Record<string, number>): string[] {
  const reasons: Array<[string, string]> = [
    ['filesTooLarge', 'over --max-file-size'],
    ['filesBinary', 'binary'],
    ['filesMinified', 'minified'],
    ['filesIgnored', 'ignored'],
    ['tablesSkipped', 'tables skipped'],
  ];
  return reasons.filter(([k]) => (stats[k] ?? 0) > 0).map(([k, why]) => `${stats[k]} ${why}`);
}

/** "path:line" of a finding's location. */
const at = (f: Finding): string => `${escapeControl(f.location?.path ?? '')}:${f.location?.line ?? ''}`;
/** Other call sites named after a grouped wrapper result; past this, only their number. */
const MAX_LISTED_SITES = 8;

/**
 * Results reported at the call sites of one wrapper (same rule, same sink inside the wrapper): the
 * first is shown, the others are listed under it rather than repeated (JSON and SARIF keep them all).
 */
function groupCallSites(findings: Finding[]): { shown: Finding[]; others: Map<Finding, Finding[]> } {
  const first = new Map<string, Finding>();
  const others = new Map<Finding, Finding[]>();
  const shown: Finding[] = [];
  for (const f of findings) {
    const sink = f.properties?.sinkLocation as { path?: string; line?: number } | undefined;
    const wrapper = f.properties?.wrapper;
    if (!sink || typeof wrapper !== 'string' || f.suppression) {
      shown.push(f);
      continue;
    }
    const key = `${f.ruleId}\u0000${sink.path}:${sink.line}`;
    const head = first.get(key);
    if (!head) {
      first.set(key, f);
      shown.push(f);
    } else others.set(head, [...(others.get(head) ?? []), f]);
  }
  return { shown, others };
}

export function toText(results: ScanResult[], ctx: ReportContext): string {
  const c = pc.createColors(ctx.color ?? false);
  const paint: Record<Level, (s: string) => string> = { high: c.red, medium: c.yellow, low: c.dim };
  const out: string[] = [];
  const findings = results.flatMap((r) => r.findings);
  const grouped = groupCallSites(findings);
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.location?.path ?? '(no location)';
    byFile.set(key, [...(byFile.get(key) ?? []), f]);
  }
  const shown = new Set(grouped.shown);
  for (const [file, all] of byFile) {
    const list = all.filter((f) => shown.has(f));
    if (!list.length) continue;
    out.push(c.bold(c.underline(escapeControl(file))));
    for (const f of list) {
      const level = findingLevel(f, ctx.regime);
      const pos = f.location ? `${f.location.line}:${f.location.column}` : '';
      const sens = findingSensitive(f, ctx.regime) ? c.magenta(' sensitive') : '';
      const sub = f.properties?.subcategory;
      const kind = typeof sub === 'string' && isCategory(sub) ? c.dim(`/${sub}`) : '';
      const count = f.count !== undefined ? c.dim(` ×${f.count}`) : '';
      const sup = f.suppression ? c.dim(` (suppressed${f.suppression.justification ? `: ${f.suppression.justification}` : ''})`) : '';
      const where = f.logicalLocations?.length ? c.dim(` [${f.logicalLocations.map((l) => l.name).join('.')}]`) : '';
      out.push(`  ${pos.padEnd(9)} ${paint[level](level.padEnd(6))} ${c.cyan(f.category)}${kind}${sens}  ${findingMessage(f, ctx.showData)}${count}${where}${sup}  ${c.dim(`${f.ruleId} · ${f.confidence}`)}`);
      if (f.flow?.length) {
        for (const step of f.flow) out.push(c.dim(`      ↳ ${escapeControl(step.location.path)}:${step.location.line}  ${step.message}`));
      }
      const more = grouped.others.get(f);
      if (more?.length) {
        const listed = more.slice(0, MAX_LISTED_SITES).map(at).join(', ');
        const rest = more.length > MAX_LISTED_SITES ? `, … and ${more.length - MAX_LISTED_SITES} more` : '';
        out.push(c.dim(`      + ${plural(more.length, 'other call site')} of ${String(f.properties?.wrapper)}() reach the same sink: ${listed}${rest}`));
      }
      if (ctx.explain && f.explain?.length) {
        for (const e of f.explain) out.push(c.dim(`      · ${e}`));
      }
    }
    out.push('');
  }
  const problems = results.flatMap((r) => r.problems);
  if (problems.length) {
    // Counted as well as named: past 50 the list is cut, the count is not.
    out.push(c.bold(`Skipped (${problems.length})`));
    for (const p of problems.slice(0, 50)) out.push(`  ${escapeControl(p.where)}: ${escapeControl(p.message)}`);
    if (problems.length > 50) out.push(`  … and ${problems.length - 50} more`);
    out.push('');
  }
  const binary = results.flatMap((r) => r.skippedBinary ?? []);
  if (binary.length) {
    const shown = binary.slice(0, 10).join(', ');
    out.push(c.dim(`${binary.length} binary file${binary.length === 1 ? '' : 's'} not read: ${shown}${binary.length > 10 ? `, … and ${binary.length - 10} more (see --json)` : ''}`));
  }
  const s = summarize(results, ctx);
  const stats = Object.assign({}, ...results.map((r) => r.stats)) as Record<string, number>;
  const unit = stats.filesScanned !== undefined ? 'file' : stats.tablesScanned !== undefined ? 'table' : undefined;
  const withFindings = [...byFile.keys()].filter((k) => k !== '(no location)').length;
  const total = unit === 'file' ? stats.filesScanned! : unit === 'table' ? stats.tablesScanned! : 0;
  // Files with findings, then what was scanned: "in 27 files" read as 27 files with findings.
  const where = unit ? ` in ${plural(withFindings, unit)} (${plural(total, unit)} scanned)` : '';
  out.push(
    c.bold(plural(s.findings, 'finding')) +
      ` (${paint.high(`${s.byLevel.high} high`)}, ${paint.medium(`${s.byLevel.medium} medium`)}, ${s.byLevel.low} low)` +
      where +
      (s.suppressed ? `, ${s.suppressed} suppressed` : '') +
      ` · regime ${ctx.regime}`,
  );
  const skips = skippedCounts(stats);
  if (skips.length) out.push(c.dim(`Not scanned: ${skips.join(', ')}`));
  const cats = Object.entries(s.byCategory).sort((a, b) => b[1] - a[1]);
  if (cats.length) {
    out.push(
      cats
        .map(([id, n]) => `${s.sensitiveCategories.includes(id) ? c.magenta(`${id}*`) : id} ${n}`)
        .join(', ') + (s.sensitiveCategories.length ? c.dim('   (* sensitive)') : ''),
    );
    const sensitive = s.sensitiveCategories.map((id) => category(id).label_en);
    if (sensitive.length) out.push(c.magenta(`Sensitive data: ${sensitive.join('; ')}`));
  }
  if (ctx.configFile) out.push(c.dim(`Config: ${escapeControl(ctx.configFile)}`));
  if (!ctx.showData && findings.some((f) => f.value)) out.push(c.dim('Values are masked; use --show-data to see them.'));
  return `${out.join('\n')}\n`;
}
