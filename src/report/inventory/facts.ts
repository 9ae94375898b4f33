/**
 * Facts are united, never added up: uniting the same facts twice gives the same facts, so
 * merging an inventory with itself changes nothing, and the order of the inputs does not
 * matter. Every collection is keyed, de-duplicated and sorted here.
 */
import type { Confidence, Level } from '../../model/finding.js';
import { compareConfidence, LEVEL_ORDER } from '../../model/finding.js';
import type {
  CategoryFacts,
  ChildrenHint,
  ColumnHit,
  EvidenceFacts,
  FieldHit,
  FileHit,
  FlowLink,
  Inventory,
  InventoryFacts,
  PurposeEvidence,
  PurposeFacts,
  RecipientEvidence,
  RecipientFacts,
  RiskFacts,
  SourceFacts,
  StorageFacts,
  TargetFacts,
  Where,
} from './types.js';

export function emptyFacts(): InventoryFacts {
  return {
    targets: [],
    categories: [],
    purposes: [],
    sources: [],
    storages: [],
    recipients: [],
    links: [],
    protection: [],
    retention: [],
    risks: [],
    childrenHints: [],
  };
}

// ------------------------------------------------------------------ small helpers

export function cmp(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function uniqSorted<T extends string>(items: Iterable<T>): T[] {
  return [...new Set(items)].sort((a, b) => cmp(a, b));
}

export function maxConfidence(a: Confidence, b: Confidence): Confidence {
  return compareConfidence(a, b) >= 0 ? a : b;
}

function maxLevel(a: Level | undefined, b: Level | undefined): Level | undefined {
  if (!a) return b;
  if (!b) return a;
  return LEVEL_ORDER[a] >= LEVEL_ORDER[b] ? a : b;
}

/** The smallest defined value, so that the choice does not depend on input order. */
function pick<T extends string | number>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return cmp(a, b) <= 0 ? a : b;
}

type AnyWhere = Where & { sink?: string; recipient?: string; note?: string };

function whereKey(w: AnyWhere): string {
  return [w.path ?? '', w.line ?? '', w.logical ?? '', w.sink ?? '', w.recipient ?? '', w.note ?? ''].join('\u0000');
}

function compareWhere(a: AnyWhere, b: AnyWhere): number {
  return cmp(a.path, b.path) || cmp(a.line, b.line) || cmp(a.logical, b.logical) || cmp(a.sink, b.sink) || cmp(a.recipient, b.recipient) || cmp(a.note, b.note);
}

/** Drop undefined members so that JSON written and JSON read back compare equal. */
export function clean<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

export function uniteWhere<T extends Where>(lists: T[][]): T[] {
  const map = new Map<string, T>();
  for (const list of lists) for (const w of list) map.set(whereKey(w), clean(w));
  return [...map.values()].sort(compareWhere);
}

/** Group items by key and fold each group with `join`; the result is sorted by key. */
function unite<T>(items: T[], key: (t: T) => string, join: (a: T, b: T) => T, normalize: (t: T) => T): T[] {
  const map = new Map<string, T>();
  for (const it of items) {
    const k = key(it);
    const prev = map.get(k);
    map.set(k, prev === undefined ? normalize(it) : normalize(join(prev, it)));
  }
  return [...map.entries()].sort((a, b) => cmp(a[0], b[0])).map(([, v]) => v);
}

// ------------------------------------------------------------------ per collection

function uniteFiles(files: FileHit[]): FileHit[] {
  return unite(
    files,
    (f) => f.path,
    (a, b) => ({
      path: a.path,
      lines: [...a.lines, ...b.lines],
      count: Math.max(a.count, b.count),
      confidence: maxConfidence(a.confidence, b.confidence),
    }),
    (f) => {
      const lines = [...new Set(f.lines)].sort((x, y) => x - y);
      return { path: f.path, lines, count: Math.max(f.count, lines.length), confidence: f.confidence };
    },
  );
}

function uniteFields(fields: FieldHit[]): FieldHit[] {
  return unite(
    fields,
    (f) => [f.model, f.field, f.framework ?? '', f.path ?? '', String(f.line ?? '').padStart(9, '0')].join('\u0000'),
    (a, b) => ({ ...a, confidence: maxConfidence(a.confidence, b.confidence) }),
    (f) => clean({ model: f.model, field: f.field, framework: f.framework, path: f.path, line: f.line, confidence: f.confidence }),
  );
}

export function columnKey(c: Pick<ColumnHit, 'system' | 'engine' | 'database' | 'schema' | 'table' | 'column'>): string {
  return [c.system ?? '', c.engine ?? '', c.database ?? '', c.schema ?? '', c.table, c.column].join('\u0000');
}

