import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { credentialValue } from './credential-value.js';

describe('credential-value', () => {
  test.each(['Hoa@1995', 'Qw3rty!55xZ', 'hunter2', 'T@ngH0a2001', '961924', 'Matkhau#2023'])('valid: %s', (v) => {
    expect(credentialValue(v).valid).toBe(true);
  });
  test('a long mixed secret is strong', () => {
    expect(credentialValue('Qw3rty!55xZ').strong).toBe(true);
  });
  test.each([
    '${DB_PASSWORD}', '{{ secrets.SMTP_PASS }}', 'process.env.ADMIN_PASS', 'os.getenv("PW")', '********', '<your-password>', 'CHANGE_ME',
    'change-me', 'password', 'hashedPassword', 'req.body.password', 'getPassword(),', '$password', '/home/an', 'an@gmail.com',
    'Mật khẩu', 'Nhập mật khẩu', 'null', '$2b$12$C6UzMDM.H6dfI/f/IKcEeO5Fj3b8gYbWb0y9Zb4dJmI9cW7Fz6p1K', 'abc',
  ])('invalid: %s', (v) => {
    expect(credentialValue(v).valid).toBe(false);
  });
  test('property: anything with whitespace inside is not a secret', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => !credentialValue(`x${a.trim()} ${b.trim()}x`).valid));
  });
  test('property: template wrappers are never secrets', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{2,20}$/), (n) => !credentialValue(`\${${n}}`).valid && !credentialValue(`{{${n}}}`).valid));
  });
});
