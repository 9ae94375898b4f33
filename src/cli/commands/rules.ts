import { Command, Option } from 'commander';
import { allCategories, type Regime } from '../../model/categories.js';
import { formatRef } from '../../model/legal-refs.js';
import { loadRules } from '../../rules/load.js';
import { loadConfig } from '../../config/load.js';
import { checkRuleValidators } from '../../classify/validators/index.js';

interface RulesOptions {
  law?: Regime;
  json?: boolean;
  config?: string;
}

/** `pdscan rules`: the legal categories table (both regimes) and the detection rules. */
export function registerRules(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('rules')
    .description('print the legal categories (both regimes) and the detection rules')
    .addOption(new Option('--law <regime>', 'regime whose sensitivity is highlighted').choices(['pdpl-2025', 'decree-13']))
    .option('--json', 'machine-readable output')
    .option('-c, --config <file>', 'configuration file (to include your own rules)')
    .action((opts: RulesOptions) =>
      run(async () => {
        const { config } = loadConfig(opts.config, process.cwd());
        const rules = loadRules({ extraFiles: config.rule_files, extraRules: config.rules, disable: config.disable_rules });
        checkRuleValidators(rules);
        const cats = allCategories();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ categories: cats, rules: rules.map(({ examples: _e, ...r }) => r) }, null, 2)}\n`);
          return 0;
        }
        const regime = opts.law ?? 'pdpl-2025';
        const lines = [`Legal categories (sensitive under ${regime} marked *)`, ''];
        lines.push(`${'ID'.padEnd(20)} ${'D13'.padEnd(4)} ${'PDPL'.padEnd(5)} ${'Vietnamese label'.padEnd(58)} References`);
        for (const c of cats) {
          const refs = [...c.refs['pdpl-2025'].map((r) => formatRef(`pdpl-2025:${r}`)), ...c.refs['decree-13'].map((r) => formatRef(`decree-13:${r}`))];
          lines.push(
            `${(c.sensitive[regime] ? `${c.id}*` : c.id).padEnd(20)} ${(c.sensitive['decree-13'] ? 'yes' : 'no').padEnd(4)} ${(c.sensitive['pdpl-2025'] ? 'yes' : 'no').padEnd(5)} ${c.label_vi.padEnd(58)} ${refs.join('; ')}`,
          );
        }
        lines.push('', `Detection rules (${rules.length})`, '');
        for (const r of [...rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))) {
          lines.push(`${r.id.padEnd(32)} ${r.category.padEnd(20)} ${r.name}${r.validator ? `  [validator: ${r.validator}]` : ''}`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
        return 0;
      }),
    );
}
