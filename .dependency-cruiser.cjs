/**
 * Import rules for src/, run by `npm run lint`. Layers run one way: a folder may import its own
 * files and the layers listed before it, never one listed after it. Foundations (util: errors,
 * paths, progress, YAML; model: findings and categories) come first; cli/ is the only entry point
 * (the command line and the GitHub Action's launcher), so nothing outside cli/ imports it.
 * Tests (*.test.ts, test/, bench/) may import any layer.
 */
/**
 * The rule catalogue (src/rules/catalogue.ts and the checks it runs while loading) is a foundation:
 * it reads, validates and caches rules/*.yml and sits just above util/, so that model/ (categories,
 * obligations) and every feature can ask it. It names the shapes of the files it returns with
 * type-only imports of the modules that define them (erased at compile time, no runtime edge).
 * The rest of src/rules/ (packs, macros, rule metadata) builds on model/.
 */
const CATALOGUE = 'src/rules/(catalogue|obligations-check)\\.ts$';
const LAYERS = [
  ['util', '^src/util/'], // errors, package paths, progress reporting, text folding, YAML and schema reading
  ['catalogue', `^${CATALOGUE}`], // reads, validates and caches every rules/*.yml
  ['model', '^src/model/'], // findings, results, legal categories and references, obligations
  ['rules', `^src/rules/(?!(catalogue|obligations-check)\\.ts$)`], // detection packs, macros, rule metadata
  ['config', '^src/config/'], // .pdscan.yml
  ['classify', '^src/classify/'], // validators, name lexicon, the classifier, keyed values and tables
  ['sources', '^src/sources/'], // files, code understanding, databases
  ['scan', '^src/scan/'], // the file scan and its worker pool
  ['report', '^src/report/'], // text, JSON, SARIF, the data inventory
  ['pr', '^src/pr/'], // diff mode, baselines, suppressions, the Action's logic
  ['cli', '^src/cli/'], // commands and entry points
];

const TESTS = '(\\.test\\.ts$|/test-helpers\\.ts$|/scan-for-tests\\.ts$)';

const layerRules = LAYERS.slice(0, -1).map(([layer, path], i) => ({
  name: `layer-${layer}`,
  comment: `${layer} sits below ${LAYERS.slice(i + 1).map(([l]) => l).join(', ')}: it must not import them`,
  severity: 'error',
  from: { path, pathNot: TESTS },
  to: {
    path: LAYERS.slice(i + 1).map(([, p]) => `(${p})`).join('|'),
    ...(layer === 'catalogue' ? { dependencyTypesNot: ['type-only'] } : {}),
  },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      // A cycle that passes through the catalogue's type-only imports is no runtime cycle.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-orphans',
      comment: 'A source file nothing imports is dead code (entry points and workers excepted).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [TESTS, '\\.d\\.ts$', '^src/cli/(main|action-entry)\\.ts$', '/worker\\.ts$'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
