import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ipPublic, ipv6Groups } from './ip-public.js';

describe('ip-public', () => {
  test.each(['113.161.72.5', '27.72.101.34', '14.232.5.77', '171.244.10.2', '1.52.10.3', '2405:4802:1d4:a0::1f2', '2001:ee0:4f1a::1'])(
    'valid: %s',
    (v) => expect(ipPublic(v).valid).toBe(true),
  );
  test.each([
    '10.1.2.3', '172.16.5.4', '172.31.255.1', '192.168.1.20', '127.0.0.1', '0.0.0.0', '100.64.1.1', '169.254.10.10',
    '224.0.0.251', '255.255.255.255', '240.1.1.1', '192.0.2.10', '198.51.100.7', '203.0.113.5', '198.18.0.1',
    '8.8.8.8', '1.1.1.1', '1.2.3.4', '4.1.0.2', '::1', 'fe80::1', 'fd12:3456::1', '2001:db8::1', '2002:c000:204::1',
    'ff02::1', '999.1.1.1', '12:34:56', '00:1a:2b:3c:4d:5e',
  ])('invalid: %s', (v) => expect(ipPublic(v).valid).toBe(false));

  test('ipv6Groups expands compressed forms', () => {
    expect(ipv6Groups('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('::ffff:203.0.113.5')).toEqual([0, 0, 0, 0, 0, 0xffff, 0xcb00, 0x7105]);
  });

  test('property: every 10/8 and 192.168/16 address is rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (a, b, c) => {
        expect(ipPublic(`10.${a}.${b}.${c}`).valid).toBe(false);
        expect(ipPublic(`192.168.${b}.${c}`).valid).toBe(false);
      }),
    );
  });
});
