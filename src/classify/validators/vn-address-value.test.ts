import { describe, expect, test } from 'vitest';
import { vnAddressValue } from './vn-address-value.js';

describe('vn-address-value (after an address label)', () => {
  test.each(['Nam Định', 'Hải Châu, Đà Nẵng', '12 Lê Lợi', 'Thôn 3, Lũng Cú', 'Baker Street'])('valid: %s', (v) => {
    expect(vnAddressValue(v).valid).toBe(true);
  });
  test.each(['localhost', '10.0.0.1', '0.0.0.0', '0x71C7656EC7ab88b098defB751B7401B5f6d8976F', 'an.nguyen@gmail.com', 'Địa chỉ', '__________', '${ADDRESS}'])(
    'invalid: %s',
    (v) => {
      expect(vnAddressValue(v).valid).toBe(false);
    },
  );
});