function uniteColumns(columns: ColumnHit[]): ColumnHit[] {
  return unite(
    columns,
    columnKey,
    (a, b) => ({
      ...a,
      confidence: maxConfidence(a.confidence, b.confidence),
      matchRatio: a.matchRatio === undefined ? b.matchRatio : b.matchRatio === undefined ? a.matchRatio : Math.max(a.matchRatio, b.matchRatio),
    }),
    (c) =>
      clean({
        system: c.system,
        engine: c.engine,
        database: c.database,
        schema: c.schema,
        table: c.table,
        column: c.column,
        confidence: c.confidence,
        matchRatio: c.matchRatio,
      }),
  );
}

function uniteCategories(cats: CategoryFacts[]): CategoryFacts[] {
  return unite(
    cats,
    (c) => c.id,
    (a, b) => ({
      id: a.id,
      ...(a.kinds || b.kinds ? { kinds: [...(a.kinds ?? [a.id]), ...(b.kinds ?? [b.id])] } : {}),
      files: [...a.files, ...b.files],
      fields: [...a.fields, ...b.fields],
      columns: [...a.columns, ...b.columns],
    }),
    (c) => ({
      id: c.id,
      ...(c.kinds ? { kinds: [...new Set(c.kinds)].sort() } : {}),
      files: uniteFiles(c.files),
      fields: uniteFields(c.fields),
      columns: uniteColumns(c.columns),
    }),
  );
}

function unitePurposes(purposes: PurposeFacts[]): PurposeFacts[] {
  return unite(
    purposes,
    (p) => p.key,
    (a, b) => ({
      key: a.key,
      categories: [...a.categories, ...b.categories],
      recipients: [...a.recipients, ...b.recipients],
      confidence: maxConfidence(a.confidence, b.confidence),
      evidence: [...a.evidence, ...b.evidence],
    }),
    (p) => ({
      key: p.key,
      categories: uniqSorted(p.categories),
      recipients: uniqSorted(p.recipients),
      confidence: p.confidence,
      evidence: uniteWhere<PurposeEvidence>([p.evidence]),
    }),
  );
}

function uniteSources(sources: SourceFacts[]): SourceFacts[] {
  return unite(
    sources,
    (s) => s.id,
    (a, b) => ({
      id: a.id,
      system: pick(a.system, b.system),
      kind: pick(a.kind, b.kind)!,
      name: pick(a.name, b.name)!,
      categories: [...a.categories, ...b.categories],
      evidence: [...a.evidence, ...b.evidence],
    }),
    (s) => clean({ id: s.id, system: s.system, kind: s.kind, name: s.name, categories: uniqSorted(s.categories), evidence: uniteWhere([s.evidence]) }),
  );
}

function uniteStorages(storages: StorageFacts[]): StorageFacts[] {
  return unite(
    storages,
    (s) => s.id,
    (a, b) => ({
      id: a.id,
      system: pick(a.system, b.system),
      kind: pick(a.kind, b.kind)!,
      name: pick(a.name, b.name)!,
      framework: pick(a.framework, b.framework),
      engine: pick(a.engine, b.engine),
      categories: [...a.categories, ...b.categories],
      evidence: [...a.evidence, ...b.evidence],
    }),
    (s) =>
      clean({
        id: s.id,
        system: s.system,
        kind: s.kind,
        name: s.name,
        framework: s.framework,
        engine: s.engine,
        categories: uniqSorted(s.categories),
        evidence: uniteWhere([s.evidence]),
      }),
  );
}

function uniteCrossBorder(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === true || b === true) return true;
  if (a === false || b === false) return false;
  return undefined;
}

function uniteRecipients(recipients: RecipientFacts[]): RecipientFacts[] {
  return unite(
    recipients,
    (r) => r.id,
    (a, b) => ({
      id: a.id,
      service: pick(a.service, b.service)!,
      name: pick(a.name, b.name)!,
      country: pick(a.country, b.country),
      kind: pick(a.kind, b.kind),
      region: pick(a.region, b.region),
      headquarters: pick(a.headquarters, b.headquarters),
      crossBorder: uniteCrossBorder(a.crossBorder, b.crossBorder),
      categories: [...a.categories, ...b.categories],
      purposes: [...a.purposes, ...b.purposes],
      sinks: [...a.sinks, ...b.sinks],
      evidence: [...a.evidence, ...b.evidence],
    }),
    (r) =>
      clean({
        id: r.id,
        service: r.service,
        name: r.name,
        country: r.country,
        kind: r.kind,
        region: r.region,
        headquarters: r.headquarters,
        crossBorder: r.crossBorder,
        categories: uniqSorted(r.categories),
        purposes: uniqSorted(r.purposes),
        sinks: uniqSorted(r.sinks),
        evidence: uniteWhere<RecipientEvidence>([r.evidence]),
      }),
  );
}

function uniteLinks(links: FlowLink[]): FlowLink[] {
  return unite(
    links,
    (l) => `${l.from}\u0000${l.to}`,
    (a, b) => ({ from: a.from, to: a.to, categories: [...a.categories, ...b.categories] }),
    (l) => ({ from: l.from, to: l.to, categories: uniqSorted(l.categories) }),
  );
}

