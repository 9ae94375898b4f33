import { describe, expect, test } from 'vitest';
import { allPurposes, inferPurposes, isMarketingPurpose, purposeDef } from './purposes.js';

describe('purpose taxonomy (rules/purposes.yml)', () => {
  test('fideslang-style keys with Vietnamese and English labels', () => {
    const keys = allPurposes().map((p) => p.key);
    for (const k of ['essential.service', 'essential.service.payment_processing', 'essential.service.authentication', 'essential.service.notifications', 'marketing.advertising', 'marketing.communications.email', 'marketing.communications.sms', 'analytics.reporting', 'personalize', 'employment', 'collect', 'third_party_sharing', 'train_ai_system', 'essential.service.operations.support']) {
      expect(keys).toContain(k);
    }
    for (const p of allPurposes()) {
      expect(p.label_vi.length).toBeGreaterThan(3);
      expect(p.label_en.length).toBeGreaterThan(3);
    }
  });

  test('unknown sub-keys fall back to their parent; marketing is recognised', () => {
    expect(purposeDef('marketing.advertising.serving')?.key).toBe('marketing.advertising');
    expect(purposeDef('nonsense')).toBeUndefined();
    expect(isMarketingPurpose('marketing.communications.sms')).toBe(true);
    expect(isMarketingPurpose('essential.service.notifications')).toBe(false);
  });
});

describe('inferPurposes', () => {
  test('every purpose is "to confirm" and has evidence', () => {
    const ps = inferPurposes({ sink: 'log', functionName: 'create' });
    expect(ps.map((p) => p.purpose)).toEqual(['essential.service.operations']);
    for (const p of ps) {
      expect(p.status).toBe('to-confirm');
      expect(p.evidence.length).toBeGreaterThan(0);
    }
  });

  test('recipient defaults win over sink defaults', () => {
    const ps = inferPurposes({ sink: 'payment', recipientName: 'Stripe', recipientPurposes: ['essential.service.payment_processing'] });
    expect(ps.map((p) => p.purpose)).toEqual(['essential.service.payment_processing']);
    expect(ps[0]!.evidence[0]).toMatch(/Stripe/);
  });

  test('a promotion e-mail is marketing, not a service notification', () => {
    const ps = inferPurposes({
      sink: 'messaging',
      recipientKind: 'email',
      recipientName: 'SendGrid',
      recipientPurposes: ['essential.service.notifications.email'],
      functionName: 'sendPromotion',
      className: 'MarketingService',
    });
    expect(ps.map((p) => p.purpose)).toEqual(['marketing.communications.email']);
    expect(ps[0]!.evidence.join(' ')).toMatch(/sendPromotion/);
  });

  test('Vietnamese names work folded: guiKhuyenMai → SMS marketing', () => {
    const ps = inferPurposes({ sink: 'messaging', recipientKind: 'sms', recipientPurposes: ['essential.service.notifications.sms'], functionName: 'guiTinKhuyenMai' });
    expect(ps.map((p) => p.purpose)).toContain('marketing.communications.sms');
  });

  test('routes and module paths count', () => {
    expect(inferPurposes({ sink: 'http', route: '/checkout' }).map((p) => p.purpose)).toEqual(['essential.service.payment_processing']);
    expect(inferPurposes({ sink: 'storage', filePath: 'src/hr/payroll.service.ts' }).map((p) => p.purpose)).toContain('employment');
    expect(inferPurposes({ sink: 'ai', functionName: 'buildTrainingDataset' }).map((p) => p.purpose)).toContain('train_ai_system');
  });

  test('words match whole words only: "promote" in "compromised" does not count', () => {
    const ps = inferPurposes({ sink: 'messaging', recipientKind: 'email', functionName: 'notifyCompromisedAccount' });
    expect(ps.map((p) => p.purpose).some(isMarketingPurpose)).toBe(false);
  });
});
