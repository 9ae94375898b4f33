/**
 * Scoring of pdscan's JSON output against blind labels of one application (bench/real-apps/apps).
 * Fields: precision and recall at (file, field, category); a declaration is matched to a labelled
 * field by file, field name (last path segment, case-insensitive) and line within ±3, and judged
 * against that label only (pdscan findings on fields nobody labelled are not scored).
 * Flows: a labelled sink call is found when a flow result sits in its file within its line range
 * ±3, or when any step of a result's codeFlow does.
 */

/**
 * tuning: may be read and tuned on; heldout: held out since the first round; heldout2: a second
 * held-out batch labelled later (its first blind run is recorded before it is ever scored again);
 * heldout3: a third such batch (session 5, labeller L10).
 */
export const SPLITS = ['tuning', 'heldout', 'heldout2', 'heldout3'] as const;
export type Split = (typeof SPLITS)[number];

export interface FieldLabel { file: string; line: number; model?: string; field: string; category: string | null }
export interface FlowLabel { file: string; lines: [number, number]; sink: string; recipient?: string | null; categories: string[]; note?: string }
export interface AppLabels {
  repo: string;
  commit: string;
  kind: 'vn' | 'intl';
  monorepo: boolean;
  domain?: string;
  split: Split;
  labeller?: string;
  fields: FieldLabel[];
  flows: FlowLabel[];
}

interface Loc { path: string; line: number }
export interface PdscanFinding {
  ruleId: string;
  kind: string;
  category: string;
  categories?: string[];
  location: Loc;
  flow?: Array<{ location: Loc; message?: string }>;
  properties?: { model?: string; field?: string };
}

export interface FieldMiss { file: string; line: number; field: string; expected: string | null; got: string[] }
export interface AppScore {
  fields: { tp: number; fp: number; fn: number; misses: FieldMiss[] };
  flows: { found: number; total: number; missed: FlowLabel[]; resultsInFlowFiles: number; unmatchedResults: Array<{ ruleId: string; file: string; line: number }> };
}

const LINE_SLACK = 3;

const lastSegment = (field: string): string => (field.split('.').pop() ?? field).toLowerCase();
const norm = (p: string): string => p.replace(/\\/g, '/').replace(/^\.\//, '');

function near(line: number, from: number, to: number): boolean {
  return line >= from - LINE_SLACK && line <= to + LINE_SLACK;
}

export function scoreApp(labels: AppLabels, findings: readonly PdscanFinding[]): AppScore {
  const declarations = findings.filter((f) => f.kind === 'declaration' && f.properties?.field);
  const fieldScore: AppScore['fields'] = { tp: 0, fp: 0, fn: 0, misses: [] };

  // Each declaration is judged against the nearest labelled field of the same name in its file.
  const judged = new Set<PdscanFinding>();
  const byLabel = new Map<FieldLabel, PdscanFinding[]>();
  for (const d of declarations) {
    const file = norm(d.location.path);
    let best: FieldLabel | undefined;
    for (const l of labels.fields) {
      if (norm(l.file) !== file || lastSegment(l.field) !== lastSegment(d.properties!.field!)) continue;
      if (!near(d.location.line, l.line, l.line)) continue;
      if (!best || Math.abs(l.line - d.location.line) < Math.abs(best.line - d.location.line)) best = l;
    }
    if (!best) continue;
    judged.add(d);
    byLabel.set(best, [...(byLabel.get(best) ?? []), d]);
  }
  for (const l of labels.fields) {
    const got = byLabel.get(l) ?? [];
    const cats = [...new Set(got.map((d) => d.category))];
    for (const c of cats) {
      if (c === l.category) fieldScore.tp++;
      else fieldScore.fp++;
    }
    if (l.category !== null && !cats.includes(l.category)) fieldScore.fn++;
    if ((l.category !== null && !cats.includes(l.category)) || cats.some((c) => c !== l.category)) {
      fieldScore.misses.push({ file: l.file, line: l.line, field: l.field, expected: l.category, got: cats });
    }
  }

  const flowResults = findings.filter((f) => (f.kind === 'flow' || f.kind === 'risk') && (f.flow?.length ?? 0) > 0);
  const hits = (label: FlowLabel, f: PdscanFinding): boolean => {
    const file = norm(label.file);
    const [from, to] = label.lines;
    if (norm(f.location.path) === file && near(f.location.line, from, to)) return true;
    return (f.flow ?? []).some((s) => norm(s.location.path) === file && near(s.location.line, from, to));
  };
  const missed = labels.flows.filter((l) => !flowResults.some((f) => hits(l, f)));
  const flowFiles = new Set(labels.flows.map((l) => norm(l.file)));
  const inFlowFiles = findings.filter((f) => f.kind === 'flow' && flowFiles.has(norm(f.location.path)));
  const unmatched = inFlowFiles.filter((f) => !labels.flows.some((l) => norm(l.file) === norm(f.location.path) && near(f.location.line, l.lines[0], l.lines[1])));
  return {
    fields: fieldScore,
    flows: {
      found: labels.flows.length - missed.length,
      total: labels.flows.length,
      missed,
      resultsInFlowFiles: inFlowFiles.length,
      unmatchedResults: unmatched.map((f) => ({ ruleId: f.ruleId, file: norm(f.location.path), line: f.location.line })),
    },
  };
}

export interface Totals { tp: number; fp: number; fn: number; flowsFound: number; flowsTotal: number }

export function addUp(scores: readonly AppScore[]): Totals {
  const t: Totals = { tp: 0, fp: 0, fn: 0, flowsFound: 0, flowsTotal: 0 };
  for (const s of scores) {
    t.tp += s.fields.tp;
    t.fp += s.fields.fp;
    t.fn += s.fields.fn;
    t.flowsFound += s.flows.found;
    t.flowsTotal += s.flows.total;
  }
  return t;
}

export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
