/**
 * Labels of purposes (data_use keys) from rules/purposes.yml. A key the taxonomy does not know
 * is shown as the key itself rather than dropped: it is still evidence for the DPO.
 */
import { purposesFile } from '../../rules/catalogue.js';
import type { PurposeDef } from '../../sources/code/flows/purposes.js';
import type { Bilingual } from './types.js';

let byKey: Map<string, PurposeDef> | undefined;

function load(): Map<string, PurposeDef> {
  return (byKey ??= new Map(purposesFile().purposes.map((p) => [p.key, p])));
}

export function purposeLabel(key: string): Bilingual {
  const p = load().get(key);
  return p ? { vi: p.label_vi, en: p.label_en } : { vi: key, en: key };
}

/** Marketing or advertising: the taxonomy says so, or the key sits under "marketing". */
export function isMarketingPurpose(key: string): boolean {
  const p = load().get(key);
  return p?.marketing === true || key === 'marketing' || key.startsWith('marketing.');
}
