import { describe, expect, test } from 'vitest';
import { loadRecipients, RecipientCatalog, sinkKindOf, unknownHostRecipient } from './recipients.js';
import { ConfigError } from '../../../util/errors.js';
import { purposeDef } from './purposes.js';

const catalog = loadRecipients();

describe('recipient catalogue (rules/recipients.yml)', () => {
  test('packages map to recipients, including scopes and deep imports', () => {
    expect(catalog.byPackageName('openai')?.id).toBe('openai');
    expect(catalog.byPackageName('@sentry/nestjs')?.id).toBe('sentry');
    expect(catalog.byPackageName('@aws-sdk/client-s3')?.id).toBe('aws-s3');
    expect(catalog.byPackageName('firebase/analytics')?.id).toBe('firebase-analytics');
    expect(catalog.byPackageName('firebase-admin/messaging')?.id).toBe('firebase');
    expect(catalog.byPackageName('stripe/lib/foo')?.id).toBe('stripe');
    expect(catalog.byPackageName('lodash')).toBeUndefined();
    // support desks and e-mail relays seen in real apps (issue 3)
    expect(catalog.byPackageName('@team-plain/typescript-sdk')?.id).toBe('plain');
    expect(catalog.get('plain')?.country).toBe('GB');
    expect(catalog.byHost('api.mailchannels.net')?.id).toBe('mailchannels');
    expect(catalog.byPackageName('customerio-node')?.id).toBe('customerio');
    expect(catalog.byPackageName('@nestjs/common')).toBeUndefined();
  });

  test('hosts: exact, wildcard sub-domains, never the bare suffix by accident', () => {
    expect(catalog.byHost('api.openai.com')?.id).toBe('openai');
    expect(catalog.byHost('business.openapi.zalo.me')?.id).toBe('zalo-oa');
    expect(catalog.byHost('sandbox.vnpayment.vn')?.id).toBe('vnpay');
    expect(catalog.byHost('test-payment.momo.vn')?.id).toBe('momo');
    expect(catalog.byHost('o123.ingest.sentry.io')?.id).toBe('sentry');
    expect(catalog.byHost('mybucket.s3.ap-southeast-1.amazonaws.com')?.id).toBe('aws-s3');
    expect(catalog.byHost('email-smtp.ap-southeast-1.amazonaws.com')?.id).toBe('aws-ses');
    expect(catalog.regionInHost('aws', 'email-smtp.ap-southeast-1.amazonaws.com')).toBe('ap-southeast-1');
    expect(catalog.byHost('smtp.sendgrid.net')?.id).toBe('sendgrid');
    expect(catalog.byHost('notmomo.vn')).toBeUndefined();
    expect(catalog.byHost('api.example.vn')).toBeUndefined();
  });

  test('Vietnamese services are in VN, foreign ones are not', () => {
    for (const id of ['vnpay', 'momo', 'zalopay', 'zalo-oa', 'viettel', 'fpt-ai', 'vng-cloud', 'esms', 'ghn']) {
      expect(catalog.get(id)?.country, id).toBe('VN');
    }
    for (const id of ['openai', 'stripe', 'sendgrid', 'twilio', 'sentry', 'segment', 'mixpanel']) {
      expect(catalog.get(id)?.country, id).not.toBe('VN');
    }
  });

  test('cloud regions decide the country', () => {
    const s3 = catalog.get('aws-s3')!;
    expect(catalog.describe(s3, 'ap-southeast-1')).toMatchObject({ country: 'SG', region: 'ap-southeast-1' });
    expect(catalog.describe(s3, 'us-east-1').country).toBe('US');
    expect(catalog.describe(s3, 'ap-southeast-1-han-1').country).toBe('VN');
    const unknown = catalog.describe(s3);
    expect(unknown.country).toBeUndefined();
    expect(unknown.headquarters).toBe('US');
    expect(catalog.countryOfRegion('gcp', 'asia-southeast1')).toBe('SG');
    expect(catalog.countryOfRegion('azure', 'southeastasia')).toBe('SG');
    expect(catalog.regionInHost('aws', 'bucket.s3.eu-west-1.amazonaws.com')).toBe('eu-west-1');
    expect(catalog.regionInHost('aws', 's3.amazonaws.com')).toBeUndefined();
  });

  test('browser globals', () => {
    expect(catalog.byGlobalName('fbq')?.id).toBe('meta-pixel');
    expect(catalog.byGlobalName('ttq')?.id).toBe('tiktok-pixel');
    expect(catalog.byGlobalName('gtag')?.id).toBe('google-analytics');
    expect(catalog.byGlobalName('console')).toBeUndefined();
  });

  test('unknown hosts: a .vn domain is in Vietnam, others are unknown', () => {
    expect(unknownHostRecipient('api.doitac.vn')).toMatchObject({ country: 'VN', id: 'host:api.doitac.vn' });
    expect(unknownHostRecipient('api.partner.io').country).toBeUndefined();
  });

  test('every default purpose is a known purpose, every member target a known recipient', () => {
    for (const r of catalog.all()) {
      for (const p of r.purposes ?? []) expect(purposeDef(p), `${r.id}: ${p}`).toBeDefined();
      for (const target of Object.values(r.members ?? {})) expect(catalog.get(target), `${r.id} → ${target}`).toBeDefined();
    }
  });

  test('sink kinds follow the service kind', () => {
    expect(sinkKindOf('sms')).toBe('messaging');
    expect(sinkKindOf('advertising')).toBe('analytics');
    expect(sinkKindOf('cloud-storage')).toBe('storage');
    expect(sinkKindOf('shipping')).toBe('http');
  });
});

