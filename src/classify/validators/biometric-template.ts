/**
 * biometric-template: a value that can hold a biometric template: a numeric vector of at least
 * 8 components (face embeddings are 128–512 floats, often printed truncated), a long base64 blob (fingerprint/iris
 * templates, ISO 19794 records), or a long hex string. Short values, hashes of common sizes
 * (32/40/64 hex chars) and low-entropy runs ("AAAA...") are rejected: labels such as "face_id"
 * are also used for ordinary identifiers.
 */
import { fail, ok, type Validator } from './types.js';
import { entropyBitsPerChar } from '../../util/entropy.js';

/** Vectors are often shown truncated ("[0.12, -0.03, ...]"): eight components are enough then. */
const MIN_COMPONENTS = 8;

export const biometricTemplate: Validator = (value) => {
  const v = value.trim();
  if (v.startsWith('[') || /^-?\d*\.\d+\s*,/.test(v)) {
    const nums = v.replace(/^\[|\]$/g, '').split(',').map((x) => x.trim()).filter((x) => x && x !== '...' && x !== '…');
    if (nums.length < MIN_COMPONENTS) return fail(`vector of ${nums.length} numbers: too short for a biometric template`);
    if (!nums.every((x) => /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/i.test(x))) return fail('not a numeric vector');
    return ok(`numeric vector of ${nums.length} components`, nums.length >= 64);
  }
  if (/^(?:0x)?[0-9a-f]+$/i.test(v)) {
    const hex = v.replace(/^0x/i, '');
    if ([32, 40, 64, 128].includes(hex.length)) return fail(`${hex.length} hex chars: the size of a hash, not a template`);
    if (hex.length < 96) return fail('hex string too short for a template');
    return ok(`hex blob of ${hex.length / 2} bytes`);
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) {
    if (v.length < 64) return fail('base64 string too short for a template');
    if (entropyBitsPerChar(v) < 4) return fail('low-entropy string');
    return ok(`base64 blob of about ${Math.floor((v.length * 3) / 4)} bytes`, v.length >= 256);
  }
  return fail('not a vector, hex or base64 template');
};
