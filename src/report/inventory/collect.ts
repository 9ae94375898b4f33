/**
 * Scan results → inventory facts. Reads only the shared finding model (src/model/*): value and
 * aggregate findings give file locations, declarations give model fields, database columns give
 * tables, flows give sources, storages, recipients and purposes. Never copies `value` or a
 * finding's message: the inventory holds categories, identifiers and locations only.
 */
import type { Confidence, Finding, Level, Location, LogicalLocation } from '../../model/finding.js';
import type { Evidence, ScanResult } from '../../model/result.js';
import { findingKind, isCategory, reportedCategory } from '../../model/categories.js';
import { wordsOf } from '../../util/fold.js';
import { unlistedRecipient } from '../../model/recipients.js';
import { emptyFacts, uniteFacts } from './facts.js';
import type {
  Bilingual,
  CategoryFacts,
  ChildrenHint,
  EvidenceFacts,
  InventoryFacts,
  PurposeFacts,
  RecipientFacts,
  RiskFacts,
  SourceFacts,
  Where,
} from './types.js';

export interface CollectOptions {
  /** Rule names for the risk list, one language or both (default: the rule ID). */
  ruleName?: (ruleId: string, category: string) => string | Bilingual;
}

/** Plain interfaces and type aliases: they say which personal data the code handles, not where it is kept. */
const TYPE_ONLY_FRAMEWORKS = new Set(['typescript']);

/** Words in model, field, table and column names that suggest data about children. */
const CHILD_TERMS = ['child', 'children', 'kid', 'kids', 'minor', 'minors', 'pupil', 'pupils', 'guardian', 'guardians', 'parental', 'tre em', 'hoc sinh', 'mam non', 'phu huynh', 'giam ho', 'nguoi giam ho', 'nhi dong'];

export function childTerm(name: string): string | undefined {
  const words = wordsOf(name);
  return CHILD_TERMS.find((t) => words.includes(` ${t} `));
}

/** ORM calls name models in camelCase (prisma.benhNhan) and schemas in PascalCase: one storage. */
const modelStorageId = (model: string) => `model:${model.toLowerCase()}`;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function at(loc: Location | undefined): Where {
  return loc ? { path: loc.path, line: loc.line } : {};
}

function logicalName(ls: LogicalLocation[] | undefined): string | undefined {
  if (!ls?.length) return undefined;
  return ls.map((l) => l.name).join('.');
}

function whereOf(loc: Location | undefined, logical: LogicalLocation[] | undefined): Where {
  const w: Where = at(loc);
  const l = logicalName(logical);
  if (l) w.logical = l;
  return w;
}

function logical(f: Finding, kind: LogicalLocation['kind']): string | undefined {
  return f.logicalLocations?.find((l) => l.kind === kind)?.name;
}

interface RecipientRef {
  id: string;
  name: string;
  country?: string;
  kind?: string;
  region?: string;
  headquarters?: string;
}

const iso = (v: unknown): string | undefined => {
  const c = str(v)?.toUpperCase();
  return c && /^[A-Z]{2}$/.test(c) ? c : undefined;
};

function recipientOf(props: Record<string, unknown>): RecipientRef | undefined {
  const r = props.recipient;
  if (!r || typeof r !== 'object') return undefined;
  const o = r as Record<string, unknown>;
  const id = str(o.id);
  if (!id) return undefined;
  const country = iso(o.country);
  const headquarters = iso(o.headquarters);
  const region = str(o.region) ?? str(props.region);
  const kind = str(o.kind);
  return {
    id,
    name: str(o.name) ?? id,
    ...(country ? { country } : {}),
    ...(kind ? { kind } : {}),
    ...(region ? { region } : {}),
    ...(headquarters && !country ? { headquarters } : {}),
  };
}

/** Why each purpose was inferred, from `purposeDetails: [{ purpose, evidence: [...] }]` when present. */
function purposeNotes(props: Record<string, unknown>): Map<string, string> {
  const notes = new Map<string, string>();
  if (!Array.isArray(props.purposeDetails)) return notes;
  for (const d of props.purposeDetails as unknown[]) {
    if (!d || typeof d !== 'object') continue;
    const o = d as Record<string, unknown>;
    const key = str(o.purpose) ?? str(o.key);
    const ev = Array.isArray(o.evidence) ? o.evidence.filter((e): e is string => typeof e === 'string') : typeof o.evidence === 'string' ? [o.evidence] : [];
    if (key && ev.length) notes.set(key, ev.join('; '));
  }
  return notes;
}

/** Purposes on a flow: data_use keys, as strings or as { key } objects. */
function purposesOf(props: Record<string, unknown>): string[] {
  const raw = props.purposes;
  if (!Array.isArray(raw)) return [];
  const keys: string[] = [];
  for (const p of raw) {
    const key = typeof p === 'string' ? p : p && typeof p === 'object' ? str((p as Record<string, unknown>).key) ?? str((p as Record<string, unknown>).id) : undefined;
    if (key && /^[a-z_]+(\.[a-z_]+)*$/.test(key)) keys.push(key);
  }
  return keys;
}

