/**
 * vn-address-value: the value after an address label (địa chỉ:, thường trú:, quê quán:,
 * address:). The label is evidence already, so one piece suffices: a province ("quê quán: Nam
 * Định"), an admin or street word, a house number, or several comma-separated capitalised parts.
 * Rejects what configuration files put after "address:" — hosts, IPs, ports, URLs, placeholders.
 */
import { fail, ok, type Validator } from './types.js';
import { addressEvidence } from './address-parts.js';

export const vnAddressValue: Validator = (value) => {
  const e = addressEvidence(value);
  if (e.rejected) return fail(e.rejected);
  if (!/\p{L}{2}/u.test(value)) return fail('no words');
  if (e.pieces.length || e.houseNumber) return ok(`address value: ${[e.houseNumber ? 'house number' : '', ...e.pieces].filter(Boolean).join(', ')}`);
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length >= 2 && parts.every((p) => /^\p{Lu}/u.test(p))) return ok('comma-separated place names');
  return fail('no address evidence (house number, admin word, province)');
};
