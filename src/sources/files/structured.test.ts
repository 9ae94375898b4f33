import { describe, expect, test } from 'vitest';
import { csvHint, hintFor, markdownTableHint, sqlInsertHint } from './structured.js';
import { LineIndex } from '../../util/lines.js';

const at = (text: string, needle: string) => Buffer.from(text.slice(0, text.indexOf(needle))).length;

describe('column hints', () => {
  test('CSV: value gets its column header, quotes respected', () => {
    const text = 'ho_ten,so_cccd,sdt\n"Trần, Thị Mai",001190012345,0912345678\n';
    const buf = Buffer.from(text);
    const hint = csvHint(buf, new LineIndex(buf))!;
    expect(hint(at(text, '0011900'))).toBe('so_cccd');
    expect(hint(at(text, '0912'))).toBe('sdt');
    expect(hint(0)).toBeUndefined();
  });

  test('SQL INSERT: tuple position maps to the column list', () => {
    const text = "INSERT INTO khach_hang (id, ho_ten, mst) VALUES (1, 'Lê Văn Bình', '0101234567'), (2, 'Phạm, An', '0312345678');";
    const hint = sqlInsertHint(Buffer.from(text));
    expect(hint(at(text, '0101234567'))).toBe('mst');
    expect(hint(at(text, '0312345678'))).toBe('mst');
    expect(hint(at(text, 'Lê Văn'))).toBe('ho_ten');
  });

  test('CSV: a quoted header with the delimiter inside stays one column', () => {
    const text = 'ho_ten,"Tín ngưỡng, tôn giáo",sdt\nAn,Phật giáo,0912345678\n';
    const buf = Buffer.from(text);
    const hint = csvHint(buf, new LineIndex(buf))!;
    expect(hint(at(text, 'Phật'))).toBe('Tín ngưỡng, tôn giáo');
    expect(hint(at(text, '0912'))).toBe('sdt');
  });

  test('SQL INSERT: nested parentheses and quotes do not shift columns; many tuples', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `(${i}, 'Tên (${i}), x', '09${String(i).padStart(8, '0')}')`).join(', ');
    const text = `INSERT INTO t (id, ho_ten, sdt) VALUES ${rows};\nSELECT 1;`;
    const hint = sqlInsertHint(Buffer.from(text));
    expect(hint(at(text, '0900001999'))).toBe('sdt');
    expect(hint(at(text, 'Tên (1999)'))).toBe('ho_ten');
  });

  test('Markdown table: header row above the separator', () => {
    const text = 'Intro\n\n| Họ tên | Số điện thoại |\n|---|---|\n| An | 0912345678 |\n';
    const buf = Buffer.from(text);
    const hint = markdownTableHint(buf, new LineIndex(buf));
    expect(hint(at(text, '0912'))).toBe('Số điện thoại');
    expect(hint(at(text, 'Intro'))).toBeUndefined();
  });

  test('a pipe table in plain text (notes, the text layer of a PDF) names its columns too; other text files do not', () => {
    const text = '| Họ tên | Số điện thoại |\n|---|---|\n| An | 0912345678 |\n';
    const buf = Buffer.from(text);
    expect(hintFor('ghi-chu.txt', buf, new LineIndex(buf))?.(at(text, '0912'))).toBe('Số điện thoại');
    expect(hintFor('app.log', buf, new LineIndex(buf))).toBeUndefined();
  });
});
