/**
 * The few inventory facts a pull-request check compares between the base and the change:
 * which categories are processed, which recipients receive data, and which transfers leave
 * Vietnam. Read straight from findings (flows carry `properties.recipient` and
 * `properties.crossBorder`), so the comparison needs no full inventory build.
 */
import type { Finding } from '../model/finding.js';
import { findingKinds, isSensitive, orderCategories, reportedCategory, type Regime } from '../model/categories.js';
import { unlistedRecipient } from '../model/recipients.js';

export interface RecipientFact {
  id: string;
  name: string;
  country?: string;
  kind?: string;
  /** What the analysis said about a transfer abroad, when it said something: true if any flow goes abroad. */
  crossBorder?: boolean;
  categories: string[];
}

export interface InventoryFacts {
  categories: Set<string>;
  /** Kinds of data behind the categories: a finding's sub-kind (blood-type, eid-bank-credentials) or its categories; `categories` when absent. */
  kinds?: Set<string>;
  recipients: Map<string, RecipientFact>;
  /** Recipients abroad, keyed by recipient id and country. */
  transfers: Map<string, RecipientFact>;
  /** Inferred processing purposes (keys of rules/purposes.yml), when flows carry them. */
  purposes: Set<string>;
}

export function emptyFacts(): InventoryFacts {
  return { categories: new Set(), kinds: new Set(), recipients: new Map(), transfers: new Map(), purposes: new Set() };
}

interface RecipientProp {
  id?: unknown;
  name?: unknown;
  country?: unknown;
  kind?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function recipientOf(f: Finding): RecipientFact | undefined {
  const r = f.properties?.recipient as RecipientProp | string | undefined;
  const cb = f.properties?.crossBorder;
  const crossBorder = typeof cb === 'boolean' ? { crossBorder: cb } : {};
  if (!r) {
    // A flow to an external sink no catalogue entry names: the inventory lists it too.
    const p = f.properties ?? {};
    const unlisted = f.kind === 'flow' ? unlistedRecipient(text(p.sink) ?? 'unknown', text(p.host), text(p.hostEnv)) : undefined;
    return unlisted && { ...unlisted, ...crossBorder, categories: [...f.categories] };
  }
  if (typeof r === 'string') return { id: r, name: r, ...crossBorder, categories: [...f.categories] };
  if (typeof r !== 'object' || typeof r.id !== 'string') return undefined;
  return {
    id: r.id,
    name: typeof r.name === 'string' ? r.name : r.id,
    ...(typeof r.country === 'string' ? { country: r.country } : {}),
    ...(typeof r.kind === 'string' ? { kind: r.kind } : {}),
    ...crossBorder,
    categories: [...f.categories],
  };
}

/**
 * Whether the recipient may be abroad without pdscan knowing: no flow said whether it crosses
 * the border and its country is unknown. Such a transfer is to be confirmed, like the inventory's.
 */
export function isUnknownCountry(r: RecipientFact): boolean {
  return r.crossBorder === undefined && r.country === undefined;
}

/** A transfer abroad: the analysis says so, or the recipient's known country is not Vietnam. */
function isCrossBorder(r: RecipientFact): boolean {
  if (r.crossBorder !== undefined) return r.crossBorder;
  return r.country !== undefined && r.country.toUpperCase() !== 'VN';
}

function purposesOf(f: Finding): string[] {
  const p = f.properties?.purposes ?? f.properties?.purpose;
  if (typeof p === 'string') return [p];
  if (Array.isArray(p)) return p.flatMap((x) => (typeof x === 'string' ? [x] : x && typeof x === 'object' && typeof (x as { key?: unknown }).key === 'string' ? [(x as { key: string }).key] : []));
  return [];
}

function merge(map: Map<string, RecipientFact>, key: string, r: RecipientFact): void {
  const cur = map.get(key);
  if (!cur) {
    map.set(key, { ...r, categories: [...r.categories] });
    return;
  }
  cur.categories = [...new Set([...cur.categories, ...r.categories])];
  // As the inventory unites them: abroad if any flow goes abroad, else domestic if any flow says so.
  if (r.crossBorder !== undefined && cur.crossBorder !== true) cur.crossBorder = r.crossBorder;
}

export function factsOf(findings: Iterable<Finding>, into: InventoryFacts = emptyFacts()): InventoryFacts {
  for (const f of findings) {
    // Suppressed results and our own bookkeeping rules say nothing about the data processed.
    if (f.suppression || f.ruleId.startsWith('pdscan-')) continue;
    f.categories.forEach((c) => into.categories.add(c));
    const kinds = (into.kinds ??= new Set(into.categories));
    findingKinds(f).forEach((k) => kinds.add(k));
    purposesOf(f).forEach((p) => into.purposes.add(p));
    const r = recipientOf(f);
    if (!r) continue;
    merge(into.recipients, r.id, r);
    if (isCrossBorder(r)) merge(into.transfers, `${r.id}@${r.country ?? '?'}`, r);
  }
  return into;
}

/**
 * The items of the inventory that change a company's duties, and so what a pull-request check
 * compares: sensitive categories, recipients, transfers abroad and purposes. (A new basic
 * category such as a phone number changes no duty once any personal data is processed.)
 */
export interface FactsDiff {
  sensitiveCategories: string[];
  recipients: RecipientFact[];
  transfers: RecipientFact[];
  purposes: string[];
}

/** The categories sensitive by law under the regime: those with a kind of data that is (blood type is not under decree-13). */
export function sensitiveCategoriesOf(facts: InventoryFacts, regime: Regime): Set<string> {
  return new Set([...(facts.kinds ?? facts.categories)].filter((k) => isSensitive(k, regime)).map(reportedCategory));
}

/** What `head` has that `base` lacks. */
export function diffFacts(head: InventoryFacts, base: InventoryFacts, regime: Regime): FactsDiff {
  const byName = (a: RecipientFact, b: RecipientFact) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    sensitiveCategories: orderCategories([...sensitiveCategoriesOf(head, regime)].filter((c) => !sensitiveCategoriesOf(base, regime).has(c)), regime),
    recipients: [...head.recipients].filter(([k]) => !base.recipients.has(k)).map(([, r]) => r).sort(byName),
    transfers: [...head.transfers].filter(([k]) => !base.transfers.has(k)).map(([, r]) => r).sort(byName),
    purposes: [...head.purposes].filter((p) => !base.purposes.has(p)).sort(),
  };
}

export function isEmptyDiff(d: FactsDiff): boolean {
  return !d.sensitiveCategories.length && !d.recipients.length && !d.transfers.length && !d.purposes.length;
}
