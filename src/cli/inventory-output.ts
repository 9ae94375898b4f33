/**
 * `--inventory FILE.json|FILE.md` of `pdscan scan` and `pdscan db`: builds the draft data
 * inventory from the run's results and writes it. The CLI calls the inventory; the inventory
 * knows nothing about the CLI.
 */
import type { ScanResult } from '../model/result.js';
import type { Regime } from '../model/categories.js';
import type { ReportContext } from '../report/context.js';
import type { Inventory, Lang } from '../report/inventory/index.js';
import { inventoryFormatOf } from '../report/inventory/format.js';
import { ruleNames } from '../rules/meta/index.js';

export interface InventoryRun {
  regime: Regime;
  ctx: ReportContext;
  /** The `inventory:` section of the configuration, validated by the inventory. */
  config?: unknown;
}

/** Writes one inventory file per name; the inventory is built once for all of them. */
export async function writeInventories(results: ScanResult[], files: string[], lang: Lang, run: InventoryRun): Promise<void> {
  // The inventory builder loads only for a run that writes an inventory.
  const { buildInventory, writeInventoryFile } = await import('../report/inventory/index.js');
  let inv: Inventory | undefined;
  for (const file of files) {
    inv ??= buildInventory(results, { regime: run.regime, toolVersion: run.ctx.toolVersion, config: run.config, ruleName: ruleNames(run.ctx.rules) });
    writeInventoryFile(file, inv, lang);
  }
}

/** A bad inventory name (x.txt) is a usage error before the scan, not after it. */
export function checkInventoryNames(files: readonly string[] | undefined): void {
  for (const file of files ?? []) inventoryFormatOf(file);
}
