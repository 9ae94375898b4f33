/**
 * Keyed values: personal data whose only context is its key or column — `"hoTenCha": "…"`,
 * `ghi_chu_rieng_tu,…` CSV headers, `INSERT INTO t (mat_khau, …)`, `vector_khuon_mat: [0.12, …]`,
 * `| Ảnh CCCD mặt trước |` table headers. The key is classified like a code identifier
 * (src/classify/names.ts, rules/names.yml); the value must be plausible for that category
 * (rules/keyed-values.yml). Value detectors win: a keyed value is not reported where a detector
 * already reported the same category, nor where a detector recognised the whole value as
 * something else (a phone number under a "private note" key is a phone number).
 *
 * Findings: kind `value`, rule `kv-<category>`, confidence medium when the key's classification
 * is high, low when it is medium.
 */
import type { Finding, Confidence } from '../../model/finding.js';
import { category as categoryDef, type CategoryId } from '../../model/categories.js';
import { KEYED_RULE_PREFIX } from '../../rules/meta/families.js';
import type { LineIndex } from '../../util/lines.js';
import type { Match } from '../engine.js';
import { classifyOwner } from '../names.js';
import { keyedPolicy, type KeyedPolicy } from './policy.js';
import { probeKey, classifyKey } from './keys.js';
import { judgeValue } from './plausible.js';
import { foldedValue } from './fold-value.js';
import { ownerAt } from './owner.js';
import { scanInline, type BareMode } from './inline.js';
import { scanCsv, scanMarkdownTables, scanSqlInserts } from './tables.js';
import type { KeyedValue } from './types.js';

export type { KeyedValue } from './types.js';