function uniteEvidence(list: EvidenceFacts[]): EvidenceFacts[] {
  return unite(
    list,
    (e) => `${e.key}\u0000${e.description}`,
    (a, b) => ({ key: a.key, description: a.description, categories: [...a.categories, ...b.categories], where: [...a.where, ...b.where] }),
    (e) => ({ key: e.key, description: e.description, categories: uniqSorted(e.categories), where: uniteWhere([e.where]) }),
  );
}

function uniteRisks(risks: RiskFacts[]): RiskFacts[] {
  return unite(
    risks,
    (r) => r.ruleId,
    (a, b) => ({
      ruleId: a.ruleId,
      name: cmp(a.name.en + a.name.vi, b.name.en + b.name.vi) <= 0 ? a.name : b.name,
      kind: pick(a.kind, b.kind)!,
      categories: [...a.categories, ...b.categories],
      confidence: maxConfidence(a.confidence, b.confidence),
      levelOverride: maxLevel(a.levelOverride, b.levelOverride),
      where: [...a.where, ...b.where],
    }),
    (r) =>
      clean({
        ruleId: r.ruleId,
        name: { vi: r.name.vi, en: r.name.en },
        kind: r.kind,
        categories: uniqSorted(r.categories),
        confidence: r.confidence,
        levelOverride: r.levelOverride,
        where: uniteWhere([r.where]),
      }),
  );
}

function uniteHints(hints: ChildrenHint[]): ChildrenHint[] {
  const map = new Map<string, ChildrenHint>();
  for (const h of hints) map.set(`${whereKey(h)}\u0000${h.term}`, clean({ path: h.path, line: h.line, logical: h.logical, term: h.term }));
  return [...map.values()].sort((a, b) => compareWhere(a, b) || cmp(a.term, b.term));
}

function uniteTargets(targets: TargetFacts[]): TargetFacts[] {
  return unite(
    targets,
    // Two repositories scanned as "." are two targets: the source is part of the key.
    (t) => [t.kind, t.source?.name ?? '', t.source?.commit ?? '', t.name, t.engine ?? ''].join('\u0000'),
    (a, b) => {
      const stats: Record<string, number> = { ...a.stats };
      for (const [k, v] of Object.entries(b.stats)) stats[k] = Math.max(stats[k] ?? v, v);
      return { ...a, stats, problems: Math.max(a.problems, b.problems) };
    },
    (t) => {
      const stats: Record<string, number> = {};
      for (const k of Object.keys(t.stats).sort()) stats[k] = t.stats[k]!;
      return clean({ kind: t.kind, name: t.name, engine: t.engine, source: t.source && sourceOf(t.source), stats, problems: t.problems });
    },
  );
}

/** A source with a fixed key order, so JSON written and read back compares equal. */
function sourceOf(s: NonNullable<TargetFacts['source']>): NonNullable<TargetFacts['source']> {
  return clean({ kind: s.kind, name: s.name, repository: s.repository, commit: s.commit, engine: s.engine });
}

/** Unite any number of fact sets into one normalized set (also normalizes a single set). */
export function uniteFacts(all: InventoryFacts[]): InventoryFacts {
  const cat = <K extends keyof InventoryFacts>(k: K) => all.flatMap((f) => f[k] as InventoryFacts[K][number][]) as InventoryFacts[K];
  return {
    targets: uniteTargets(cat('targets')),
    categories: uniteCategories(cat('categories')),
    purposes: unitePurposes(cat('purposes')),
    sources: uniteSources(cat('sources')),
    storages: uniteStorages(cat('storages')),
    recipients: uniteRecipients(cat('recipients')),
    links: uniteLinks(cat('links')),
    protection: uniteEvidence(cat('protection')),
    retention: uniteEvidence(cat('retention')),
    risks: uniteRisks(cat('risks')),
    childrenHints: uniteHints(cat('childrenHints')),
  };
}

/** The facts inside an inventory (derived fields are dropped; they are recomputed). */
/** Prefix of the risks derived from obligations with a `risk_level` (recomputed, never merged as facts). */
export const OBLIGATION_RISK = 'obligation:';

export function factsOf(inv: Inventory): InventoryFacts {
  return uniteFacts([
    {
      targets: inv.targets,
      categories: inv.categories.map(({ id, kinds, files, fields, columns }) => ({ id, ...(kinds ? { kinds } : {}), files, fields, columns })),
      purposes: inv.purposes.map(({ key, categories, recipients, confidence, evidence }) => ({ key, categories, recipients, confidence, evidence })),
      sources: inv.sources,
      storages: inv.storages,
      recipients: inv.recipients.map(({ foreign: _f, sensitiveCategories: _s, ...r }) => r),
      links: inv.links,
      protection: inv.protection,
      retention: inv.retention,
      // Risks derived from obligations are recomputed by deriveInventory, not facts to merge.
      risks: inv.risks.filter((r) => !r.ruleId.startsWith(OBLIGATION_RISK)).map(({ level: _l, count: _c, ...r }) => r),
      childrenHints: inv.childrenHints,
    },
  ]);
}
