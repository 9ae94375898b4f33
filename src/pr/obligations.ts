/**
 * Which legal obligations (rules/obligations.yml) the items a change introduces trigger.
 *
 * An obligation is listed when a NEW item fires its trigger: a new sensitive category fires
 * `any-sensitive`, a new transfer abroad fires `cross-border`, and so on. It is marked `new`
 * when the base did not trigger it at all, otherwise `update` (the duty exists already, but the
 * dossier must now cover the new item). `any-personal` duties are listed only when the base is
 * known to hold no personal data at all (a full scan compares with nothing), since otherwise
 * every change would list them all. Exemptions the change makes unavailable (`lost_if`) are
 * reported too.
 */
import { obligationsFile } from '../rules/catalogue.js';
import { isSensitive, type Regime } from '../model/categories.js';
import type { FactsDiff, InventoryFacts } from './inventory-facts.js';

type TriggerWord = 'any-personal' | 'any-sensitive' | 'cross-border' | 'third-party' | 'children';
type Trigger = TriggerWord | { category: string[] } | { purpose: string[] } | Partial<Record<Regime, TriggerWord | { category: string[] } | { purpose: string[] }>>;

interface ObligationDef {
  id: string;
  title_vi: string;
  title_en: string;
  regimes?: Regime[];
  trigger: Trigger;
  deadline?: null | string | Partial<Record<Regime, string | null>>;
  refs?: Partial<Record<Regime, string[]>>;
}

interface ExemptionDef {
  id: string;
  label_vi: string;
  label_en: string;
  regimes?: Regime[];
  covers?: string[];
  lost_if?: TriggerWord[];
}

interface ObligationsFile {
  obligations: ObligationDef[];
  exemptions?: ExemptionDef[];
}

// The narrower local types are the old reading of the file; the shared evaluator replaces them.
const load = (): ObligationsFile => obligationsFile() as unknown as ObligationsFile;

/** Facts enough to evaluate a trigger. */
interface TriggerFacts {
  categories: Iterable<string>;
  recipients: number;
  transfers: number;
  purposes: Iterable<string>;
}

function purposeMatches(pattern: string, key: string): boolean {
  if (pattern.endsWith('.*')) {
    const stem = pattern.slice(0, -2);
    return key === stem || key.startsWith(`${stem}.`);
  }
  return key === pattern;
}

function fires(trigger: Trigger, facts: TriggerFacts, regime: Regime): boolean {
  if (typeof trigger === 'string') {
    const cats = [...facts.categories];
    switch (trigger) {
      case 'any-personal':
        return cats.length > 0;
      case 'any-sensitive':
        return cats.some((c) => isSensitive(c, regime));
      case 'cross-border':
        return facts.transfers > 0;
      case 'third-party':
        return facts.recipients > 0;
      default:
        // Children's data cannot be told from findings yet.
        return false;
    }
  }
  if ('category' in trigger && Array.isArray(trigger.category)) {
    const cats = new Set(facts.categories);
    return trigger.category.some((c) => cats.has(c));
  }
  if ('purpose' in trigger && Array.isArray(trigger.purpose)) {
    const keys = [...facts.purposes];
    return trigger.purpose.some((p) => keys.some((k) => purposeMatches(p, k)));
  }
  const byRegime = (trigger as Partial<Record<Regime, Trigger>>)[regime];
  return byRegime ? fires(byRegime, facts, regime) : false;
}

const triggerWord = (trigger: Trigger, regime: Regime): Trigger =>
  typeof trigger === 'object' && !('category' in trigger) && !('purpose' in trigger) ? ((trigger as Partial<Record<Regime, Trigger>>)[regime] ?? trigger) : trigger;

export interface TriggeredObligation {
  id: string;
  title_en: string;
  title_vi: string;
  /** `new`: the base did not trigger it; `update`: it applied already, the dossier must cover the new items. */
  status: 'new' | 'update';
  deadline?: string;
  refs: string[];
}

export interface LostExemption {
  id: string;
  label_en: string;
  label_vi: string;
  covers: string[];
}

export interface ObligationReport {
  obligations: TriggeredObligation[];
  lostExemptions: LostExemption[];
}

function asTriggerFacts(f: InventoryFacts): TriggerFacts {
  return { categories: f.categories, recipients: f.recipients.size, transfers: f.transfers.size, purposes: f.purposes };
}

/**
 * @param headCategories every category the scan reported, for `any-personal`.
 * @param baseComplete the base facts cover every category (a full scan, or no base at all);
 *   diff mode compares only the items that change duties, so it cannot tell `any-personal`.
 */
export function obligationsFor(diff: FactsDiff, base: InventoryFacts, regime: Regime, headCategories: string[] = [], baseComplete = false): ObligationReport {
  const file = load();
  const firstPersonal = baseComplete && base.categories.size === 0 && headCategories.length > 0;
  const introduced: TriggerFacts = {
    categories: firstPersonal ? headCategories : diff.sensitiveCategories,
    recipients: diff.recipients.length,
    transfers: diff.transfers.length,
    purposes: diff.purposes,
  };
  const baseFacts = asTriggerFacts(base);
  const obligations: TriggeredObligation[] = [];
  for (const o of file.obligations) {
    if (o.regimes && !o.regimes.includes(regime)) continue;
    const baseFires = fires(o.trigger, baseFacts, regime);
    if (triggerWord(o.trigger, regime) === 'any-personal' && !firstPersonal) continue;
    if (!fires(o.trigger, introduced, regime)) continue;
    const deadline = o.deadline && typeof o.deadline === 'object' ? o.deadline[regime] : o.deadline;
    obligations.push({
      id: o.id,
      title_en: o.title_en,
      title_vi: o.title_vi,
      status: baseFires ? 'update' : 'new',
      ...(deadline ? { deadline } : {}),
      refs: (o.refs?.[regime] ?? []).map((r) => `${regime}:${r}`),
    });
  }
  const lostExemptions: LostExemption[] = [];
  for (const e of file.exemptions ?? []) {
    if (e.regimes && !e.regimes.includes(regime)) continue;
    const lost = (e.lost_if ?? []).some((t) => fires(t, introduced, regime) && !fires(t, baseFacts, regime));
    if (lost) lostExemptions.push({ id: e.id, label_en: e.label_en, label_vi: e.label_vi, covers: e.covers ?? [] });
  }
  return { obligations, lostExemptions };
}
