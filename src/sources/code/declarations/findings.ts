/**
 * Declared fields → declaration findings and protection evidence. The names classifier decides
 * (owner = the model, then enclosing objects for nested fields); hints from the declaration
 * itself (@IsEmail(), format: email) fill in when the name says nothing.
 */
import { category as categoryDef, orderCategories } from '../../../model/categories.js';
import type { Confidence, Finding, Location, LogicalLocation } from '../../../model/finding.js';
import type { Evidence } from '../../../model/result.js';
import {
  classifyAmongSiblings,
  classifyIdentifier,
  classifyIdentifierPath,
  classifyInRecord,
  classifyOwner,
  freeTextOfPerson,
  recordModelOf,
  type NameMatch,
  type RecordValueKind,
  type Sibling,
} from '../../../classify/names.js';
import { declarationRuleId } from './rules.js';
import { kindFits, valueKind } from './field-types.js';
import type { CategoryHint, DeclaredField, ProtectionHint } from './types.js';

const SCORE: Record<Confidence, number> = { high: 0.9, medium: 0.7, low: 0.5 };
const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

interface Decision {
  category: string;
  confidence: Confidence;
  categories: string[];
  explain: string[];
  term?: string;
  nameProtection?: NameMatch['protection'];
}

function better(a: NameMatch | undefined, b: NameMatch | undefined): NameMatch | undefined {
  if (!a) return b;
  if (!b) return a;
  return RANK[b.confidence] > RANK[a.confidence] ? b : a;
}

export function decide(f: DeclaredField): Decision | undefined {
  const parts = f.field.split('.');
  const parents = [f.owner ?? f.model, ...parts.slice(0, -1)];
  // A top-level field is always judged against its model, even a model of unknown kind: its name
  // can still decide (Chi_So_Sinh_Ton.NhietDo is a vital sign, UserPassword.hash a password hash).
  const classify = (name: string) => (parts.length === 1 ? classifyIdentifier(name, parents[0]) : classifyIdentifierPath([...parents, name]));
  let match = classify(parts[parts.length - 1]!);
  for (const alias of f.aliases ?? []) match = better(match, classify(alias));
  // The declared type vetoes categories it cannot hold (digestSendEmail Boolean, mailLayout MailLayout enum).
  const kind = valueKind(f.type, f.enumType);
  if (match && !kindFits(match.category, kind)) match = undefined;
  const hints: CategoryHint[] = (f.hints ?? []).filter((h) => classifyOwner(f.owner ?? f.model) !== 'non-person' && kindFits(h.category, kind));
  if (!match && hints.length === 0) return undefined;
  const best = hints.reduce<CategoryHint | undefined>((acc, h) => (!acc || RANK[h.confidence] > RANK[acc.confidence] ? h : acc), undefined);
  const category = match?.category ?? best!.category;
  const confidence = match?.confidence ?? best!.confidence;
  const categories = orderCategories([category, ...hints.map((h) => h.category)], 'pdpl-2025');
  const explain = [...(match ? [match.reason] : []), ...hints.map((h) => h.reason)];
  return { category, confidence, categories, explain, term: match?.term, nameProtection: match?.protection };
}

/** Fields of one model (or one nested object of it), keyed by model and parent path. */
function groupKey(f: DeclaredField): string {
  const dot = f.field.lastIndexOf('.');
  return `${f.model}\u0000${dot === -1 ? '' : f.field.slice(0, dot)}`;
}

const leaf = (f: DeclaredField): string => f.field.slice(f.field.lastIndexOf('.') + 1);

/**
 * Each field's decision, then what its siblings in the same model say (classifyAmongSiblings):
 * they veto a name that is not personal in such a model (a company's linkedinUrl) and decide a
 * name that says nothing alone (customers.state beside addressLine1 and zip, financeContact beside
 * financeContactEmail).
 */
function decideAll(fields: readonly DeclaredField[]): Map<DeclaredField, Decision | undefined> {
  const out = new Map<DeclaredField, Decision | undefined>();
  const groups = new Map<string, DeclaredField[]>();
  const models = new Map<string, DeclaredField[]>();
  // fields their siblings showed not to be personal here (a company's note): the model as a whole does not undo that
  const vetoed = new Set<DeclaredField>();
  for (const f of fields) {
    const m = models.get(f.model);
    if (m) m.push(f);
    else models.set(f.model, [f]);
    if (f.skip) continue;
    out.set(f, decide(f));
    const k = groupKey(f);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const siblings: Sibling[] = group.map((f) => ({ name: leaf(f), category: out.get(f)?.category }));
    for (const f of group) {
      const among = classifyAmongSiblings(leaf(f), f.owner ?? f.model, siblings);
      if (among === null) {
        out.set(f, undefined);
        vetoed.add(f);
      }
      else if (among && !out.get(f) && kindFits(among.category, valueKind(f.type, f.enumType))) {
        out.set(f, { category: among.category, confidence: among.confidence, categories: [among.category], explain: [among.reason], term: among.term });
      }
    }
  }
  for (const [model, all] of models) decideRecord(model, all.filter((f) => !vetoed.has(f)), out);
  return out;
}

const asDecision = (m: NameMatch): Decision => ({ category: m.category, confidence: m.confidence, categories: [m.category], explain: [m.reason], term: m.term });

const REFERENCE = /(?:[a-z0-9]Id|[a-z0-9]ID|_id|[a-z0-9]Ids|_ids|Uuid|_uuid|Ref|_ref)$/;

function recordValueKind(f: DeclaredField): RecordValueKind {
  if (f.type && /\bjsonb?\b/i.test(f.type)) return 'json';
  return valueKind(f.type, f.enumType) ?? 'unknown';
}

