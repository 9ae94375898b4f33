/**
 * Node's crypto module: ciphers encrypt, hashes and HMACs hash, scrypt/pbkdf2 hash passwords.
 * `cipher.update(x)` and `createHash('sha256').update(x).digest()` are protected too, without
 * new evidence (the create call gave it).
 */
import { ts } from 'ts-morph';
import { DECIDED_NONE, type Framework } from '../engine/framework-api.js';

function algorithm(call: ts.CallExpression, fallback: string): string {
  const a = call.arguments[0];
  return a && ts.isStringLiteralLike(a) ? a.text.toLowerCase() : fallback;
}

export const nodeCrypto: Framework = {
  id: 'node-crypto',
  description: 'node:crypto ciphers, hashes, HMACs, scrypt and pbkdf2',
  calls: {
    sanitize({ call: c, chain, method: last, rootName: rn, binding: b }) {
      if (b?.module && (b.module === 'crypto' || b.module === 'node:crypto')) {
        const fn = chain.members.length ? chain.members[0]! : b.imported ?? chain.root;
        if (fn === 'createCipheriv' || fn === 'createCipher') return { how: `encryption:${algorithm(c, 'cipher')}` };
        if (fn === 'createHash' || fn === 'createHmac') return { how: `${fn === 'createHmac' ? 'hmac' : 'hashing'}:${algorithm(c, 'hash')}` };
        if (fn === 'scrypt' || fn === 'scryptSync' || fn === 'pbkdf2' || fn === 'pbkdf2Sync') return { how: `hashing:${fn.replace(/Sync$/, '')}`, passwordHashing: true };
        if (fn === 'publicEncrypt' || fn === 'privateEncrypt') return { how: 'encryption:rsa' };
      }
      if (last === 'update' || last === 'final' || last === 'digest') {
        if (/decipher/i.test(rn)) return DECIDED_NONE;
        if (/cipher|hash|hmac|sha|md5/i.test(rn) || /^create(Cipheriv|Hash|Hmac)$/.test(b?.imported ?? '') || chain.members.some((m) => /^create(Cipheriv|Hash|Hmac)$/.test(m))) {
          return { how: /cipher/i.test(rn) ? 'encryption:chained' : 'hashing:chained' };
        }
      }
      return undefined;
    },
  },
};
