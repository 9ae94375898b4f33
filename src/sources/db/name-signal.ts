/**
 * The column-name signal: the shared identifier classifier (src/classify/names.ts, the same one
 * that reads code), with the table as the owner so that `stores.phone` and `products.name` stay
 * out while `khach_hang.ten` counts. Table names are often plural (customers, stores) while the
 * owner vocabulary is singular, so simple English plurals are tried too.
 */
import { classifyIdentifier, classifyOwner, type NameMatch, type OwnerKind } from '../../classify/names.js';
import { keysFromLeaf } from './flatten.js';

export type { NameMatch } from '../../classify/names.js';

function singulars(word: string): string[] {
  const out: string[] = [];
  if (/ies$/i.test(word)) out.push(word.replace(/ies$/i, 'y'));
  if (/(?:ches|shes|sses|xes|zes)$/i.test(word)) out.push(word.replace(/es$/i, ''));
  if (/[^s]s$/i.test(word)) out.push(word.replace(/s$/i, ''));
  return out;
}

/** The table name in the form the owner vocabulary knows (customers → customer), and its kind. */
export function tableOwner(table: string): { owner: string; kind: OwnerKind } {
  const kind = classifyOwner(table);
  if (kind !== 'unknown') return { owner: table, kind };
  // Only the last word is plural: tbl_customers, CustomerAddresses.
  const m = /^(.*?)([A-Za-z]+)$/.exec(table);
  if (m) {
    for (const s of singulars(m[2]!)) {
      const candidate = `${m[1]}${s}`;
      const k = classifyOwner(candidate);
      if (k !== 'unknown') return { owner: candidate, kind: k };
    }
  }
  return { owner: table, kind: 'unknown' };
}

export interface NameSignal extends NameMatch {
  /** The identifier that decided (the column, or a key of a JSON path). */
  identifier: string;
}

/**
 * Classify a column, or a field path inside a JSON column / document: the leaf key first, then
 * each enclosing key (`dia_chi.phuong` is an address because of `dia_chi`), each with the next key
 * up (or the column, or the table) as its owner.
 */
export function nameSignal(table: string, column: string, path?: string): NameSignal | undefined {
  const tableOwnerName = tableOwner(table).owner;
  const keys = path ? [...keysFromLeaf(path), ...(column ? [column] : [])] : [column];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const owner = keys.slice(i + 1).find((k) => classifyOwner(k) !== 'unknown') ?? tableOwnerName;
    const m = classifyIdentifier(key, owner);
    if (m) return { ...m, identifier: key };
  }
  return undefined;
}