function knownCategories(f: Finding): string[] {
  const all = f.categories?.length ? f.categories : [f.category];
  // Sub-kinds are reported as their parent (a finding read back from an older report may name one).
  return [...new Set(all.filter((c) => isCategory(c)).map(reportedCategory))];
}

class Collector {
  readonly facts: InventoryFacts = emptyFacts();
  private readonly cats = new Map<string, CategoryFacts>();

  constructor(private readonly opts: CollectOptions) {}

  private cat(id: string): CategoryFacts {
    let c = this.cats.get(id);
    if (!c) {
      c = { id, files: [], fields: [], columns: [] };
      this.cats.set(id, c);
      this.facts.categories.push(c);
    }
    return c;
  }

  /** The category `id` of finding `f`, noting the sub-kind behind it (before its hit is pushed). */
  private catOf(f: Finding, id: string): CategoryFacts {
    const c = this.cat(id);
    const kind = id === reportedCategory(f.category) ? findingKind(f) : id;
    if (kind !== id || c.kinds) {
      const plainBefore = !c.kinds && c.files.length + c.fields.length + c.columns.length > 0;
      c.kinds = [...new Set([...(c.kinds ?? (plainBefore ? [id] : [])), kind])].sort();
    }
    return c;
  }

  private hint(name: string, where: Where): void {
    const term = childTerm(name);
    if (term) this.facts.childrenHints.push({ ...where, term } as ChildrenHint);
  }

  add(result: ScanResult): void {
    this.facts.targets.push({
      kind: result.target.kind,
      name: result.target.name,
      ...(result.target.engine ? { engine: result.target.engine } : {}),
      ...(result.target.source ? { source: result.target.source } : {}),
      stats: { ...result.stats },
      problems: result.problems.length,
    });
    for (const f of result.findings) if (!f.suppression) this.finding(f);
    for (const e of result.evidence) this.evidence(e);
  }

  private finding(f: Finding): void {
    const categories = knownCategories(f);
    if (!categories.length) return;
    const props = f.properties ?? {};
    switch (f.kind) {
      case 'declaration':
        this.declaration(f, categories, props);
        break;
      case 'column':
        this.column(f, categories, props);
        break;
      default:
        this.fileHit(f, categories);
        if (f.kind === 'flow') this.flow(f, categories, props);
        // Storing data in the system's own database is processing, not a risk in itself.
        if (f.kind === 'risk' || (f.kind === 'flow' && !(props.sink === 'storage' && !props.recipient))) this.risk(f, categories);
    }
  }

  private fileHit(f: Finding, categories: string[]): void {
    const loc = f.location;
    if (!loc) return;
    const lines = [loc.line, ...(f.sampleLocations ?? []).filter((l) => l.path === loc.path).map((l) => l.line)];
    for (const id of categories) {
      this.catOf(f, id).files.push({ path: loc.path, lines, count: f.kind === 'aggregate' ? Math.max(1, f.count ?? 1) : 1, confidence: f.confidence });
    }
  }

  private declaration(f: Finding, categories: string[], props: Record<string, unknown>): void {
    const model = str(props.model) ?? logical(f, 'model') ?? '(model)';
    const field = str(props.field) ?? logical(f, 'member') ?? logical(f, 'field') ?? '(field)';
    const framework = str(props.framework);
    for (const id of categories) {
      this.catOf(f, id).fields.push({
        model,
        field,
        ...(framework ? { framework } : {}),
        ...(f.location ? { path: f.location.path, line: f.location.line } : {}),
        confidence: f.confidence,
      });
    }
    const where = at(f.location);
    // Declarations of validation schemas, DTOs and API documents carry `input` (set by the
    // framework module or the reader); a declaration that names no framework is judged by its name.
    const input = props.input === true;
    const isInput = input ? !props.store : !framework && /(dto|input|request|payload|body)$/i.test(model);
    if (framework && TYPE_ONLY_FRAMEWORKS.has(framework)) {
      // listed under its categories above; neither an input nor a storage of its own
    } else if (isInput) {
      this.facts.sources.push({ id: `input:${model}`, kind: 'input-model', name: model, categories, evidence: [where] });
    } else {
      const store = str(props.store);
      this.facts.storages.push({
        id: modelStorageId(model),
        kind: 'model',
        name: model,
        ...(framework && !input ? { framework } : {}),
        ...(store ? { engine: store } : {}),
        categories,
        evidence: [where],
      });
    }
    this.hint(`${model} ${field}`, where);
  }

