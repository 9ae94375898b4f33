import { describe, expect, test } from 'vitest';
import { recordValue } from './record-value.js';

describe('record-value', () => {
  test.each(['Tăng huyết áp độ 2 (I10)', 'Không', 'none', '01 lần (trộm cắp tài sản)', 'đồng tính nam', 'dị tính', '3', 'HIV dương tính, đang điều trị ARV'])(
    'valid: %s',
    (v) => {
      expect(recordValue(v).valid).toBe(true);
    },
  );
  test.each([
    ['N/A', 'placeholder'],
    ['string', 'type'],
    ['{{ diagnosis }}', 'template'],
    ['dto.diagnosis', 'code'],
    ['getDiagnosis()', 'code'],
    ['DiagnosisDto', 'type name'],
    ['Nhập chẩn đoán', 'UI prompt'],
    ['Chẩn đoán', 'the label itself'],
    ['Tiền sử tình dục', 'label words only'],
    ['là thông tin mà chủ thể không muốn công khai', 'definition'],
    ['dựa vào xét nghiệm đường huyết', 'article text'],
    ['Bạn có bị dị ứng không?', 'question'],
  ])('invalid: %s (%s)', (v) => {
    expect(recordValue(v).valid).toBe(false);
  });
});
