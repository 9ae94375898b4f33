/**
 * Record kinds (rules/names.yml `records`), for declared models only: a model whose own name says
 * it is one person's record of one kind (a body measurement, a prescription, a payslip, a leave
 * request) passes that kind's category to its descriptive value fields, whose names say nothing
 * alone (HealthMetric.sleepQuality, BodyMetric.waterPct, Payroll.mealPay, PhieuKham.LoiDan). What
 * is not a value of the record stays out: ids and codes, dates and timestamps of the record,
 * counters, statuses and kinds, flags, references to other models, and fields of a value kind the
 * record does not pass (a payslip's note is not an amount). Some kinds count only when the model
 * is linked to a person (a relation or key to a user, patient, employee): a payment of an order
 * is the shop's gateway record, not a person's financial data.
 */
import { ConfigError } from '../../util/errors.js';
import { isCategory, type CategoryId } from '../../model/categories.js';
import { SpanTable, tokensOrThrow } from './spans.js';

/** What a field's declared type is, as the record rules see it. */
export type RecordValueKind = 'string' | 'number' | 'boolean' | 'json' | 'datetime' | 'enum' | 'unknown';
const VALUE_KINDS: ReadonlySet<string> = new Set<RecordValueKind>(['string', 'number', 'boolean', 'json', 'datetime', 'enum', 'unknown']);

export interface RecordKindFile {
  /** Words that name such a record as the head of a model's name (BodyMetric, bang_luong). */
  owners: string[];
  category: string;
  /** Value kinds that carry the category. */
  values: string[];
  /** Category of free-text fields (notes, reason, lời dặn) in such a record; none when absent. */
  free_text?: string;
  /** More words that, first or last in a field's name, keep it out (a payslip's hours and days). */
  skip?: string[];
  /** Words that, first or last in a field's name, make it not personal here, whatever it says alone. */
  none?: string[];
  /** Categories of a field's own name that the record replaces (Payroll.bhxhEmployee is an amount). */
  overrides?: string[];
  /** Counts only when the model or a field of it names a person (a relation or a key). */
  needs_person?: boolean;
  /** Field terms (whole name) that are not personal in such a record when no person is linked. */
  unlinked_none?: string[];
}

export interface RecordsFile {
  /** Words after the record word that still name the same record (PrescriptionItem, SalaryValue). */
  parts?: string[];
  /** Words that, first or last in a field's name, make it about the record itself: ids, dates, counters, statuses. */
  skip: string[];
  /** Free-text words (the last or first word of the field's name). */
  free_text: string[];
  /** Category of free text on a person's own model (Patient.notes, Customer.note). */
  person_free_text?: string;
  kinds: RecordKindFile[];
}

export interface RecordKind {
  category: CategoryId;
  values: ReadonlySet<RecordValueKind>;
  freeText?: CategoryId;
  skip: SpanTable<true>;
  none: SpanTable<true>;
  overrides: ReadonlySet<string>;
  needsPerson: boolean;
  unlinkedNone: SpanTable<true>;
}

export interface Records {
  owners: SpanTable<number>;
  parts: SpanTable<true>;
  skip: SpanTable<true>;
  freeText: SpanTable<true>;
  personFreeText?: CategoryId;
  kinds: RecordKind[];
}

function table(words: readonly string[] | undefined, where: string): SpanTable<true> {
  const t = new SpanTable<true>(true, 4);
  (words ?? []).forEach((w, i) => t.add(tokensOrThrow(w, `${where}[${i}]`), true));
  return t;
}

function category(id: string, where: string): CategoryId {
  if (!isCategory(id)) throw new ConfigError(`${where}: unknown category "${id}" (see \`pdscan rules\`)`);
  return id;
}

