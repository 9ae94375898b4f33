/**
 * `pdscan inventory merge a.json b.json … [--output inventory.md|.json] [--lang en] [--law …]`:
 * unites inventories written by `--inventory FILE.json` (code scans of several repositories,
 * database scans) into one. Deterministic (input order does not matter), idempotent (merging
 * an inventory with itself changes nothing), and duplicates are removed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Regime } from '../../model/categories.js';
import { ConfigError } from '../../util/errors.js';
import { TOOL_VERSION } from '../version.js';
import type { Lang } from '../../report/inventory/index.js';

interface MergeOptions {
  output?: string;
  lang: Lang;
  law?: Regime;
  config?: string;
}

export function registerInventory(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  const cmd = program.command('inventory').description('work with draft data inventories (--inventory FILE.json)');
  cmd
    .command('merge')
    .description('merge inventories from several repositories and databases into one')
    .argument('<files...>', 'inventory JSON files written with --inventory FILE.json')
    .option('-o, --output <file>', 'write FILE.json or FILE.md (default: Markdown on stdout)')
    .addOption(new Option('--lang <lang>', 'language of the Markdown').choices(['vi', 'en']).default('vi'))
    .addOption(new Option('--law <regime>', 'legal regime (default: the inputs’ regime)').choices(['pdpl-2025', 'decree-13']))
    .option('-c, --config <file>', 'take organisation details (inventory:) from this config (default: .pdscan.yml if present)')
    .action((files: string[], opts: MergeOptions) =>
      run(async () => {
        const cwd = process.cwd();
        const [{ loadConfig }, { mergeInventories, parseInventory, serializeInventory, writeInventoryFile }] = await Promise.all([import('../../config/load.js'), import('../../report/inventory/index.js')]);
        const { config } = loadConfig(opts.config, cwd);
        const inventories = files.map((f) => {
          let text: string;
          try {
            text = readFileSync(path.resolve(cwd, f), 'utf8');
          } catch (err) {
            throw new ConfigError(`${f}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
          }
          return parseInventory(text, f);
        });
        const merged = mergeInventories(inventories, { regime: opts.law ?? config.law, toolVersion: TOOL_VERSION, config: config.inventory });
        if (opts.output) writeInventoryFile(opts.output, merged, opts.lang);
        else process.stdout.write(serializeInventory(merged, 'md', opts.lang));
        return 0;
      }),
    );
}
