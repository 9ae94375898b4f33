import { describe, expect, test } from 'vitest';
import { flowsWith, returnsOf } from '../../../../test/helpers/frameworks.js';
import { passwordHashing } from './password-hashing.js';

describe('password hashing', () => {
  test('bcrypt.hash protects its argument and marks the project as hashing passwords', () => {
    const code = `import bcrypt from 'bcrypt';\nexport function h(secret: string) { return bcrypt.hash(secret, 10); }\nexport function c(secret: string, x: string) { return bcrypt.compare(secret, x); }`;
    const flows = flowsWith([passwordHashing], code);
    expect(returnsOf(flows, 'h')).toEqual(['prot:hashing:bcrypt']);
    expect(flows.passwordHashing).toBe(true);
    expect(flowsWith([], `import bcrypt from 'bcrypt';\nexport function c(secret: string, x: string) { return bcrypt.compare(secret, x); }`).passwordHashing).toBe(false);
  });
});
