/**
 * Values that are hashes, ciphertext or masks are evidence of a protection measure (Decree 13
 * Art. 24(1)(h); the dossier's "protection measures"), not plain personal data. Judged per value
 * by shape, then per column by ratio. Inputs are bounded database values (≤ MAX_TEXT chars), and
 * every pattern below is linear (no nested quantifiers), so JS RegExp is safe here.
 */
import { entropyBitsPerChar, entropyOfCounts } from '../../util/entropy.js';

export type ProtectionKind = 'hashing' | 'encryption' | 'masking';

export interface ProtectionGuess {
  kind: ProtectionKind;
  /** Evidence key, e.g. "hashing:bcrypt", "encryption:pgp", "masking". */
  key: string;
  description: string;
}

const MODULAR_CRYPT: Array<[RegExp, string, string]> = [
  [/^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/, 'bcrypt', 'bcrypt password hashes'],
  [/^\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/, 'argon2', 'Argon2 password hashes'],
  [/^\$(?:7|scrypt)\$[./A-Za-z0-9$]{20,}$/, 'scrypt', 'scrypt password hashes'],
  [/^(?:pbkdf2_sha(?:1|256|512)|\$pbkdf2(?:-sha\d+)?)\$\d+\$\S{8,}$/, 'pbkdf2', 'PBKDF2 password hashes'],
  [/^\$[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}$/, 'sha-crypt', 'SHA-crypt password hashes'],
  [/^\$1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}$/, 'md5-crypt', 'MD5-crypt password hashes (weak)'],
];

const HEX_DIGEST: Record<number, string> = { 32: 'md5', 40: 'sha1', 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' };

/** One value's protection shape, if any. */
export function protectionOfValue(raw: string): ProtectionGuess | undefined {
  const v = raw.trim();
  if (v.length < 8) return undefined;
  for (const [re, algo, what] of MODULAR_CRYPT) {
    if (re.test(v)) return { kind: 'hashing', key: `hashing:${algo}`, description: what };
  }
  if (/^-----BEGIN PGP MESSAGE-----/.test(v)) return { kind: 'encryption', key: 'encryption:pgp', description: 'OpenPGP-encrypted values' };
  if (/^vault:v\d+:[A-Za-z0-9+/=]{16,}$/.test(v)) return { kind: 'encryption', key: 'encryption:vault-transit', description: 'values encrypted with HashiCorp Vault transit' };
  if (/^ENC\([A-Za-z0-9+/=]{16,}\)$/.test(v)) return { kind: 'encryption', key: 'encryption:jasypt', description: 'Jasypt-encrypted values' };
  if (/^\\x[0-9a-f]{32,}$/i.test(v)) return { kind: 'encryption', key: 'encryption:binary', description: 'encrypted binary values' };
  const algo = HEX_DIGEST[v.length];
  if (algo && /^[0-9a-f]+$/i.test(v) && /[a-f]/i.test(v) && /\d/.test(v)) {
    return { kind: 'hashing', key: `hashing:${algo}`, description: `hex ${algo.toUpperCase()}-length digests` };
  }
  // Base64 (or base64url) ciphertext: long, no spaces, mixed classes, near-random.
  if (v.length >= 24 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v) && entropyBitsPerChar(v) >= Math.min(4.5, Math.log2(v.length) - 0.7)) {
    return { kind: 'encryption', key: 'encryption:base64', description: 'base64 ciphertext or keyed hashes' };
  }
  // Masks keep a few characters and hide the rest: 091****678, ****1234, n***@gmail.com, XXXXXX1234.
  if (v.length <= 64 && !/\s{2,}/.test(v) && (/[*•#]{3,}/.test(v) || /\d[xX]{3,}|[xX]{3,}\d/.test(v))) {
    return { kind: 'masking', key: 'masking', description: 'masked values' };
  }
  return undefined;
}

/** Binary values: encrypted blobs look random. Images are handled before this (images.ts). */
export function protectionOfBinary(bytes: Uint8Array): ProtectionGuess | undefined {
  if (bytes.length < 16) return undefined;
  const counts = new Array<number>(256).fill(0);
  for (const b of bytes) counts[b]!++;
  const h = entropyOfCounts(counts, bytes.length);
  // Random bytes over a short prefix reach about log2(length) bits; text stays far below.
  const ceiling = Math.min(8, Math.log2(bytes.length));
  return h >= ceiling - 1 ? { kind: 'encryption', key: 'encryption:binary', description: 'encrypted binary values' } : undefined;
}

export interface ColumnProtection extends ProtectionGuess {
  /** Share of non-null values with this shape. */
  ratio: number;
}

/** A column counts as protected when most of its values have one protection shape. */
export function columnProtection(guesses: Array<ProtectionGuess | undefined>, nonNull: number, threshold = 0.8): ColumnProtection | undefined {
  if (nonNull === 0) return undefined;
  const byKey = new Map<string, { g: ProtectionGuess; n: number }>();
  for (const g of guesses) {
    if (!g) continue;
    const e = byKey.get(g.key) ?? { g, n: 0 };
    e.n++;
    byKey.set(g.key, e);
  }
  let best: { g: ProtectionGuess; n: number } | undefined;
  let total = 0;
  for (const e of byKey.values()) {
    total += e.n;
    if (!best || e.n > best.n) best = e;
  }
  if (!best || total / nonNull < threshold) return undefined;
  return { ...best.g, ratio: total / nonNull };
}
