/**
 * Registry of validators by the name rule files use (`validator: <name>`).
 * One module per validator, with its tests beside it (`<name>.test.ts`). Identifier validators
 * (checksums, structures) and text validators (names, dates...) are registered in two lists so
 * they can grow independently.
 */
import type { Validator } from './types.js';
import { identifierValidators } from './registry-identifiers.js';
import { textValidators } from './registry-text.js';

export const validators: Record<string, Validator> = { ...identifierValidators, ...textValidators };

export function getValidator(name: string): Validator | undefined {
  return Object.prototype.hasOwnProperty.call(validators, name) ? validators[name] : undefined;
}
