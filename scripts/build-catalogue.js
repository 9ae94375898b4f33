// Part of `npm run build` (after tsc): writes dist/catalogue.json, every rules/*.yml parsed and
// checked (schemas, cross-file checks, RE2 accepts every pattern, validators exist), so that the
// CLI starts without parsing YAML or compiling schemas. Fails the build when a rule file is wrong.
import { writeFileSync, renameSync } from 'node:fs';
import { buildPrebuilt, keyedValuesFile, PREBUILT_FILE } from '../dist/rules/catalogue.js';
import { loadRules } from '../dist/rules/load.js';
import { checkRuleValidators } from '../dist/classify/validators/index.js';
import { compileKeyedPolicy } from '../dist/classify/keyed/policy.js';

const prebuilt = buildPrebuilt();
const text = JSON.stringify(prebuilt);
// The checks a YAML start-up runs on the packs (RE2, categories, validators), while the catalogue still reads YAML.
checkRuleValidators(loadRules());
// The keyed-values patterns too: from the prebuilt catalogue they compile on first use only.
compileKeyedPolicy(keyedValuesFile(), 'rules/keyed-values.yml');
const tmp = `${PREBUILT_FILE}.${process.pid}.tmp`;
writeFileSync(tmp, text);
renameSync(tmp, PREBUILT_FILE);
console.log(`dist/catalogue.json: ${Object.keys(prebuilt.files).length} rules files, pdscan ${prebuilt.version}, ${prebuilt.hash.slice(0, 12)}`);
