/**
 * Hooks the inventory into `--inventory FILE.json|FILE.md` of `pdscan scan` and `pdscan db`
 * (src/cli/common.ts calls registered writers from emit()). Imported once by src/cli/main.ts.
 */
import type { ScanResult } from '../../model/result.js';
import { registerInventoryWriter } from '../../cli/common.js';
import { buildInventory, writeInventoryFile, type Inventory } from './index.js';
import { ruleNames } from '../../rules/meta/index.js';

// emit() calls the writer once per --inventory file; build once per run.
const built = new WeakMap<ScanResult[], Inventory>();

registerInventoryWriter((results, file, opts, s) => {
  let inv = built.get(results);
  if (!inv) {
    inv = buildInventory(results, { regime: s.regime, toolVersion: s.ctx.toolVersion, config: s.loaded.config.inventory, ruleName: ruleNames(s.ctx.rules) });
    built.set(results, inv);
  }
  writeInventoryFile(file, inv, opts.lang ?? 'vi');
});
