/**
 * Registry of validators by the name rule files use (`validator: <name>`).
 * One module per validator, with its tests beside it (`<name>.test.ts`). Identifier validators
 * (checksums, structures) and text validators (names, dates...) are registered in two lists so
 * they can grow independently.
 */
import type { Validator } from './types.js';
import type { RuleDef } from '../../rules/types.js';
import { ConfigError } from '../../util/errors.js';
import { identifierValidators } from './registry-identifiers.js';
import { textValidators } from './registry-text.js';

export const validators: Record<string, Validator> = { ...identifierValidators, ...textValidators };

function getValidator(name: string): Validator | undefined {
  return Object.prototype.hasOwnProperty.call(validators, name) ? validators[name] : undefined;
}

/**
 * The validator a rule names. Rule files refer to validators by name and the rule catalogue sits
 * below the classifier, so it is the classifier, which runs them, that refuses an unknown name.
 */
export function requireValidator(name: string, where: string): Validator {
  const v = getValidator(name);
  if (!v) throw new ConfigError(`${where}.validator: unknown validator "${name}"`);
  return v;
}

/** Checked when the rules are loaded, so that a misspelt validator stops the run before any work (exit 2). */
export function checkRuleValidators(rules: RuleDef[]): void {
  for (const r of rules) if (r.validator) requireValidator(r.validator, `${r.source ?? 'rule'}: ${r.id}`);
}
