/**
 * Facts + organisation block + regime → the full inventory: labels, sensitivity and references
 * of categories, foreign recipients, obligations from rules/obligations.yml, the status of each
 * dossier item (Decree 13 Art. 24(1) a–i, mapped to Decree 356) and the to-do list.
 * Pure: the same input always gives the same output.
 */
import type { Confidence, Level } from '../../model/finding.js';
import { category as categoryDef, categoryLabel, isCategory, isPrecaution, isSensitive, raisesLevel, sensitivityRank, type CategoryId, type Regime } from '../../model/categories.js';
import { OBLIGATION_RISK, cmp, maxConfidence, uniqSorted } from './facts.js';
import { CONTROLLER_REQUIRED, DPO_REQUIRED, displayCandidate, getField, isFilled, type ConfigField } from './config.js';
import {
  appliesInRegime,
  deadlineFor,
  describeTrigger,
  evaluateObligations,
  exemptionLost,
  transferExemptionFor,
  transferTypeFor,
  type ObligationsFile,
  type TriggerFacts,
} from '../../model/obligations.js';
import { obligationsFile } from '../../rules/catalogue.js';
import { isMarketingPurpose, purposeLabel } from './purposes.js';
import { FIELD_LABEL, confirmReason, todoText } from './i18n.js';
import {
  INVENTORY_FORMAT,
  INVENTORY_VERSION,
  type Bilingual,
  type CategoryEntry,
  type CategoryFacts,
  type DossierItem,
  type DossierStatus,
  type Inventory,
  type InventoryConfig,
  type InventoryFacts,
  type InventorySummary,
  type ObligationEntry,
  type PurposeEntry,
  type RecipientEntry,
  type RefsByRegime,
  type RiskEntry,
  type RiskFacts,
  type TodoEntry,
  type TransferEntry,
} from './types.js';

export interface DeriveOptions {
  regime: Regime;
  toolVersion: string;
  organisation: InventoryConfig;
  conflicts?: Record<string, string[]>;
  obligations?: ObligationsFile;
}

function labelOf(id: CategoryId, regime: Regime): Bilingual {
  return categoryLabel(id, regime);
}

function refsOf(id: CategoryId): RefsByRegime {
  const c = categoryDef(id);
  return { 'decree-13': [...c.refs['decree-13']], 'pdpl-2025': [...c.refs['pdpl-2025']] };
}

/** Sensitive first, then the order of rules/categories.yml. */
export function byRank(regime: Regime) {
  return (a: CategoryId, b: CategoryId) =>
    Number(isSensitive(b, regime)) - Number(isSensitive(a, regime)) || sensitivityRank(a, regime) - sensitivityRank(b, regime);
}

/** The kinds of data of a category's findings (its sub-kinds when any were seen). */
export function kindsOf(c: Pick<CategoryFacts, 'id' | 'kinds'>): CategoryId[] {
  return c.kinds?.length ? c.kinds : [c.id];
}

function categoryEntries(facts: InventoryFacts, regime: Regime): CategoryEntry[] {
  const entries = facts.categories
    .filter((c) => isCategory(c.id) && (c.files.length || c.fields.length || c.columns.length))
    .map((c): CategoryEntry => {
      const confidences: Confidence[] = [...c.files, ...c.fields, ...c.columns].map((x) => x.confidence);
      return {
        ...c,
        label: labelOf(c.id, regime),
        // Sensitive by law when one of its findings is: a health category holding only blood
        // types is basic under Decree 13 (Art. 2.4.b excludes blood type).
        sensitive: kindsOf(c).some((k) => isSensitive(k, regime)),
        ...(!kindsOf(c).some((k) => isSensitive(k, regime)) && kindsOf(c).some((k) => isPrecaution(k, regime)) ? { precaution: true } : {}),
        refs: refsOf(c.id),
        occurrences: c.files.reduce((n, f) => n + f.count, 0) + c.fields.length + c.columns.length,
        confidence: confidences.reduce<Confidence>((a, b) => maxConfidence(a, b), 'low'),
      };
    });
  return entries.sort((a, b) => Number(b.sensitive) - Number(a.sensitive) || sensitivityRank(a.id, regime) - sensitivityRank(b.id, regime));
}

function recipientEntries(facts: InventoryFacts, regime: Regime, cats: CategoryEntry[]): RecipientEntry[] {
  // A category is sensitive as the inventory judged it from its findings (kindsOf).
  const judged = new Map(cats.map((c) => [c.id, c.sensitive]));
  const sensitive = (c: CategoryId) => judged.get(c) ?? isSensitive(c, regime);
  return facts.recipients.map((r) => ({
    ...r,
    foreign: r.crossBorder ?? (r.country ? r.country !== 'VN' : null),
    sensitiveCategories: r.categories.filter((c) => isCategory(c) && sensitive(c)).sort(byRank(regime)),
  }));
}

