/**
 * A validator is a small pure function: given the matched value (digits, letters, separators as
 * matched), it says whether the structure/checksum holds and why. `strong` marks evidence that is
 * enough on its own (a checksum that random strings rarely pass); weak passes still need context.
 */
export interface ValidatorResult {
  valid: boolean;
  reason: string;
  strong?: boolean;
}

export type Validator = (value: string) => ValidatorResult;

export const ok = (reason: string, strong = false): ValidatorResult => ({ valid: true, reason, strong });
export const fail = (reason: string): ValidatorResult => ({ valid: false, reason });

/** Keep digits only: values are matched with spaces, dots and dashes in them. */
export const digitsOf = (value: string): string => value.replace(/\D+/g, '');
