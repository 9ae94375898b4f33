/**
 * Obligations are data (rules/obligations.yml, read by the rule catalogue); this module evaluates
 * their trigger grammar against what a scan found. The inventory and the pull-request summary
 * both ask it, so they cannot disagree about which duties a scan triggers. See the file's
 * header for the grammar.
 */
import type { CategoryId, Regime } from './categories.js';

/** Article references per regime, in the compact form of rules/*.yml ("2.3.a", "d356-3.1"). */
export type RefsByRegime = Record<Regime, string[]>;

export type SimpleTrigger = 'any-personal' | 'any-sensitive' | 'cross-border' | 'third-party' | 'children';
export type Trigger = SimpleTrigger | { category: CategoryId[] } | { purpose: string[] } | { recipient: RecipientTrigger } | PerRegimeTrigger;
/**
 * Data sent to a recipient of one of these kinds (rules/recipients.yml `kind`), and when
 * `category` is given, only when that recipient receives one of these categories.
 */
export interface RecipientTrigger {
  kind: string[];
  category?: CategoryId[];
}
export interface PerRegimeTrigger {
  'decree-13'?: Trigger;
  'pdpl-2025'?: Trigger;
}

export interface ObligationDef {
  id: string;
  title_vi: string;
  title_en: string;
  why_vi: string;
  why_en: string;
  regimes?: Regime[];
  trigger: Trigger;
  deadline?: string | null | Partial<Record<Regime, string>>;
  deadline_detail_vi?: string;
  deadline_detail_en?: string;
  refs: RefsByRegime;
  exemptions?: string[];
  applies_if_vi?: string;
  applies_if_en?: string;
  note_vi?: string;
  note_en?: string;
  /** When it fires, the inventory also lists it as a risk at this level. */
  risk_level?: 'low' | 'medium' | 'high';
}

export interface ExemptionDef {
  id: string;
  regimes?: Regime[];
  label_vi: string;
  label_en: string;
  covers: string[];
  period?: string;
  lost_if?: Trigger[];
  conditions_vi: string;
  conditions_en: string;
  refs: RefsByRegime;
}

export interface DossierItemDef {
  item: string;
  label_vi: string;
  label_en: string;
  refs: RefsByRegime;
  form_10_vi?: string;
  note_en?: string;
  note_vi?: string;
}

export interface DossierExtraDef {
  label_vi: string;
  label_en: string;
  refs: string[];
  form_10_vi?: string;
}

export interface CrossBorderItemDef {
  'decree-13': string[];
  'pdpl-2025': string[];
  label_vi: string;
  label_en: string;
}

/** Decree 356 Form 09 section II.1: the box a transfer to a recipient of these kinds ticks. */
export interface TransferTypeDef {
  type: string;
  /** Recipient kinds; absent = the default. */
  kinds?: string[];
  label_vi: string;
  label_en: string;
  refs: string[];
}

/** Decree 356 Art. 17.3: an exemption a transfer to a recipient of these kinds may have. */
export interface TransferExemptionDef {
  kinds: string[];
  ref: string;
  label_vi: string;
  label_en: string;
}

export interface ObligationsFile {
  obligations: ObligationDef[];
  exemptions: ExemptionDef[];
  dossier: {
    items: DossierItemDef[];
    pdpl_only: DossierExtraDef[];
    cross_border_items: CrossBorderItemDef[];
    transfer_types: TransferTypeDef[];
    transfer_exemptions: TransferExemptionDef[];
    form_10_sensitive_boxes: Form10BoxDef[];
    forms: FormDef[];
  };
}

/** A form filed with the authority under one regime, and the articles that name it. */
export interface FormDef {
  regime: Regime;
  form: string;
  /** Only when personal data goes abroad. */
  cross_border?: boolean;
  refs: string[];
  label_vi: string;
  label_en: string;
  /** What the form asks for: `inventory:` keys of .pdscan.yml, and items only the organisation can write. */
  contents?: { form: string; fields: string[]; other_vi: string[]; other_en: string[] };
}

/** A sensitive-data box of Decree 356 Form 10 section II.3.2 and the kinds of data that tick it. */
export interface Form10BoxDef {
  ref: string;
  label_vi: string;
  label_en: string;
  kinds: string[];
}

/** The Form 09 box a transfer to a recipient of this kind ticks: the first entry naming the kind, else the default. */
export function transferTypeFor(file: ObligationsFile, kind: string | undefined): TransferTypeDef | undefined {
  const types = file.dossier.transfer_types;
  return types.find((t) => kind !== undefined && t.kinds?.includes(kind)) ?? types.find((t) => !t.kinds);
}

export function transferExemptionFor(file: ObligationsFile, kind: string | undefined): TransferExemptionDef | undefined {
  return kind === undefined ? undefined : file.dossier.transfer_exemptions.find((e) => e.kinds.includes(kind));
}