export function compileRecords(file: RecordsFile | undefined, display: string): Records | undefined {
  if (!file) return undefined;
  const base = `${display}: records`;
  const owners = new SpanTable<number>(true, 4);
  const kinds = file.kinds.map((k, ki): RecordKind => {
    const where = `${base}.kinds[${ki}]`;
    k.owners.forEach((w, i) => {
      const tokens = tokensOrThrow(w, `${where}.owners[${i}]`);
      if (owners.exact.has(tokens.join(' '))) throw new ConfigError(`${where}.owners[${i}]: "${w}" already names another record kind`);
      owners.add(tokens, ki);
    });
    k.values.forEach((v, i) => {
      if (!VALUE_KINDS.has(v)) throw new ConfigError(`${where}.values[${i}]: unknown value kind "${v}" (${[...VALUE_KINDS].join(', ')})`);
    });
    k.overrides?.forEach((id, i) => category(id, `${where}.overrides[${i}]`));
    return {
      category: category(k.category, `${where}.category`),
      values: new Set(k.values as RecordValueKind[]),
      ...(k.free_text ? { freeText: category(k.free_text, `${where}.free_text`) } : {}),
      skip: table(k.skip, `${where}.skip`),
      none: table(k.none, `${where}.none`),
      overrides: new Set(k.overrides ?? []),
      needsPerson: k.needs_person ?? false,
      unlinkedNone: table(k.unlinked_none, `${where}.unlinked_none`),
    };
  });
  const personFreeText = file.person_free_text ? category(file.person_free_text, `${base}.person_free_text`) : undefined;
  return {
    owners,
    parts: table(file.parts, `${base}.parts`),
    skip: table(file.skip, `${base}.skip`),
    freeText: table(file.free_text, `${base}.free_text`),
    ...(personFreeText ? { personFreeText } : {}),
    kinds,
  };
}

/**
 * The record kind a model's name opens: a record word followed only by container or part words
 * (BodyMetric, PrescriptionItem, salary_values, ChiTietDonThuoc); "MetricDefinition" is not one.
 */
export function recordKindOf(r: Records, tokens: readonly string[], isContainer: (i: number) => boolean): number | undefined {
  for (let end = tokens.length; end > 0; end--) {
    for (let start = Math.max(0, end - r.owners.maxTokens - 1); start < end; start++) {
      const hit = r.owners.at(tokens, start, end);
      if (hit !== undefined) return hit;
    }
    if (!isContainer(end - 1) && r.parts.at(tokens, end - 1, end) === undefined) return undefined;
  }
  return undefined;
}

/** The whole name is a free-text word, apart from tokens `isOwnerToken` accepts (doctorNotes). */
export function isFreeText(r: Records, tokens: readonly string[], isOwnerToken: (i: number) => boolean): boolean {
  return r.freeText.spans(tokens).some((s) => tokens.every((_, i) => (i >= s.start && i < s.end) || isOwnerToken(i)));
}

/** A word of `t` opens or closes the name (English puts the head last, Vietnamese first). */
function atEdge(t: SpanTable<true>, tokens: readonly string[]): boolean {
  return t.spans(tokens).some((s) => s.start === 0 || s.end === tokens.length);
}

export type RecordDecision = { category: CategoryId; freeText: boolean } | null | undefined;

/**
 * What a field of a record of kind `k` holds: its category, null when the record says it is not
 * personal (a payslip's hours, an unlinked payment's amount), undefined when the record says nothing.
 * `isFlag` tells whether the name opens with a flag word (isActive, hasInsurance).
 */
export function recordField(r: Records, k: RecordKind, tokens: readonly string[], value: RecordValueKind, linked: boolean, isFlag: boolean): RecordDecision {
  if (tokens.length === 0) return undefined;
  if (k.needsPerson && !linked) return k.unlinkedNone.at(tokens, 0, tokens.length) !== undefined ? null : undefined;
  if (atEdge(k.none, tokens)) return null;
  if (value === 'datetime' || value === 'enum' || atEdge(r.skip, tokens) || atEdge(k.skip, tokens)) return undefined;
  if (atEdge(r.freeText, tokens)) return k.freeText ? { category: k.freeText, freeText: true } : undefined;
  if (!k.values.has(value) || (value === 'boolean' && isFlag)) return undefined;
  return { category: k.category, freeText: false };
}
