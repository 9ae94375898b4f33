import type { Validator } from './types.js';

/** Checksum and structure validators for identifiers (CCCD, MST, cards, ...). */
export const identifierValidators: Record<string, Validator> = {};
