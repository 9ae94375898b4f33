/** Password hashing libraries (bcrypt, argon2, scrypt): `hash*()` calls protect their arguments. */
import type { Framework } from '../engine/framework-api.js';

const PASSWORD_HASH_MODULES: Record<string, string> = {
  bcrypt: 'hashing:bcrypt',
  bcryptjs: 'hashing:bcrypt',
  'bcrypt-nodejs': 'hashing:bcrypt',
  argon2: 'hashing:argon2',
  '@node-rs/argon2': 'hashing:argon2',
  '@node-rs/bcrypt': 'hashing:bcrypt',
  scrypt: 'hashing:scrypt',
};

export const passwordHashing: Framework = {
  id: 'password-hashing',
  description: 'bcrypt, argon2, scrypt: hash() protects the value, and the project hashes passwords',
  calls: {
    sanitize({ method, binding: b }) {
      const how = b?.module ? PASSWORD_HASH_MODULES[b.module] : undefined;
      return how && /^hash/.test(method) ? { how, passwordHashing: true } : undefined;
    },
  },
};