describe('user extensions (.pdscan.yml recipients:)', () => {
  test('add a recipient and override an existing one', () => {
    const c = loadRecipients([
      { id: 'crm-noi-bo', name: 'CRM nội bộ tập đoàn', country: 'VN', kind: 'crm', hosts: ['crm.tapdoan.vn'] },
      { id: 'openai', name: 'OpenAI via proxy in VN', country: 'VN', kind: 'ai', packages: ['openai'] },
    ]);
    expect(c.byHost('crm.tapdoan.vn')?.name).toBe('CRM nội bộ tập đoàn');
    expect(c.byPackageName('openai')?.country).toBe('VN');
    expect(c.byPackageName('stripe')?.id).toBe('stripe');
    expect(loadRecipients().byPackageName('openai')?.country).toBe('US');
  });

  test.each([
    [[{ id: 'x', name: 'X', country: 'Vietnam', kind: 'crm' }], /country/],
    [[{ id: 'x', name: 'X', country: 'VN', kind: 'telepathy' }], /kind/],
    [[{ id: 'x', name: 'X', country: 'VN' }], /kind/],
    [[{ id: 'x', name: 'X', country: 'VN', kind: 'crm', members: { a: 'nope' } }], /unknown recipient/],
    [[{ id: 'x', name: 'X', country: 'VN', kind: 'email', smtp_services: ['Mail VN'] }], /smtp_services/],
  ])('rejects %j', (extra, msg) => {
    expect(() => loadRecipients(extra)).toThrow(ConfigError);
    expect(() => loadRecipients(extra)).toThrow(msg);
  });

  test('SMTP service names are data: built-in ones, and a user entry adding its own', () => {
    expect(loadRecipients().bySmtpService('Outlook365')?.id).toBe('microsoft-365');
    expect(loadRecipients().bySmtpService('vnmail')).toBeUndefined();
    const c = loadRecipients([{ id: 'vnmail', name: 'VN Mail', country: 'VN', kind: 'email', smtp_services: ['vnmail'] }]);
    expect(c.bySmtpService('VNMail')?.name).toBe('VN Mail');
  });

  test('a catalogue can be built from plain definitions', () => {
    const c = new RecipientCatalog([{ id: 'a', name: 'A', country: 'VN', kind: 'sms', hosts: ['*.a.vn'] }]);
    expect(c.byHost('x.a.vn')?.id).toBe('a');
    expect(c.byHost('a.vn')).toBeUndefined();
  });
});
