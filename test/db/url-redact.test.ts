import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseDbUrl } from '../../src/sources/db/url.js';
import { cleanMessage, createRedactor } from '../../src/sources/db/redact.js';
import { ConfigError } from '../../src/util/errors.js';
import { mysqlTls, nodeTls, tlsPlan } from '../../src/sources/db/tls.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('parseDbUrl', () => {
  test('every supported scheme maps to its engine', () => {
    expect(parseDbUrl('postgres://h/db', {}).engine).toBe('postgres');
    expect(parseDbUrl('postgresql://h/db', {}).engine).toBe('postgres');
    expect(parseDbUrl('mysql://h/db', {}).engine).toBe('mysql');
    expect(parseDbUrl('mariadb://h/db', {}).engine).toBe('mysql');
    expect(parseDbUrl('mongodb://h1,h2/db', {}).engine).toBe('mongodb');
    expect(parseDbUrl('mongodb+srv://cluster.example.net/db', {}).engine).toBe('mongodb');
  });

  test('host, port, database, user and password', () => {
    const u = parseDbUrl('postgresql://app%40corp:p%40ss%3Aw0rd@db.internal:6543/khach%20hang?sslmode=require&application_name=x', {});
    expect(u).toMatchObject({ host: 'db.internal', port: 6543, database: 'khach hang', user: 'app@corp', password: 'p@ss:w0rd', passwordSource: 'url', sslmode: 'require' });
    expect(u.display).toBe('postgresql://db.internal:6543/khach%20hang?application_name=x&sslmode=require');
    expect(u.display).not.toMatch(/app%40corp|app@corp|p@ss|w0rd/);
  });

  test('IPv6 hosts and no database', () => {
    const u = parseDbUrl('mysql://root@[::1]:3307', {});
    expect(u).toMatchObject({ host: '::1', port: 3307, database: undefined, user: 'root' });
  });

  test('passwords from the environment: URL first, then PDSCAN_DB_PASSWORD, then the engine variable', () => {
    expect(parseDbUrl('postgres://u:inurl@h/db', { PDSCAN_DB_PASSWORD: 'x', PGPASSWORD: 'y' })).toMatchObject({ password: 'inurl', passwordSource: 'url' });
    expect(parseDbUrl('postgres://u@h/db', { PDSCAN_DB_PASSWORD: 'x', PGPASSWORD: 'y' })).toMatchObject({ password: 'x', passwordSource: 'PDSCAN_DB_PASSWORD' });
    expect(parseDbUrl('postgres://u@h/db', { PGPASSWORD: 'y', MYSQL_PWD: 'z' })).toMatchObject({ password: 'y', passwordSource: 'PGPASSWORD' });
    expect(parseDbUrl('mysql://u@h/db', { PGPASSWORD: 'y', MYSQL_PWD: 'z' })).toMatchObject({ password: 'z', passwordSource: 'MYSQL_PWD' });
    expect(parseDbUrl('mongodb://u@h/db', { PGPASSWORD: 'y', MYSQL_PWD: 'z' }).password).toBeUndefined();
  });

  test('MySQL ssl-mode words are understood', () => {
    expect(parseDbUrl('mysql://h/db?ssl-mode=VERIFY_IDENTITY', {}).sslmode).toBe('verify-full');
    expect(parseDbUrl('mysql://h/db?ssl-mode=REQUIRED', {}).sslmode).toBe('require');
  });

  test.each([
    ['http://h/db', /unsupported database URL scheme "http:\/\/"/],
    ['oracle://h/db', /unsupported database URL scheme "oracle:\/\/"/],
    ['just-a-name', /must start with/],
    ['postgres:///db', /no host/],
    ['postgres://h:99999/db', /invalid port/],
    ['postgres://h/db?sslmode=sometimes', /unknown sslmode "sometimes"/],
  ])('%s is a configuration error', (url, message) => {
    expect(() => parseDbUrl(url, {})).toThrow(ConfigError);
    expect(() => parseDbUrl(url, {})).toThrow(message);
  });

  test('parameters that look like secrets are hidden in the display form', () => {
    const u = parseDbUrl('mongodb://h/db?authMechanism=SCRAM-SHA-256&password=hunter2&tlsCertificateKeyFilePassword=abc', {});
    expect(u.display).not.toContain('hunter2');
    expect(u.display).not.toContain('abc');
    expect(u.display).toContain('authMechanism=SCRAM-SHA-256');
  });
});

