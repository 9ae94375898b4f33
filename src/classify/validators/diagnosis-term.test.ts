import { describe, expect, test } from 'vitest';
import { diagnosisTerm, leadingDiagnosis } from './diagnosis-term.js';

describe('diagnosis-term', () => {
  test.each([
    ['ung thư phổi giai đoạn 3', 'ung thu phoi'],
    ['Tăng huyết áp độ 1', 'tang huyet ap'],
    ['dai thao duong type 2 khong bien chung', 'dai thao duong type 2'],
    ['HIV dương tính, đang điều trị ARV', 'hiv duong tinh'],
  ])('%s starts with %s', (v, d) => {
    expect(leadingDiagnosis(v)).toBe(d);
    expect(diagnosisTerm(v).valid).toBe(true);
  });
  test.each(['tốt', 'dựa vào xét nghiệm', 'hợp đồng có hiệu lực', 'Máy đo huyết áp'])('invalid: %s', (v) => {
    expect(diagnosisTerm(v).valid).toBe(false);
  });
});
