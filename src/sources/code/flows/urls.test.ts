import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { hostOf, isInternalHost, isRelativeUrl, urlShape } from './urls.js';

function expr(code: string): ts.Expression {
  const sf = ts.createSourceFile('x.ts', `(${code});`, ts.ScriptTarget.Latest, true);
  const st = sf.statements[0] as ts.ExpressionStatement;
  return (st.expression as ts.ParenthesizedExpression).expression;
}

describe('urlShape', () => {
  const consts = new Map([['BASE', 'https://api.partner.vn']]);
  test.each([
    [`'https://api.openai.com/v1/chat'`, 'https://api.openai.com/v1/chat', true],
    ['`${BASE}/v1/users`', 'https://api.partner.vn/v1/users', true],
    ['`${BASE}/v1/users?cccd=${soCccd}`', 'https://api.partner.vn/v1/users?cccd=', false],
    [`BASE + '/x'`, 'https://api.partner.vn/x', true],
    [`new URL('/v1/x', BASE)`, 'https://api.partner.vn', false],
    [`'/api/patients'`, '/api/patients', true],
  ])('%s', (code, prefix, complete) => {
    expect(urlShape(expr(code), consts)).toMatchObject({ prefix, complete });
  });

  test('environment variables are named, not guessed', () => {
    expect(urlShape(expr('process.env.INSURANCE_API_URL'), consts)).toMatchObject({ prefix: '', env: 'INSURANCE_API_URL' });
    expect(urlShape(expr('`${process.env.CRM_URL}/contacts`'), consts)).toMatchObject({ env: 'CRM_URL' });
    expect(urlShape(expr(`config.get('PAYMENT_URL')`), consts)).toMatchObject({ env: 'PAYMENT_URL' });
    // Validated env objects (t3-env) and Vite's import.meta.env.
    expect(urlShape(expr('env.USER_CREATED_WEBHOOK_URL'), consts)).toMatchObject({ prefix: '', env: 'USER_CREATED_WEBHOOK_URL' });
    expect(urlShape(expr('serverEnv.CRM_URL'), consts)).toMatchObject({ env: 'CRM_URL' });
    expect(urlShape(expr('import.meta.env.VITE_API_URL'), consts)).toMatchObject({ env: 'VITE_API_URL' });
  });

  test('upper-case members of other objects are not environment variables', () => {
    expect(urlShape(expr('Routes.USERS_URL'), consts)).toBeUndefined();
    expect(urlShape(expr('env.apiUrl'), consts)).toBeUndefined();
  });

  test('unknown values give nothing', () => {
    expect(urlShape(expr('someUrl'), consts)).toBeUndefined();
    expect(urlShape(expr('buildUrl(x)'), consts)).toBeUndefined();
  });
});

describe('hosts', () => {
  test.each([
    ['https://api.openai.com/v1', 'api.openai.com'],
    ['http://user:pw@Example.VN:8080/x', 'example.vn'],
    ['wss://realtime.zalo.me/ws', 'realtime.zalo.me'],
    ['https://api.', undefined],
    ['/relative/path', undefined],
    ['ftp://files.example.vn', undefined],
  ])('hostOf(%s)', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });

  test.each(['localhost', '127.0.0.1', '10.1.2.3', '192.168.1.10', '172.20.0.5', 'payments', 'api.internal', 'db.svc.cluster.local', 'api.example.com'])(
    'internal: %s',
    (h) => expect(isInternalHost(h)).toBe(true),
  );
  test.each(['api.openai.com', 'business.openapi.zalo.me', '8.8.8.8', '172.32.0.1', 'api.baohiem-doitac.vn'])('external: %s', (h) => {
    expect(isInternalHost(h)).toBe(false);
  });

  test('relative URLs', () => {
    expect(isRelativeUrl('/api/x')).toBe(true);
    expect(isRelativeUrl('//cdn.example.vn/x')).toBe(false);
    expect(isRelativeUrl('https://x.vn')).toBe(false);
  });

  test('hostOf finds the host of any https URL built from a domain (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 2, maxLength: 4 }), fc.stringMatching(/^[a-z0-9/?=&]{0,20}$/), (labels, rest) => {
        const host = labels.join('.');
        expect(hostOf(`https://${host}/${rest}`)).toBe(host);
        expect(hostOf(`https://${host}?${rest}`)).toBe(host);
      }),
    );
  });
});
