import { Command, Option } from 'commander';
import type { Regime } from '../../model/categories.js';

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
        const [{ allCategories, allSubkinds, isPrecaution, isSensitive }, { formatRef }, { loadRules }, { loadConfig }, { checkRuleValidators }] = await Promise.all([
          import('../../model/categories.js'),
          import('../../model/legal-refs.js'),
          import('../../rules/load.js'),
          import('../../config/load.js'),
          import('../../classify/validators/index.js'),
        ]);
        const { config } = loadConfig(opts.config, process.cwd());
        const rules = loadRules({ extraFiles: config.rule_files, extraRules: config.rules, disable: config.disable_rules });
        checkRuleValidators(rules);
        const cats = allCategories();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ categories: cats, subkinds: allSubkinds(), rules: rules.map(({ examples: _e, ...r }) => r) }, null, 2)}\n`);
          return 0;
        }
        const regime = opts.law ?? 'pdpl-2025';
        const lines = [
          `Legal categories (sensitive by law under ${regime} marked *). Per regime: "sensitive" = sensitive by law (ticks the dossier's sensitive boxes);`,
          `"precaution" = not sensitive by law, reported at a high level as a precaution; "basic" = basic personal data.`,
          '',
        ];
        const status = (id: string, r: Regime) => (isSensitive(id, r) ? 'sensitive' : isPrecaution(id, r) ? 'precaution' : 'basic');
        lines.push(`${'ID'.padEnd(22)} ${'Decree 13'.padEnd(10)} ${'PDPL 2025'.padEnd(10)} ${'Vietnamese label (pdpl-2025)'.padEnd(60)} References`);
        for (const c of cats) {
          const refs = [...c.refs['pdpl-2025'].map((r) => formatRef(`pdpl-2025:${r}`)), ...c.refs['decree-13'].map((r) => formatRef(`decree-13:${r}`))];
          lines.push(
            `${(c.sensitive[regime] ? `${c.id}*` : c.id).padEnd(22)} ${status(c.id, 'decree-13').padEnd(10)} ${status(c.id, 'pdpl-2025').padEnd(10)} ${c.label_vi.padEnd(60)} ${refs.join('; ')}`,
          );
        }
        lines.push('', 'Sub-kinds (reported as their parent category, with properties.subcategory; their own sensitivity decides the finding\'s flags)', '');
        for (const c of allSubkinds()) {
          const refs = [...c.refs['pdpl-2025'].map((r) => formatRef(`pdpl-2025:${r}`)), ...c.refs['decree-13'].map((r) => formatRef(`decree-13:${r}`))];
          lines.push(
            `${`${c.id} < ${c.parent}`.padEnd(22)} ${status(c.id, 'decree-13').padEnd(10)} ${status(c.id, 'pdpl-2025').padEnd(10)} ${c.label_vi.padEnd(60)} ${refs.join('; ')}`,
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