/**
 * What the model as a whole says: a person's record of one kind (a body measurement, a payslip)
 * passes its category to its value fields, and free text on a person's own model is what someone
 * wrote about them. Relations count as the fields that link the record to a person.
 */
function decideRecord(model: string, all: readonly DeclaredField[], out: Map<DeclaredField, Decision | undefined>): void {
  const owner = all[0]?.owner ?? model;
  // only relations and keys link a record to a person (employeeId, patient), not a partnerCode
  const references = all.filter((f) => f.skip || REFERENCE.test(f.field)).map((f) => f.field);
  const record = recordModelOf(owner, references);
  for (const f of all) {
    if (f.skip || f.plain) continue;
    const current = out.get(f);
    const value = recordValueKind(f);
    if (record) {
      const d = classifyInRecord(leaf(f), record, value, current?.category);
      if (d === null) out.set(f, undefined);
      else if (d) out.set(f, asDecision(d));
    } else if (!current && !f.field.includes('.')) {
      const text = freeTextOfPerson(f.field, owner, value);
      if (text) out.set(f, asDecision(text));
    }
  }
}

const NAME_PROTECTION: Record<NonNullable<NameMatch['protection']>, ProtectionHint> = {
  hashing: { kind: 'hashing', key: 'hashing:field-name', description: 'the field name says the value is hashed' },
  encryption: { kind: 'encryption', key: 'encryption:field-name', description: 'the field name says the value is encrypted' },
  masking: { kind: 'masking', key: 'masking:field-name', description: 'the field name says the value is masked or truncated' },
};

/** One level lower for plain types; a low guess on a plain type is too weak to report. */
const LOWER: Record<Confidence, Confidence | undefined> = { high: 'medium', medium: 'low', low: undefined };

/**
 * The same model under its usual spellings: User, IUser, UserEntity, users, user_table, UserRow.
 * A plain type that restates a schema's model (interface User beside pgTable users) is not reported.
 */
export function modelKey(model: string): string {
  let m = model.replace(/^I(?=[A-Z][a-z])/, '').toLowerCase().replace(/[^a-z0-9]/g, '');
  for (let guard = 0; guard < 3; guard++) {
    const next = m.replace(/(entity|model|schema|table|row|record|document|doc|type|interface)$/, '');
    if (next === m || !next) break;
    m = next;
  }
  return m.replace(/(ies)$/, 'y').replace(/s$/, '');
}

/** Keys "model\0field" of schema (non-plain) fields, under every name of field and model. */
function schemaKeys(fields: DeclaredField[]): Set<string> {
  const keys = new Set<string>();
  for (const f of fields) {
    if (f.plain) continue;
    const models = [f.model, ...(f.table ? [f.table] : [])].map(modelKey);
    for (const m of models) for (const n of [f.field, ...(f.aliases ?? [])]) keys.add(`${m}\u0000${n.toLowerCase()}`);
  }
  return keys;
}

export function fieldsToFindings(path: string, fields: DeclaredField[]): { findings: Finding[]; evidence: Evidence[] } {
  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  // One finding per (file, model, field): a model declared twice (a class and an `extend`, two
  // @Body() uses of one inline shape) is one declaration.
  const seen = new Set<string>();
  const schemas = fields.some((f) => f.plain) ? schemaKeys(fields) : undefined;
  const decisions = decideAll(fields);
  for (const f of fields) {
    if (f.skip) continue;
    const key = `${f.model}\u0000${f.field}`;
    if (seen.has(key)) continue;
    if (f.plain && schemas!.has(`${modelKey(f.model)}\u0000${f.field.toLowerCase()}`)) continue;
    seen.add(key);
    const decided = decisions.get(f);
    if (!decided) continue;
    let d = decided;
    if (f.plain) {
      const lower = LOWER[d.confidence];
      if (!lower) continue;
      d = { ...d, confidence: lower, explain: [...d.explain, 'a plain type: nothing says it is stored or received, so one level lower'] };
    }
    const location: Location = { path, line: f.line, column: f.column };
    const qualified = `${f.model}.${f.field}`;
    const logicalLocations: LogicalLocation[] = [
      { kind: 'model', name: f.model },
      { kind: 'member', name: f.field, fullyQualifiedName: qualified },
    ];
    const protection = [...(f.protection ?? []), ...(d.nameProtection ? [NAME_PROTECTION[d.nameProtection]] : [])];
    const label = categoryDef(d.category).label_en;
    findings.push({
      ruleId: declarationRuleId(d.category),
      kind: 'declaration',
      category: d.category,
      categories: d.categories,
      confidence: d.confidence,
      score: SCORE[d.confidence],
      message: `${qualified} is declared to hold ${label.toLowerCase()} (${f.framework}${f.store ? `, ${f.store}` : ''})`,
      location,
      logicalLocations,
      explain: [...d.explain, `declared by ${f.framework} model ${f.model}${f.dbColumn ? ` (column ${f.dbColumn})` : ''}`],
      properties: {
        model: f.model,
        field: f.field,
        framework: f.framework,
        ...(f.input ? { input: true } : {}),
        ...(f.store ? { store: f.store } : {}),
        ...(f.type ? { type: f.type } : {}),
        ...(f.table ? { table: f.table } : {}),
        ...(f.dbColumn ? { column: f.dbColumn } : {}),
        ...(d.term ? { term: d.term } : {}),
        ...(protection.length ? { protection: [...new Set(protection.map((p) => p.kind))] } : {}),
      },
    });
    for (const p of protection) {
      evidence.push({
        kind: 'protection',
        key: p.key,
        description: `${qualified}: ${p.description}`,
        categories: d.categories,
        location,
        logicalLocations,
      });
    }
  }
  return { findings, evidence };
}
