import { describe, expect, test } from 'vitest';
import { cmnd } from './cmnd.js';

describe('cmnd', () => {
  test.each(['025123456', '174512398', '186234517'])('valid: %s', (v) => expect(cmnd(v).valid).toBe(true));
  test.each(['111111111', '123456789', '987654321', '12345678', '0251234567'])('invalid: %s', (v) => expect(cmnd(v).valid).toBe(false));
});
