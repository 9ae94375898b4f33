/**
 * Which legal obligations (rules/obligations.yml) the items a change introduces trigger, by the
 * same evaluator as the inventory (src/model/obligations.ts), so that both list the same duties
 * with the same status for the same scan.
 *
 * An obligation is listed when a NEW item fires its trigger: a new sensitive category fires
 * `any-sensitive`, a new transfer abroad fires `cross-border`, and so on. It is marked `new`
 * when the base did not trigger it as surely, otherwise `update` (the duty exists already, but the
 * dossier must now cover the new item). Duties about all personal data (`any-personal`,
 * `children`) are listed only when the base is known to hold no personal data at all (a full
 * scan compares with nothing), since otherwise every change would list them all. A duty whose
 * trigger cannot be ruled out (children's data, a recipient in an unknown country) or that holds
 * only under a condition pdscan cannot check is listed as `to-confirm`, never dropped.
 * Exemptions the change makes unavailable (`lost_if`) are reported too.
 */
import type { Regime } from '../model/categories.js';
import { deadlineFor, evaluateObligations, evaluateTrigger, exemptionLost, appliesInRegime, triggerWord, type ConfirmReason, type TriggerFacts } from '../model/obligations.js';
import { obligationsFile } from '../rules/catalogue.js';
import { confirmReason } from '../report/inventory/i18n.js';
import { isUnknownCountry, sensitiveCategoriesOf, type FactsDiff, type InventoryFacts, type RecipientFact } from './inventory-facts.js';

export interface TriggeredObligation {
  id: string;
  title_en: string;
  title_vi: string;
  /** `new`: the base did not trigger it as surely; `update`: it applied already, the dossier must cover the new items. */
  status: 'new' | 'update';
  /** The inventory's status of the same duty: `to-confirm` when pdscan cannot tell for sure. */
  verdict: 'applies' | 'to-confirm';
  /** Why it is to be confirmed, in English. */
  confirm?: string;
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

const union = (rs: RecipientFact[]) => ({ categories: [...new Set(rs.flatMap((r) => r.categories))], recipients: rs.map((r) => r.id) });

function triggerFacts(
  categories: Iterable<string>,
  sensitive: ReadonlySet<string>,
  recipients: RecipientFact[],
  transfers: RecipientFact[],
  purposes: Iterable<string>,
  regime: Regime,
  children: boolean | null,
): TriggerFacts {
  const cats = [...categories];
  return {
    regime,
    categories: cats,
    sensitive: cats.filter((c) => sensitive.has(c)),
    foreign: union(transfers),
    unknownCountry: union(recipients.filter(isUnknownCountry)),
    thirdParty: union(recipients),
    purposes: [...purposes].map((key) => ({ key, categories: [], recipients: [] })),
    recipients: recipients.map((r) => ({ id: r.id, ...(r.kind ? { kind: r.kind } : {}), categories: r.categories })),
    children,
    childrenHinted: false,
  };
}

const SURENESS = { no: 0, maybe: 1, yes: 2 } as const;

function confirmText(reason: ConfirmReason | undefined, recipients: string[], names: Map<string, string>, appliesIf: string | undefined): string | undefined {
  if (reason === 'children-unknown') return confirmReason('children-unknown').en;
  if (reason === 'country-unknown' || reason === 'transfer-exemption') return confirmReason(reason, { names: recipients.map((id) => names.get(id) ?? id).join(', ') }).en;
  return reason === 'applies-if' ? appliesIf : undefined;
}

/**
 * @param headCategories every category the scan reported, for `any-personal`.
 * @param baseComplete the base facts cover every category (a full scan, or no base at all);
 *   diff mode compares only the items that change duties, so it cannot tell `any-personal`.
 * @param children `inventory.children` of the config; null when nobody said.
 */
export function obligationsFor(
  diff: FactsDiff,
  base: InventoryFacts,
  regime: Regime,
  headCategories: string[] = [],
  baseComplete = false,
  children: boolean | null = null,
): ObligationReport {
  const file = obligationsFile();
  const firstPersonal = baseComplete && base.categories.size === 0 && headCategories.length > 0;
  const introduced = triggerFacts(firstPersonal ? headCategories : diff.sensitiveCategories, new Set(diff.sensitiveCategories), diff.recipients, diff.transfers, diff.purposes, regime, children);
  const baseFacts = triggerFacts(base.categories, sensitiveCategoriesOf(base, regime), [...base.recipients.values()], [...base.transfers.values()], base.purposes, regime, children);
  const aboutAllData = (word: string | undefined) => word === 'any-personal' || word === 'children';
  const names = new Map(diff.recipients.map((r) => [r.id, r.name]));
  const obligations = evaluateObligations(file, introduced, (def) => aboutAllData(triggerWord(def.trigger, regime)) && !firstPersonal).map(
    ({ def, result, status, reason }): TriggeredObligation => {
      const before = evaluateTrigger(def.trigger, baseFacts).fires;
      const deadline = deadlineFor(def, regime);
      const confirm = confirmText(reason, result.recipients, names, def.applies_if_en?.trim());
      return {
        id: def.id,
        title_en: def.title_en,
        title_vi: def.title_vi,
        status: SURENESS[before] >= SURENESS[result.fires] ? 'update' : 'new',
        verdict: status,
        ...(confirm ? { confirm } : {}),
        ...(deadline ? { deadline } : {}),
        refs: def.refs[regime].map((r) => `${regime}:${r}`),
      };
    },
  );
  const lostExemptions: LostExemption[] = file.exemptions
    .filter((e) => appliesInRegime(e, regime) && exemptionLost(e, introduced) && !exemptionLost(e, baseFacts))
    .map((e) => ({ id: e.id, label_en: e.label_en, label_vi: e.label_vi, covers: e.covers ?? [] }));
  return { obligations, lostExemptions };
}
