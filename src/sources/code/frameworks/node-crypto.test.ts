import { describe, expect, test } from 'vitest';
import { flowsWith, returnsOf } from '../../../../test/helpers/frameworks.js';
import { nodeCrypto } from './node-crypto.js';

describe('node:crypto', () => {
  test('ciphers encrypt, hashes hash; chained update/digest are protected without new evidence; decipher is not', () => {
    const code = `
import crypto from 'node:crypto';
export function enc(email: string) { return crypto.createCipheriv('aes-256-gcm', k, iv); }
export function h(email: string) {
  const hash = crypto.createHash('sha256');
  return hash.update(email).digest('hex');
}
export function dec(data: string) { return decipher.update(data); }`;
    const flows = flowsWith([nodeCrypto], code);
    expect(returnsOf(flows, 'h')).toEqual(['prot:hashing:chained']);
    expect(flows.evidence.map((e) => e.key)).toEqual(['encryption:aes-256-gcm', 'hashing:sha256']);
    expect(returnsOf(flows, 'dec')).toEqual([]);
  });
});
