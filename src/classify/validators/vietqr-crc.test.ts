import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { crc16CcittFalse, crcHex, vietqrCrc } from './vietqr-crc.js';

const tlv = (t: string, v: string) => t + String(v.length).padStart(2, '0') + v;
function payload(account: string, amount?: string, note?: string): string {
  const merchant = tlv('00', 'A000000727') + tlv('01', tlv('00', '970436') + tlv('01', account)) + tlv('02', 'QRIBFTTA');
  const body = tlv('00', '01') + tlv('01', amount ? '12' : '11') + tlv('38', merchant) + tlv('53', '704') +
    (amount ? tlv('54', amount) : '') + tlv('58', 'VN') + (note ? tlv('62', tlv('08', note)) : '') + '6304';
  return body + crcHex(body);
}

describe('vietqr-crc', () => {
  test('CRC-16/CCITT-FALSE check value of "123456789" is 0x29B1', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
  });
  test.each([
    payload('1012345678', '150000', 'chuyen tien hoc phi'),
    payload('0912345678'),
    '00020101021238540010A00000072701240006970436011010123456780208QRIBFTTA530370454061500005802VN62230819chuyen tien hoc phi63049368',
  ])('valid: %s', (v) => {
    const r = vietqrCrc(v);
    expect(r.valid).toBe(true);
    expect(r.strong).toBe(true);
  });
  test('lower-case CRC hex is accepted', () => {
    const v = payload('1012345678');
    expect(vietqrCrc(v.slice(0, -4) + v.slice(-4).toLowerCase()).valid).toBe(true);
  });
  test.each([
    ['00020101021238540010A00000072701240006970436011010123456780208QRIBFTTA530370454061500005802VN62230819chuyen tien hoc phi63049369', 'wrong CRC'],
    ['000201010211530370454061500005802VN6304ABCD', 'no account template'],
    [`${payload('1012345678')}XX`, 'text after the CRC'],
    ['0002010102115303704', 'no CRC'],
    ['010211000201', 'wrong start'],
  ])('invalid: %s (%s)', (v) => expect(vietqrCrc(v).valid).toBe(false));

  test('property: a generated payload is valid and any changed character breaks it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{6,19}$/), fc.nat(), (acct, at) => {
        const v = payload(acct, '50000');
        expect(vietqrCrc(v).valid).toBe(true);
        const i = 6 + (at % (v.length - 10));
        const c = v[i] === '1' ? '2' : '1';
        expect(vietqrCrc(v.slice(0, i) + c + v.slice(i + 1)).valid).toBe(false);
      }),
    );
  });
});