const CODE_EXT = new Set(['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'py', 'rb', 'go', 'java', 'kt', 'kts', 'cs', 'php', 'swift', 'rs', 'scala', 'dart', 'vue', 'svelte', 'groovy', 'c', 'cc', 'cpp', 'h', 'hpp', 'm', 'lua', 'pl', 'r']);
const SCHEMA_EXT = new Set(['graphql', 'gql', 'prisma', 'proto', 'avsc', 'thrift']);
const YAML_EXT = new Set(['yml', 'yaml']);
const HASH = ['#'];
const SLASHES = ['//', '/*', '*'];
/** Line comments by extension: "key: value" in a comment documents, it does not store. */
const COMMENTS: Record<string, readonly string[]> = {
  yml: HASH, yaml: HASH, toml: HASH, ini: ['#', ';'], cfg: HASH, conf: HASH, properties: HASH, env: HASH, sh: HASH, py: HASH, rb: HASH, r: HASH, pl: HASH,
  ts: SLASHES, tsx: SLASHES, mts: SLASHES, cts: SLASHES, js: SLASHES, jsx: SLASHES, mjs: SLASHES, cjs: SLASHES, java: SLASHES, kt: SLASHES, kts: SLASHES,
  cs: SLASHES, go: SLASHES, swift: SLASHES, rs: SLASHES, scala: SLASHES, dart: SLASHES, c: SLASHES, cc: SLASHES, cpp: SLASHES, h: SLASHES, hpp: SLASHES,
  php: ['//', '#', '/*', '*'], groovy: SLASHES, graphql: HASH, gql: HASH, prisma: ['//'], proto: SLASHES, sql: ['--', '/*'], lua: ['--'],
};
/** A detector covering this share of a keyed value recognised the value itself. */
const COVERED = 0.8;
const RANK: Record<Confidence, number> = { low: 1, medium: 2, high: 3 };

function extOf(rel: string): string {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function stemOf(rel: string): string {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const dot = base.indexOf('.');
  return dot <= 0 ? base : base.slice(0, dot);
}

/**
 * A CSV's name is its owner only when it names people or their records (`khach_hang.csv`,
 * `orders.csv`): file names are as often about the file ("export", "report", "import").
 */
function csvOwner(rel: string): string | undefined {
  const stem = stemOf(rel);
  const kind = classifyOwner(stem);
  return kind === 'person' || kind === 'record' ? stem : undefined;
}

/** Every (key, value) pair of the text whose key may be personal, by the file's syntax. */
export function extractKeyedValues(buf: Buffer, rel: string, policy: KeyedPolicy = keyedPolicy()): KeyedValue[] {
  const ext = extOf(rel);
  const want = (key: string) => probeKey(key, policy) !== undefined;
  const bare: BareMode = CODE_EXT.has(ext) ? 'code' : SCHEMA_EXT.has(ext) ? 'none' : 'data';
  const out = scanInline(buf, want, { bare, yaml: YAML_EXT.has(ext), lineComments: COMMENTS[ext] });
  if (ext === 'csv' || ext === 'tsv' || ext === 'psv') scanCsv(buf, want, csvOwner(rel), out);
  else if (ext === 'sql') scanSqlInserts(buf, want, out);
  else if (ext === 'md' || ext === 'markdown') scanMarkdownTables(buf, want, out);
  return dropNestedLabels(out);
}

/**
 * A "Label: value" inside the value of another personal key is part of that value, not a field
 * of its own: `kieu_gen: "NIPT: nguy cơ thấp; giới tính thai: nữ"` is a genetic result, not a gender.
 */
function dropNestedLabels(values: KeyedValue[]): KeyedValue[] {
  if (!values.some((v) => v.syntax === 'label')) return values;
  const sorted = values.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const nested = new Set<KeyedValue>();
  let outerEnd = -1;
  for (const v of sorted) {
    if (v.syntax === 'label' && v.end <= outerEnd) nested.add(v);
    outerEnd = Math.max(outerEnd, v.end);
  }
  return nested.size ? values.filter((v) => !nested.has(v)) : values;
}

/** Detector matches sorted by start, searched for overlaps with a span. */
class MatchIndex {
  private readonly sorted: Match[];
  constructor(matches: Match[]) {
    this.sorted = matches.slice().sort((a, b) => a.start - b.start);
  }

  overlapping(start: number, end: number): Match[] {
    const out: Match[] = [];
    // Matches do not overlap each other, so their ends are sorted too: find the first ending after start.
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.start < end; i++) {
      const m = this.sorted[i]!;
      if (m.end > start) out.push(m);
    }
    return out;
  }
}

/**
 * Why a detector's match makes a keyed finding of `category` redundant or wrong, if it does: the
 * same category already reported, or the whole value recognised as a structured identifier (a
 * phone number, a CCCD) that keyed values leave to detectors. A detector of another keyed
 * category does not win: it judged from context too (an eKYC image under "Ảnh thẻ" columns).
 */
function detectorWins(overlaps: Match[], category: CategoryId, start: number, end: number, policy: KeyedPolicy): string | undefined {
  for (const m of overlaps) {
    if (m.category === category) return `rule ${m.ruleId} already reports ${category} here`;
  }
  for (const m of overlaps) {
    const covered = Math.min(end, m.end) - Math.max(start, m.start);
    if (covered >= COVERED * (end - start) && !policy.categories.has(m.category)) {
      return `rule ${m.ruleId} recognised the value as ${m.category}`;
    }
  }
  return undefined;
}

/** "Genetic test result released", "Xét nghiệm gen hoàn tất": an event heading, not a field label. */
function isHeading(label: string, policy: KeyedPolicy): boolean {
  const folded = ` ${foldedValue(label)}`;
  return policy.headingWords.some((w) => folded.endsWith(` ${w}`));
}

function pathIsLabelsFile(rel: string, policy: KeyedPolicy): boolean {
  return rel
    .toLowerCase()
    .split(/[/\\._-]+/)
    .some((part) => policy.labelsFile.pathWords.has(part));
}

export interface KeyedScanInput {
  buf: Buffer;
  rel: string;
  lines: LineIndex;
  /** What the value detectors reported in the same buffer. */
  matches: Match[];
  policy?: KeyedPolicy;
}

interface Candidate {
  kv: KeyedValue;
  category: CategoryId;
  keyConfidence: Confidence;
  keyReason: string;
  valueReason: string;
  also: CategoryId[];
}

export function keyedFindings(input: KeyedScanInput): Finding[] {
  const policy = input.policy ?? keyedPolicy();
  const { buf, rel } = input;
  if (pathIsLabelsFile(rel, policy)) return [];
  const values = extractKeyedValues(buf, rel, policy);
  if (values.length === 0) return [];

  const candidates: Candidate[] = [];
  let labels = 0;
  for (const kv of values) {
    if (kv.syntax === 'label' && isHeading(kv.key, policy)) continue;
    const probe = probeKey(kv.key, policy);
    if (!probe) continue;
    const owner = probe.ownerMatters ? (kv.owner ?? (kv.syntax === 'entry' ? ownerAt(buf, kv.keyStart) : undefined)) : undefined;
    const m = classifyKey(kv.key, probe, owner);
    if (!m) continue;
    const cat = policy.categories.get(m.category);
    if (!cat || RANK[m.confidence] < RANK[cat.minKey]) continue;
    const verdict = judgeValue(kv.value, kv.kind, m.category, kv.key, policy);
    if (!verdict.ok) {
      if (verdict.label) labels++;
      continue;
    }
    candidates.push({ kv, category: m.category, keyConfidence: m.confidence, keyReason: m.reason, valueReason: verdict.reason, also: verdict.also });
  }
  // A translation/labels file: its values are UI text for the keys, whatever they look like.
  if (labels >= policy.labelsFile.minLabels && labels / (labels + candidates.length) >= policy.labelsFile.minShare) return [];

  const index = new MatchIndex(input.matches);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const c of candidates) {
    const { kv } = c;
    const overlaps = index.overlapping(kv.start, kv.end);
    const confidence: Confidence = c.keyConfidence === 'high' ? 'medium' : 'low';
    for (const category of [c.category, ...c.also]) {
      const id = `${kv.start}:${kv.end}:${category}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (detectorWins(overlaps, category, kv.start, kv.end, policy)) continue;
      findings.push(toFinding(c, category, confidence, input));
    }
  }
  return findings;
}

function describeSyntax(kv: KeyedValue): string {
  switch (kv.syntax) {
    case 'csv':
      return `CSV column "${kv.key}"`;
    case 'sql':
      return `SQL INSERT column "${kv.key}"${kv.owner ? ` of table ${kv.owner}` : ''}`;
    case 'markdown':
      return `Markdown table column "${kv.key}"`;
    case 'label':
      return `label "${kv.key}"`;
    default:
      return `key "${kv.key}"`;
  }
}

function toFinding(c: Candidate, category: CategoryId, confidence: Confidence, input: KeyedScanInput): Finding {
  const { kv } = c;
  const start = input.lines.position(kv.start);
  const end = input.lines.position(kv.end);
  const where = describeSyntax(kv);
  const label = categoryDef(category).label_en;
  const explain = [
    `${where}: ${c.keyReason} → ${c.category} (${c.keyConfidence})`,
    `value is plausible: ${c.valueReason}`,
    ...(category !== c.category ? [`the value also reveals ${category}`] : []),
    `key confidence ${c.keyConfidence} and a plausible value → ${confidence} confidence`,
  ];
  return {
    ruleId: `${KEYED_RULE_PREFIX}${category}`,
    kind: 'value',
    category,
    categories: [category],
    confidence,
    score: confidence === 'medium' ? 0.7 : 0.5,
    message: `${label} under ${where}`,
    value: kv.value,
    location: { path: input.rel, line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
    explain,
    properties: { key: kv.key, syntax: kv.syntax },
  };
}
