import { describe, expect, test } from 'vitest';
import { username } from './username.js';

describe('username', () => {
  test.each(['nguyenvanan92', 'lan.tran88', 'hoangminh_dn', 'thu-ha', 'an123'])('valid: %s', (v) => expect(username(v).valid).toBe(true));
  test.each([
    ['string', 'type'],
    ['String', 'type'],
    ['admin', 'placeholder'],
    ['postgres', 'service account'],
    ['user.username', 'expression'],
    ['form_data.username', 'field read'],
    ['process.env.USER', 'expression'],
    ['DB_USER', 'constant'],
    ['getUserName', 'function'],
    ['currentUser', 'camelCase identifier'],
    ['Chi', 'capitalised word'],
    ['LoginComponent', 'PascalCase'],
    ['daa80957-9ea1-404f-9c1d-2a3af45c22d8', 'UUID'],
    ['d41d8cd98f00b204', 'hex'],
    ['v11.17.10', 'version'],
    ['ORD-20200115', 'order code'],
    ['sha256', 'hash name'],
    ['icd10', 'standard'],
    ['fb.1.1736359468978.924981383', 'cookie value'],
    ['ab', 'too short'],
  ])('invalid: %s (%s)', (v) => expect(username(v).valid).toBe(false));
});