  private column(f: Finding, categories: string[], props: Record<string, unknown>): void {
    const engine = str(props.engine);
    const database = str(props.database) ?? logical(f, 'database');
    const schema = str(props.schema) ?? logical(f, 'schema');
    const table = str(props.table) ?? str(props.collection) ?? logical(f, 'table') ?? logical(f, 'collection') ?? '(table)';
    const column = str(props.column) ?? str(props.field) ?? logical(f, 'column') ?? logical(f, 'field') ?? '(column)';
    const matchRatio = typeof props.matchRatio === 'number' && Number.isFinite(props.matchRatio) ? Math.round(props.matchRatio * 1000) / 1000 : undefined;
    for (const id of categories) {
      this.catOf(f, id).columns.push({
        ...(engine ? { engine } : {}),
        ...(database ? { database } : {}),
        ...(schema ? { schema } : {}),
        table,
        column,
        confidence: f.confidence,
        ...(matchRatio !== undefined ? { matchRatio } : {}),
      });
    }
    const tableName = [database, schema, table].filter(Boolean).join('.');
    const logicalName = `${tableName}.${column}`;
    this.facts.storages.push({
      id: `table:${engine ?? 'db'}:${tableName}`,
      kind: engine === 'mongodb' ? 'collection' : 'table',
      name: tableName,
      ...(engine ? { engine } : {}),
      categories,
      evidence: [{ logical: logicalName }],
    });
    this.hint(`${table} ${column}`, { logical: logicalName });
  }

  private flow(f: Finding, categories: string[], props: Record<string, unknown>): void {
    const sink = str(props.sink) ?? 'unknown';
    const where = at(f.location);
    const first = f.flow?.[0]?.location;
    const sourceId = first ? `code:${first.path}` : undefined;
    if (first && sourceId) {
      this.facts.sources.push({ id: sourceId, kind: 'code', name: first.path, categories, evidence: [{ path: first.path, line: first.line }] } satisfies SourceFacts);
    }
    let target: string;
    const rec = recipientOf(props);
    const host = str(props.host);
    const hostEnv = str(props.hostEnv);
    const purposes = purposesOf(props);
    // An external sink without a known recipient is still a recipient: unidentified, to confirm.
    const unlisted = rec ? undefined : unlistedRecipient(sink, host, hostEnv);
    if (rec || unlisted) {
      const service = rec?.id ?? unlisted!.id;
      const id = rec?.region ? `${service}:${rec.region}` : service;
      const r: RecipientFacts = {
        id,
        service,
        name: rec?.name ?? unlisted!.name,
        ...(rec?.country ? { country: rec.country } : {}),
        ...(rec?.kind ? { kind: rec.kind } : {}),
        ...(rec?.region ? { region: rec.region } : {}),
        ...(rec?.headquarters ? { headquarters: rec.headquarters } : {}),
        ...(typeof props.crossBorder === 'boolean' ? { crossBorder: props.crossBorder } : {}),
        categories,
        purposes,
        sinks: [sink],
        evidence: [{ ...where, sink }],
      };
      this.facts.recipients.push(r);
      target = `recipient:${id}`;
    } else if (sink === 'log') {
      this.facts.storages.push({ id: 'logs', kind: 'logs', name: 'logs', categories, evidence: [where] });
      target = 'storage:logs';
    } else {
      const model = str(props.model) ?? str(props.table) ?? str(props.collection);
      const kind = sink === 'storage' ? (str(props.store) === 'redis' ? 'cache' : str(props.store) === 'file' ? 'file' : 'app-storage') : 'app-storage';
      const id = model ? modelStorageId(model) : kind === 'app-storage' ? `app-storage:${sink}` : kind;
      const store = str(props.store);
      this.facts.storages.push({
        id,
        kind: model ? 'model' : kind,
        name: model ?? (kind === 'app-storage' ? sink : kind),
        ...(store ? { engine: store } : {}),
        categories,
        evidence: [where],
      });
      target = `storage:${id}`;
    }
    if (sourceId) this.facts.links.push({ from: `source:${sourceId}`, to: target, categories });
    const recipientId = target.startsWith('recipient:') ? target.slice('recipient:'.length) : undefined;
    const notes = purposeNotes(props);
    for (const key of purposes) {
      const note = notes.get(key);
      this.facts.purposes.push({
        key,
        categories,
        recipients: recipientId ? [recipientId] : [],
        confidence: f.confidence,
        evidence: [{ ...where, sink, ...(recipientId ? { recipient: recipientId } : {}), ...(note ? { note } : {}) }],
      } satisfies PurposeFacts);
    }
  }

  private risk(f: Finding, categories: string[]): void {
    const n = this.opts.ruleName?.(f.ruleId, f.category) ?? f.ruleId;
    const name: Bilingual = typeof n === 'string' ? { vi: n, en: n } : n;
    this.facts.risks.push({
      ruleId: f.ruleId,
      name,
      kind: f.kind === 'flow' ? 'flow' : 'risk',
      categories,
      confidence: f.confidence as Confidence,
      ...(f.level ? { levelOverride: f.level as Level } : {}),
      where: [whereOf(f.location, f.logicalLocations)],
    } satisfies RiskFacts);
  }

  private evidence(e: Evidence): void {
    const entry: EvidenceFacts = {
      key: e.key,
      description: e.description,
      categories: (e.categories ?? []).filter((c) => isCategory(c)),
      where: [whereOf(e.location, e.logicalLocations)],
    };
    (e.kind === 'retention' ? this.facts.retention : this.facts.protection).push(entry);
  }
}

/** Facts from scan results, normalized (sorted, de-duplicated). */
export function collectFacts(results: ScanResult[], opts: CollectOptions = {}): InventoryFacts {
  const c = new Collector(opts);
  for (const r of results) c.add(r);
  return uniteFacts([c.facts]);
}