function transferEntries(file: ObligationsFile, recipients: RecipientEntry[], regime: Regime): TransferEntry[] {
  // Form 09 and Art. 17.3 are Decree 356's: nothing of them under decree-13.
  const perRecipient = (kind: string | undefined): Pick<TransferEntry, 'form09' | 'exemption'> => {
    if (regime !== 'pdpl-2025') return {};
    const type = transferTypeFor(file, kind);
    const ex = transferExemptionFor(file, kind);
    return {
      ...(type ? { form09: { type: type.type, label: { vi: type.label_vi.trim(), en: type.label_en.trim() }, refs: [...type.refs] } } : {}),
      ...(ex ? { exemption: { ref: ex.ref, label: { vi: ex.label_vi.trim(), en: ex.label_en.trim() } } } : {}),
    };
  };
  return recipients
    .filter((r) => r.foreign !== false)
    .map((r) => {
      const extra = perRecipient(r.kind);
      // The same judgement as the cross-border obligation (model/obligations.ts): a transfer
      // abroad that may be exempt under Art. 17.3 does not by itself make the assessment due.
      const status: TransferEntry['status'] = r.foreign !== true ? 'to-confirm' : extra.exemption ? 'exemption-to-confirm' : 'foreign';
      return {
        recipient: r.id,
        name: r.name,
        ...(r.country ? { country: r.country } : {}),
        ...(r.kind ? { kind: r.kind } : {}),
        categories: [...r.categories].sort(byRank(regime)),
        sensitive: r.sensitiveCategories.length > 0,
        status,
        evidence: r.evidence.map(({ sink: _s, ...w }) => w),
        ...extra,
      };
    });
}

function purposeEntries(facts: InventoryFacts): PurposeEntry[] {
  return facts.purposes.map((p) => ({ ...p, label: purposeLabel(p.key), marketing: isMarketingPurpose(p.key), status: 'to-confirm' as const }));
}

const LEVELS: Level[] = ['low', 'medium', 'high'];

/** A duty with a `risk_level` that fires is also a risk, where its recipients were seen. */
function obligationRisks(file: ObligationsFile, tf: TriggerFacts, recipients: RecipientEntry[]): RiskFacts[] {
  return evaluateObligations(file, tf)
    .filter(({ def }) => def.risk_level)
    .map(({ def, result }) => ({
      ruleId: `${OBLIGATION_RISK}${def.id}`,
      name: { vi: def.title_vi.trim(), en: def.title_en.trim() },
      kind: 'flow' as const,
      categories: [...result.categories].sort(byRank(tf.regime)),
      confidence: 'high' as const,
      levelOverride: def.risk_level!,
      where: recipients.filter((r) => result.recipients.includes(r.id)).flatMap((r) => r.evidence.map(({ sink: _s, ...w }) => w)),
    }));
}

function riskEntries(facts: InventoryFacts, regime: Regime, extra: RiskFacts[] = []): RiskEntry[] {
  return [...facts.risks, ...extra].map((r) => {
    let level: Level = r.levelOverride ?? 'low';
    if (!r.levelOverride) {
      // Same policy as src/report/level.ts, applied to the most sensitive category carried.
      const raised = r.categories.some((c) => isCategory(c) && raisesLevel(c, regime));
      level = raised ? (r.confidence === 'low' ? 'medium' : 'high') : r.confidence === 'high' ? 'medium' : 'low';
    }
    return { ...r, level, count: r.where.length };
  }).sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level) || b.count - a.count || cmp(a.ruleId, b.ruleId));
}

/** Category labels for an obligation's {categories}: at most three, then "and N more". */
function labelsJoined(ids: CategoryId[], regime: Regime): Bilingual {
  const sorted = [...new Set(ids)].filter(isCategory).sort(byRank(regime));
  const shown = sorted.slice(0, 3);
  const more = sorted.length - shown.length;
  return {
    vi: shown.map((c) => categoryLabel(c, regime).vi).join('; ') + (more ? ` và ${more} loại khác` : ''),
    en: shown.map((c) => categoryLabel(c, regime).en).join('; ') + (more ? ` and ${more} more` : ''),
  };
}

