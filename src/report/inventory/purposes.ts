/**
 * Labels of purposes (data_use keys) from rules/purposes.yml. A key the taxonomy does not know
 * is shown as the key itself rather than dropped: it is still evidence for the DPO.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RULES_DIR } from '../../util/paths.js';
import { readYamlFile } from '../../util/yaml.js';
import type { Bilingual } from './types.js';

interface PurposeDef {
  key: string;
  label_vi: string;
  label_en: string;
  marketing?: boolean;
}

let cached: Map<string, PurposeDef> | undefined;

function load(): Map<string, PurposeDef> {
  if (!cached) {
    cached = new Map();
    const file = path.join(RULES_DIR, 'purposes.yml');
    if (existsSync(file)) {
      const raw = readYamlFile(file, 'rules/purposes.yml') as { purposes?: PurposeDef[] } | null;
      for (const p of raw?.purposes ?? []) if (p && typeof p.key === 'string') cached.set(p.key, p);
    }
  }
  return cached;
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
