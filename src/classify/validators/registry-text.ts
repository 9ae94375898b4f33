import type { Validator } from './types.js';

/** Validators for text detectors (names, dates, ...). */
export const textValidators: Record<string, Validator> = {};
