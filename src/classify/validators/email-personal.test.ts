import { describe, expect, test } from 'vitest';
import { emailPersonal } from './email-personal.js';

describe('email-personal', () => {
  test.each(['nguyenvanan@gmail.com', 'tran.thi.mai88@yahoo.com.vn', 'le.hung@fpt.edu.vn', 'tuanpm@congty.vn', 'an+shop@gmail.com', 'user.nguyen@outlook.com'])(
    'valid: %s',
    (v) => {
      const r = emailPersonal(v);
      expect(r.valid).toBe(true);
      expect(r.strong).toBe(true);
    },
  );
  test.each([
    ['user@example.com', 'RFC 2606'],
    ['an@example.org', 'RFC 2606'],
    ['an@mail.example', 'RFC 2606 TLD'],
    ['an@shop.test', 'RFC 6761'],
    ['an@foo.invalid', 'RFC 6761'],
    ['an@dev.localhost', 'RFC 6761'],
    ['an@printer.local', 'mDNS'],
    ['noreply@shop.vn', 'no-reply'],
    ['no-reply@shop.vn', 'no-reply'],
    ['info@congty.vn', 'role'],
    ['support2@congty.vn', 'role with digits'],
    ['lienhe@benhvien.vn', 'role (vi)'],
    ['cskh@nganhang.vn', 'role (vi)'],
    ['hotro@shop.vn', 'role (vi)'],
    ['admin@site.vn', 'role'],
    ['your-email@gmail.com', 'placeholder'],
    ['test@gmail.com', 'placeholder'],
    ['logo@2x.png', 'asset'],
    ['icon@3x.webp', 'asset'],
    ['git@github.com', 'git remote'],
    ['0123456789abcdef0123456789abcdef@o1.ingest.sentry.io', 'token'],
    ['an@localhost', 'no TLD'],
    ['an@192.168.1.1', 'numeric TLD'],
    ['.an@gmail.com', 'malformed'],
    ['a..n@gmail.com', 'malformed'],
  ])('invalid: %s (%s)', (v) => expect(emailPersonal(v).valid).toBe(false));
});