describe('redaction of driver messages', () => {
  const url = parseDbUrl('postgres://nguyen_an:S3cr%3At%40Pass@10.0.0.5:5432/crm', {});
  const redact = createRedactor(url);

  test('password, user and the raw URL never survive, in any spelling', () => {
    const messages = [
      'password authentication failed for user "nguyen_an"',
      "Access denied for user 'nguyen_an'@'10.0.0.5' (using password: YES)",
      'could not connect with postgres://nguyen_an:S3cr%3At%40Pass@10.0.0.5:5432/crm',
      'bad password S3cr:t@Pass',
      'encoded S3cr%3At%40Pass',
    ];
    for (const m of messages) {
      const r = redact(m);
      expect(r).not.toContain('nguyen_an');
      expect(r).not.toContain('S3cr');
    }
    expect(redact('password authentication failed for user "nguyen_an"')).toBe('password authentication failed for user "***"');
  });

  test('other URLs with credentials lose their user info', () => {
    expect(redact('resolved mongodb://someone:else@host:27017')).toBe('resolved mongodb://***@host:27017');
  });

  test('short user names are only removed as whole words', () => {
    const r = createRedactor(parseDbUrl('mysql://sa:pw123456@h/db', {}));
    expect(r('Access denied for user sa; usage: salt')).toBe('Access denied for user ***; usage: salt');
  });

  test('cleanMessage: one line, nested AggregateError, no secrets', () => {
    const agg = Object.assign(new AggregateError([new Error('connect ECONNREFUSED 10.0.0.5:5432 as nguyen_an')], ''), {});
    expect(cleanMessage(agg, redact)).toBe('connect ECONNREFUSED 10.0.0.5:5432 as ***');
    expect(cleanMessage(new Error('line one S3cr:t@Pass\n    at stack'), redact)).toBe('line one ***');
  });

  test('property: a password in the URL never appears in a redacted message', () => {
    const chars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#:%/?&=+-_. '.split(''));
    const text = (min: number, max: number) => fc.array(chars, { minLength: min, maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(text(1, 24), text(0, 40), text(0, 40), (password, before, after) => {
        const u = parseDbUrl(`mysql://app:${encodeURIComponent(password)}@h:3306/db`, {});
        return !createRedactor(u)(`${before}${password}${after}`).includes(password);
      }),
    );
  });
});

describe('TLS from sslmode and --ssl-ca', () => {
  const ca = path.join(mkdtempSync(path.join(tmpdir(), 'pdscan-tls-')), 'ca.pem');
  writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');

  test('libpq semantics', () => {
    expect(tlsPlan(undefined, undefined)).toBe(false);
    expect(tlsPlan('disable', ca)).toBe(false);
    expect(tlsPlan('prefer', undefined)).toBe(false);
    expect(tlsPlan('require', undefined)).toEqual({ verify: 'none' });
    expect(tlsPlan('require', ca)).toMatchObject({ verify: 'ca' });
    expect(tlsPlan('verify-ca', ca)).toMatchObject({ verify: 'ca' });
    expect(tlsPlan('verify-full', undefined)).toEqual({ verify: 'full' });
    // A CA file alone means: verify the server fully.
    expect(tlsPlan(undefined, ca)).toMatchObject({ verify: 'full', ca: expect.stringContaining('BEGIN CERTIFICATE') });
  });

  test('driver options', () => {
    expect(nodeTls({ verify: 'none' })).toEqual({ rejectUnauthorized: false });
    const verifyCa = nodeTls({ verify: 'ca', ca: 'x' }) as { rejectUnauthorized: boolean; checkServerIdentity?: unknown; ca: string };
    expect(verifyCa).toMatchObject({ rejectUnauthorized: true, ca: 'x' });
    expect(typeof verifyCa.checkServerIdentity).toBe('function');
    expect(nodeTls({ verify: 'full' })).toEqual({ rejectUnauthorized: true });
    expect(mysqlTls({ verify: 'full', ca: 'x' })).toEqual({ ca: 'x', rejectUnauthorized: true, verifyIdentity: true });
    expect(mysqlTls({ verify: 'ca' })).toEqual({ rejectUnauthorized: true, verifyIdentity: false });
    expect(mysqlTls(false)).toBeUndefined();
  });

  test('an unreadable CA file is a configuration error', () => {
    expect(() => tlsPlan('verify-full', '/nonexistent/ca.pem')).toThrow(ConfigError);
  });
});