function triggerFacts(cats: CategoryEntry[], recipients: RecipientEntry[], purposes: PurposeEntry[], org: InventoryConfig, hinted: boolean, regime: Regime): TriggerFacts {
  const union = (rs: RecipientEntry[]) => ({ categories: uniqSorted(rs.flatMap((r) => r.categories)), recipients: rs.map((r) => r.id) });
  return {
    regime,
    categories: cats.map((c) => c.id),
    sensitive: cats.filter((c) => c.sensitive).map((c) => c.id),
    foreign: union(recipients.filter((r) => r.foreign === true)),
    unknownCountry: union(recipients.filter((r) => r.foreign === null)),
    thirdParty: union(recipients),
    purposes: purposes.map((p) => ({ key: p.key, categories: p.categories, recipients: p.recipients })),
    recipients: recipients.map((r) => ({ id: r.id, ...(r.kind ? { kind: r.kind } : {}), categories: r.categories })),
    children: typeof org.children === 'boolean' ? org.children : null,
    childrenHinted: hinted,
  };
}

function obligationEntries(file: ObligationsFile, tf: TriggerFacts, recipients: RecipientEntry[], hintNames: string): ObligationEntry[] {
  const { regime } = tf;
  const exemptions = new Map(file.exemptions.map((e) => [e.id, e]));
  const out: ObligationEntry[] = [];
  for (const { def, result: res, reason, status } of evaluateObligations(file, tf)) {
    const cats = labelsJoined(res.categories.length ? res.categories : tf.categories, regime);
    const appliesIf = def.applies_if_en || def.applies_if_vi ? { vi: (def.applies_if_vi ?? def.applies_if_en)!.trim(), en: (def.applies_if_en ?? def.applies_if_vi)!.trim() } : undefined;
    let confirm: Bilingual | undefined;
    if (reason === 'children-unknown') {
      confirm = confirmReason('children-unknown');
      if (tf.childrenHinted) confirm = { vi: `${confirm.vi} (${hintNames})`, en: `${confirm.en} (${hintNames})` };
    } else if (reason === 'country-unknown' || reason === 'transfer-exemption') {
      const names = recipients.filter((r) => res.recipients.includes(r.id)).map((r) => r.name).join(', ');
      confirm = confirmReason(reason, { names });
    } else if (appliesIf) {
      confirm = appliesIf;
    }
    const deadline = deadlineFor(def, regime);
    const note: Partial<Bilingual> = {};
    if (def.note_vi) note.vi = def.note_vi.trim();
    if (def.note_en) note.en = def.note_en.trim();
    out.push({
      id: def.id,
      title: { vi: def.title_vi.trim(), en: def.title_en.trim() },
      why: { vi: def.why_vi.trim().replaceAll('{categories}', cats.vi), en: def.why_en.trim().replaceAll('{categories}', cats.en) },
      status,
      ...(confirm ? { confirm } : {}),
      trigger: describeTrigger(def.trigger, regime),
      firedBy: { categories: [...res.categories].sort(byRank(regime)), recipients: uniqSorted(res.recipients), purposes: uniqSorted(res.purposes) },
      ...(deadline ? { deadline } : {}),
      ...(def.deadline_detail_en || def.deadline_detail_vi
        ? { deadlineDetail: { vi: (def.deadline_detail_vi ?? def.deadline_detail_en)!.trim(), en: (def.deadline_detail_en ?? def.deadline_detail_vi)!.trim() } }
        : {}),
      refs: { 'decree-13': [...def.refs['decree-13']], 'pdpl-2025': [...def.refs['pdpl-2025']] },
      exemptions: (def.exemptions ?? [])
        .map((id) => exemptions.get(id))
        .filter((e) => e !== undefined && appliesInRegime(e, regime))
        .map((e) => ({
          id: e!.id,
          label: { vi: e!.label_vi.trim(), en: e!.label_en.trim() },
          conditions: { vi: e!.conditions_vi.trim(), en: e!.conditions_en.trim() },
          refs: { 'decree-13': [...e!.refs['decree-13']], 'pdpl-2025': [...e!.refs['pdpl-2025']] },
          available: !exemptionLost(e!, tf),
        })),
      ...(appliesIf ? { appliesIf } : {}),
      ...(Object.keys(note).length ? { note } : {}),
    });
  }
  return out;
}

function fieldStatus(org: InventoryConfig, fields: ConfigField[]): DossierStatus {
  const n = fields.filter((f) => isFilled(org, f)).length;
  return n === fields.length ? 'filled' : n === 0 ? 'to-fill' : 'partial';
}

