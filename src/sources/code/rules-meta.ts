/** Code rules describe themselves in the rule catalogue; re-exported for code analysis. */
export { codeRule, codeRuleMeta, type CodeRuleMeta } from '../../rules/meta/code.js';
