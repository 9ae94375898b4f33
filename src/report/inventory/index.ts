/**
 * Draft data inventory (the record of processing a controller keeps, drafted from what the scans
 * found; its shape is schemas/inventory.schema.json): build from scan results, merge, validate, write.
 *
 *   buildInventory(results, options)      scan results → inventory
 *   mergeInventories(inventories, options) several inventories → one (deterministic, idempotent;
 *                                          systems kept apart, see namespace.ts)
 *   validateInventory(data)               schema errors, [] when valid
 *   renderInventoryMarkdown(inv, lang)    the document (vi default, en)
 *   writeInventoryFile(file, inv, lang)   FILE.json or FILE.md, validated before writing
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Regime } from '../../model/categories.js';
import type { ScanResult } from '../../model/result.js';
import { ConfigError } from '../../util/errors.js';
import { fieldPath, schemaValidator } from '../../util/schema.js';
import { collectFacts } from './collect.js';
import { normalizeConfig, mergeConfigs } from './config.js';
import { deriveInventory } from './derive.js';
import { factsOf, uniteFacts } from './facts.js';
import { factsBySystem } from './namespace.js';
import { renderInventoryMarkdown } from './markdown.js';
import { scrubValues, strongValues } from './scrub.js';
import type { Bilingual, Inventory, Lang } from './types.js';

export type { Inventory, InventoryConfig, Lang } from './types.js';
export { renderInventoryMarkdown } from './markdown.js';

export interface BuildOptions {
  regime: Regime;
  toolVersion: string;
  /** The `inventory:` block of .pdscan.yml. */
  config?: unknown;
  /** Rule names for the risk list, one language or both. */
  ruleName?: (ruleId: string, category: string) => string | Bilingual;
}

export function buildInventory(results: ScanResult[], o: BuildOptions): Inventory {
  const facts = collectFacts(results, { ruleName: o.ruleName });
  const inv = deriveInventory(facts, { regime: o.regime, toolVersion: o.toolVersion, organisation: normalizeConfig(o.config) });
  return scrubValues(inv, strongValues(results));
}

export interface MergeOptions {
  /** Regime of the result; default: the inputs' regime when they agree, else pdpl-2025. */
  regime?: Regime;
  toolVersion: string;
  /** An `inventory:` block that overrides the inputs' organisation fields. */
  config?: unknown;
}

export function mergeInventories(inventories: Inventory[], o: MergeOptions): Inventory {
  const regimes = new Set(inventories.map((i) => i.regime));
  const regime = o.regime ?? (regimes.size === 1 ? [...regimes][0]! : 'pdpl-2025');
  const facts = uniteFacts(factsBySystem(inventories, factsOf));
  const { organisation, conflicts } = mergeConfigs(inventories, o.config ? normalizeConfig(o.config) : undefined);
  return deriveInventory(facts, { regime, toolVersion: o.toolVersion, organisation, conflicts });
}

export function validateInventory(data: unknown): string[] {
  const v = schemaValidator('inventory.schema.json');
  if (v(data)) return [];
  return (v.errors ?? []).map((e) => `${fieldPath(e.instancePath)}: ${e.message ?? e.keyword}`);
}

/** Parse and check an inventory JSON file's content; problems are ConfigErrors naming the file. */
export function parseInventory(text: string, displayName: string): Inventory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${displayName}: not JSON (${(err as Error).message})`);
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== 'pdscan-inventory') {
    throw new ConfigError(`${displayName}: not a pdscan inventory (write one with --inventory FILE.json)`);
  }
  const errors = validateInventory(data);
  if (errors.length) throw new ConfigError(`${displayName}: invalid inventory: ${errors[0]}`);
  return data as Inventory;
}

import { inventoryFormatOf } from './format.js';
export { inventoryFormatOf };

export function serializeInventory(inv: Inventory, format: 'json' | 'md', lang: Lang): string {
  const errors = validateInventory(inv);
  // An inventory that fails its own schema is a bug in pdscan, not a user error.
  if (errors.length) throw new Error(`internal error: the inventory does not match schemas/inventory.schema.json: ${errors.join('; ')}`);
  return format === 'json' ? `${JSON.stringify(inv, null, 2)}\n` : renderInventoryMarkdown(inv, lang);
}

export function writeInventoryFile(file: string, inv: Inventory, lang: Lang): void {
  const content = serializeInventory(inv, inventoryFormatOf(file), lang);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, content);
}