interface TodoCtx {
  org: InventoryConfig;
  conflicts: Record<string, string[]>;
  cats: CategoryEntry[];
  purposes: PurposeEntry[];
  recipients: RecipientEntry[];
  facts: InventoryFacts;
  obligations: ObligationEntry[];
  regime: Regime;
  hintNames: string;
}

function todoList(c: TodoCtx): TodoEntry[] {
  const out: TodoEntry[] = [];
  const add = (item: string, kind: TodoEntry['kind'], key: string, text: Bilingual) => out.push({ item, kind, key, text });
  const fieldTodo = (item: string, field: ConfigField, textKey: string) => {
    if (isFilled(c.org, field)) return;
    if (c.conflicts[field]) {
      add(item, 'to-confirm', `conflict.${field}`, todoText('conflict', { field, values: c.conflicts[field]!.map(displayCandidate).join(' | ') }));
    } else {
      add(item, 'to-fill', field, todoText(textKey, { field, label: FIELD_LABEL[field].vi.toLowerCase() }, { field, label: FIELD_LABEL[field].en.toLowerCase() }));
    }
  };
  fieldTodo('a', 'system', 'system');
  fieldTodo('a', 'role', 'role');
  for (const f of CONTROLLER_REQUIRED) fieldTodo('a', f, 'controller');
  for (const f of DPO_REQUIRED) fieldTodo('b', f, 'dpo');
  if (c.purposes.length) add('c', 'to-confirm', 'purposes', todoText('purposes'));
  else add('c', 'to-fill', 'purposes.none', todoText('purposes.none'));
  fieldTodo('c', 'legal_basis', 'legal_basis');
  if (c.cats.length) add('d', 'to-confirm', 'categories', todoText('categories'));
  else add('d', 'to-fill', 'categories.none', todoText('categories.none'));
  if (c.recipients.length) add('đ', 'to-confirm', 'recipients', todoText('recipients'));
  else add('đ', 'to-confirm', 'recipients.none', todoText('recipients.none'));
  if (c.recipients.some((r) => r.foreign === true)) add('e', 'to-confirm', 'transfers', todoText('transfers'));
  const unknown = c.recipients.filter((r) => r.foreign === null);
  if (unknown.length) add('e', 'to-confirm', 'transfers.unknown', todoText('transfers.unknown', { names: unknown.map((r) => r.name).join(', ') }));
  add('e', 'to-confirm', 'hosting', todoText('hosting'));
  fieldTodo('g', 'processing_start', 'processing_start');
  if (!isFilled(c.org, 'retention')) {
    if (c.conflicts.retention) fieldTodo('g', 'retention', 'retention');
    else add('g', 'to-fill', 'retention', todoText(c.facts.retention.length ? 'retention.evidence' : 'retention'));
  }
  fieldTodo('g', 'deletion_policy', 'deletion_policy');
  if (c.facts.protection.length) add('h', 'to-confirm', 'protection', todoText('protection'));
  else add('h', 'to-fill', 'protection.none', todoText('protection.none'));
  add('h', 'to-fill', 'protection.management', todoText('protection.management'));
  add('i', 'to-confirm', 'risk-assessment', todoText('risk-assessment'));
  if (c.cats.length && getField(c.org, 'children') === undefined) {
    if (c.conflicts.children) fieldTodo('i', 'children', 'children');
    else add('i', 'to-confirm', 'children', c.hintNames ? todoText('children.hints', { names: c.hintNames }) : todoText('children'));
  }
  for (const o of c.obligations) {
    if (o.status !== 'to-confirm' || !o.confirm) continue;
    if (o.trigger === 'children' && getField(c.org, 'children') === undefined) continue; // covered by the "children" item
    add('i', 'to-confirm', `obligation.${o.id}`, {
      vi: todoText('obligation', { title: o.title.vi, reason: o.confirm.vi }).vi,
      en: todoText('obligation', { title: o.title.en, reason: o.confirm.en }).en,
    });
  }
  if (c.regime === 'pdpl-2025') {
    fieldTodo('+', 'consent', 'consent');
    fieldTodo('+', 'data_subjects', 'data_subjects');
    fieldTodo('+', 'contracts', 'contracts');
    fieldTodo('+', 'policies', 'policies');
  }
  return out;
}