/** What a scan found, as the trigger grammar sees it. */
export interface TriggerFacts {
  regime: Regime;
  categories: CategoryId[];
  sensitive: CategoryId[];
  /** Categories sent to a recipient outside Vietnam, and to one whose country is unknown. */
  foreign: { categories: CategoryId[]; recipients: string[] };
  unknownCountry: { categories: CategoryId[]; recipients: string[] };
  thirdParty: { categories: CategoryId[]; recipients: string[] };
  purposes: Array<{ key: string; categories: CategoryId[]; recipients: string[] }>;
  /** Every recipient with its kind and the categories it receives, for `recipient` triggers. */
  recipients: Array<{ id: string; kind?: string; categories: CategoryId[] }>;
  /**
   * Decree 356 Art. 17.3: kinds of recipient (payment, shipping) whose transfers abroad may need no
   * cross-border assessment. evaluateObligations sets it from `dossier.transfer_exemptions` under
   * pdpl-2025, so the inventory and the PR summary judge such transfers alike.
   */
  transferExemptKinds?: readonly string[];
  /** true / false from the config; null when nobody said. */
  children: boolean | null;
  childrenHinted: boolean;
}

export interface TriggerResult {
  /** yes: fires; maybe: pdscan cannot tell (to confirm); no. */
  fires: 'yes' | 'maybe' | 'no';
  reason?: 'children-unknown' | 'country-unknown' | 'transfer-exemption';
  categories: CategoryId[];
  recipients: string[];
  purposes: string[];
}

const NO: TriggerResult = { fires: 'no', categories: [], recipients: [], purposes: [] };

/** "marketing.*" matches marketing and below; a plain key matches itself only. */
export function purposeMatches(pattern: string, key: string): boolean {
  if (pattern.endsWith('.*')) {
    const base = pattern.slice(0, -2);
    return key === base || key.startsWith(`${base}.`);
  }
  return key === pattern;
}

export function evaluateTrigger(t: Trigger, f: TriggerFacts): TriggerResult {
  if (typeof t === 'string') {
    switch (t) {
      case 'any-personal':
        return f.categories.length ? { fires: 'yes', categories: f.categories, recipients: [], purposes: [] } : NO;
      case 'any-sensitive':
        return f.sensitive.length ? { fires: 'yes', categories: f.sensitive, recipients: [], purposes: [] } : NO;
      case 'cross-border': {
        const exempt = exemptRecipients(f);
        if (!exempt.size && f.foreign.recipients.length) return { fires: 'yes', ...f.foreign, purposes: [] };
        // A transfer that may be exempt (Art. 17.3) does not by itself make the assessment due.
        const firm = f.foreign.recipients.filter((id) => !exempt.has(id));
        if (firm.length) return { fires: 'yes', categories: recipientCategories(f, firm), recipients: firm, purposes: [] };
        if (f.foreign.recipients.length) return { fires: 'maybe', reason: 'transfer-exemption', ...f.foreign, purposes: [] };
        if (f.unknownCountry.recipients.length) return { fires: 'maybe', reason: 'country-unknown', ...f.unknownCountry, purposes: [] };
        return NO;
      }
      case 'third-party':
        return f.thirdParty.recipients.length ? { fires: 'yes', ...f.thirdParty, purposes: [] } : NO;
      case 'children':
        if (!f.categories.length || f.children === false) return NO;
        if (f.children === true) return { fires: 'yes', categories: f.categories, recipients: [], purposes: [] };
        return { fires: 'maybe', reason: 'children-unknown', categories: f.categories, recipients: [], purposes: [] };
    }
  }
  if ('category' in t && Array.isArray(t.category)) {
    const hit = f.categories.filter((c) => (t.category as string[]).includes(c));
    return hit.length ? { fires: 'yes', categories: hit, recipients: [], purposes: [] } : NO;
  }
  if ('purpose' in t && Array.isArray(t.purpose)) {
    const hits = f.purposes.filter((p) => (t.purpose as string[]).some((pat) => purposeMatches(pat, p.key)));
    if (!hits.length) return NO;
    return {
      fires: 'yes',
      categories: [...new Set(hits.flatMap((h) => h.categories))],
      recipients: [...new Set(hits.flatMap((h) => h.recipients))],
      purposes: hits.map((h) => h.key),
    };
  }
  if ('recipient' in t && t.recipient && typeof t.recipient === 'object') return recipientHits(t.recipient as RecipientTrigger, f);
  const perRegime = (t as PerRegimeTrigger)[f.regime];
  return perRegime === undefined ? NO : evaluateTrigger(perRegime, f);
}