function dossierItems(file: ObligationsFile, c: TodoCtx): DossierItem[] {
  const status: Record<string, DossierStatus> = {
    a: fieldStatus(c.org, ['system', 'role', ...CONTROLLER_REQUIRED]),
    b: fieldStatus(c.org, DPO_REQUIRED),
    c: c.purposes.length ? 'to-confirm' : 'to-fill',
    d: c.cats.length ? 'to-confirm' : 'to-fill',
    đ: 'to-confirm',
    e: 'to-confirm',
    g: isFilled(c.org, 'retention') && isFilled(c.org, 'deletion_policy') ? 'filled' : isFilled(c.org, 'retention') || c.facts.retention.length ? 'partial' : 'to-fill',
    h: c.facts.protection.length ? 'partial' : 'to-fill',
    i: 'partial',
  };
  return file.dossier.items.map((d) => ({
    item: d.item,
    label: { vi: d.label_vi.trim(), en: d.label_en.trim() },
    refs: { 'decree-13': [...d.refs['decree-13']], 'pdpl-2025': [...d.refs['pdpl-2025']] },
    ...(d.form_10_vi ? { form10: d.form_10_vi } : {}),
    ...(d.note_en || d.note_vi ? { note: { vi: (d.note_vi ?? d.note_en)!.trim(), en: (d.note_en ?? d.note_vi)!.trim() } } : {}),
    status: status[d.item] ?? 'to-fill',
  }));
}

export function deriveInventory(facts: InventoryFacts, o: DeriveOptions): Inventory {
  const { regime } = o;
  const file = o.obligations ?? obligationsFile();
  const org = o.organisation;
  const conflicts = o.conflicts ?? {};
  const cats = categoryEntries(facts, regime);
  const recipients = recipientEntries(facts, regime, cats);
  const transfers = transferEntries(file, recipients, regime);
  const purposes = purposeEntries(facts);
  const hintNames = uniqSorted(facts.childrenHints.map((h) => (h.logical ?? (h.path ? `${h.path}${h.line ? `:${h.line}` : ''}` : h.term)))).slice(0, 5).join(', ');
  const tf = triggerFacts(cats, recipients, purposes, org, facts.childrenHints.length > 0, regime);
  const risks = riskEntries(facts, regime, obligationRisks(file, tf, recipients));
  const obligations = obligationEntries(file, tf, recipients, hintNames);
  const ctx: TodoCtx = { org, conflicts, cats, purposes, recipients, facts, obligations, regime, hintNames };
  const todo = todoList(ctx);
  const dossier = dossierItems(file, ctx);
  const foreign = recipients.filter((r) => r.foreign === true);
  const paths = new Set([...cats.flatMap((c) => c.files.map((f) => f.path)), ...cats.flatMap((c) => c.fields.map((f) => f.path ?? ''))].filter(Boolean));
  const summary: InventorySummary = {
    categories: cats.length,
    basicCategories: cats.filter((c) => !c.sensitive).map((c) => c.id),
    sensitiveCategories: cats.filter((c) => c.sensitive).map((c) => c.id),
    precautionCategories: cats.filter((c) => c.precaution).map((c) => c.id),
    occurrences: cats.reduce((n, c) => n + c.occurrences, 0),
    files: paths.size,
    fields: new Set(cats.flatMap((c) => c.fields.map((f) => `${f.model}.${f.field}`))).size,
    columns: new Set(cats.flatMap((c) => c.columns.map((x) => [x.engine, x.database, x.schema, x.table, x.column].join('.')))).size,
    purposes: purposes.length,
    storages: facts.storages.length,
    recipients: recipients.length,
    foreignRecipients: foreign.length,
    countries: uniqSorted(recipients.flatMap((r) => (r.country ? [r.country] : []))),
    crossBorder: foreign.length ? true : recipients.some((r) => r.foreign === null) ? null : false,
    protectionMeasures: facts.protection.length,
    retentionEvidence: facts.retention.length,
    risks: risks.reduce((n, r) => n + r.count, 0),
    obligationsApplying: obligations.filter((x) => x.status === 'applies').length,
    obligationsToConfirm: obligations.filter((x) => x.status === 'to-confirm').length,
    toFill: todo.filter((t) => t.kind === 'to-fill').length,
    toConfirm: todo.filter((t) => t.kind === 'to-confirm').length,
  };
  return {
    format: INVENTORY_FORMAT,
    version: INVENTORY_VERSION,
    tool: { name: 'pdscan', version: o.toolVersion },
    regime,
    targets: facts.targets,
    organisation: org,
    conflicts,
    summary,
    dossier,
    categories: cats,
    purposes,
    sources: facts.sources,
    storages: facts.storages,
    recipients,
    links: facts.links,
    transfers,
    protection: facts.protection,
    retention: facts.retention,
    risks,
    obligations,
    childrenHints: facts.childrenHints,
    todo,
  };
}