/** Foreign recipients whose kind has an Art. 17.3 exemption. */
function exemptRecipients(f: TriggerFacts): Set<string> {
  if (!f.transferExemptKinds?.length) return new Set();
  const kinds = new Set(f.transferExemptKinds);
  return new Set(f.recipients.filter((r) => r.kind !== undefined && kinds.has(r.kind) && f.foreign.recipients.includes(r.id)).map((r) => r.id));
}

/** The categories sent to these recipients, in the order of the facts' foreign categories. */
function recipientCategories(f: TriggerFacts, ids: string[]): CategoryId[] {
  const sent = new Set(f.recipients.filter((r) => ids.includes(r.id)).flatMap((r) => r.categories));
  return f.foreign.categories.filter((c) => sent.has(c));
}

function recipientHits(t: RecipientTrigger, f: TriggerFacts): TriggerResult {
  const wanted = (c: CategoryId) => !t.category || t.category.includes(c);
  const hits = f.recipients.filter((r) => r.kind !== undefined && t.kind.includes(r.kind) && r.categories.some(wanted));
  if (!hits.length) return NO;
  return { fires: 'yes', categories: [...new Set(hits.flatMap((r) => r.categories.filter(wanted)))], recipients: hits.map((r) => r.id), purposes: [] };
}

export function describeTrigger(t: Trigger, regime: Regime): string {
  if (typeof t === 'string') return t;
  if ('category' in t && Array.isArray(t.category)) return `category: ${t.category.join(', ')}`;
  if ('purpose' in t && Array.isArray(t.purpose)) return `purpose: ${t.purpose.join(', ')}`;
  if ('recipient' in t && t.recipient && typeof t.recipient === 'object') {
    const r = t.recipient as RecipientTrigger;
    return `recipient: ${r.kind.join(', ')}${r.category ? ` (category: ${r.category.join(', ')})` : ''}`;
  }
  const perRegime = (t as PerRegimeTrigger)[regime];
  return perRegime === undefined ? 'none' : describeTrigger(perRegime, regime);
}

export function appliesInRegime(def: { regimes?: Regime[] }, regime: Regime): boolean {
  return !def.regimes || def.regimes.includes(regime);
}

export function deadlineFor(def: ObligationDef, regime: Regime): string | undefined {
  const d = def.deadline;
  if (d === null || d === undefined) return undefined;
  if (typeof d === 'string') return d;
  return d[regime];
}

/** Why pdscan cannot say for sure that a duty applies. */
export type ConfirmReason = 'children-unknown' | 'country-unknown' | 'transfer-exemption' | 'applies-if';

export interface ObligationVerdict {
  def: ObligationDef;
  /** What fired it (never `no`: obligations that do not fire are left out). */
  result: TriggerResult & { fires: 'yes' | 'maybe' };
  /**
   * applies: the scan shows the trigger. to-confirm: the trigger cannot be ruled out (children's
   * data, a recipient in an unknown country) or the duty holds only under a condition pdscan cannot
   * check (applies_if, e.g. the company's sector). Never silently absent.
   */
  status: 'applies' | 'to-confirm';
  reason?: ConfirmReason;
}

/** The obligations of the regime that the facts trigger, in the file's order. */
export function evaluateObligations(file: ObligationsFile, facts: TriggerFacts, skip: (def: ObligationDef) => boolean = () => false): ObligationVerdict[] {
  // Art. 17.3 is Decree 356's: under decree-13 every transfer abroad needs the assessment.
  const f: TriggerFacts = facts.regime === 'pdpl-2025' && !facts.transferExemptKinds ? { ...facts, transferExemptKinds: file.dossier.transfer_exemptions.flatMap((e) => e.kinds) } : facts;
  const out: ObligationVerdict[] = [];
  for (const def of file.obligations) {
    if (!appliesInRegime(def, f.regime) || skip(def)) continue;
    const result = evaluateTrigger(def.trigger, f);
    if (result.fires === 'no') continue;
    const reason = result.reason ?? (def.applies_if_en || def.applies_if_vi ? 'applies-if' : undefined);
    out.push({ def, result: result as ObligationVerdict['result'], status: result.fires === 'yes' && !reason ? 'applies' : 'to-confirm', ...(reason ? { reason } : {}) });
  }
  return out;
}

/** An exemption stays available unless one of its `lost_if` triggers surely fires. */
export function exemptionLost(e: ExemptionDef, f: TriggerFacts): boolean {
  return (e.lost_if ?? []).some((t) => evaluateTrigger(t, f).fires === 'yes');
}

/** The trigger word that applies under the regime, when the trigger is a word. */
export function triggerWord(t: Trigger, regime: Regime): SimpleTrigger | undefined {
  if (typeof t === 'string') return t;
  if ('category' in t || 'purpose' in t || 'recipient' in t) return undefined;
  const perRegime = (t as PerRegimeTrigger)[regime];
  return perRegime === undefined ? undefined : triggerWord(perRegime, regime);
}
