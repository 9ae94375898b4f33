import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { scanCsv, scanMarkdownTables, scanSqlInserts } from './tables.js';
import { detectDelimiter, splitHeader as splitHeaderCells } from '../../util/tabular.js';
import type { KeyedValue } from './types.js';

const all = () => true;
const brief = (kvs: KeyedValue[]) => kvs.map((kv) => [kv.key, kv.value]);

function spansHold(buf: Buffer, kvs: KeyedValue[], decode: (raw: string) => string = (r) => r): void {
  for (const kv of kvs) {
    expect(kv.start).toBeGreaterThanOrEqual(0);
    expect(kv.end).toBeLessThanOrEqual(buf.length);
    expect(kv.start).toBeLessThan(kv.end);
    expect(decode(buf.toString('utf8', kv.start, kv.end))).toBe(kv.value);
  }
}

describe('header-keyed tables', () => {
  test('header cells: quotes, delimiter inside quotes', () => {
    expect(splitHeaderCells('ho_ten,"Tín ngưỡng, tôn giáo", `sdt` ', ',')).toEqual(['ho_ten', 'Tín ngưỡng, tôn giáo', 'sdt']);
    expect(detectDelimiter('a;b;c,d')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });

  test('CSV: only wanted columns, quoted cells with "" and line breaks, spans inside the quotes', () => {
    const text = 'id,ho_ten_cha,ghi_chu_rieng_tu\r\n1,Nguyễn Văn Bình,"Đang ly thân, ""giữ kín"""\r\n2, Trần Văn An ,"dòng 1\ndòng 2"\n3,,x\n';
    const buf = Buffer.from(text);
    const kvs = scanCsv(buf, (h) => h !== 'id', undefined);
    expect(brief(kvs)).toEqual([
      ['ho_ten_cha', 'Nguyễn Văn Bình'],
      ['ghi_chu_rieng_tu', 'Đang ly thân, "giữ kín"'],
      ['ho_ten_cha', 'Trần Văn An'],
      ['ghi_chu_rieng_tu', 'dòng 1\ndòng 2'],
      ['ghi_chu_rieng_tu', 'x'],
    ]);
    spansHold(buf, kvs, (r) => r.replace(/""/g, '"'));
    expect(kvs.every((kv) => kv.syntax === 'csv' && kv.kind === 'cell')).toBe(true);
  });

  test('CSV: TSV and semicolons; nothing when no column is wanted or there is no header row', () => {
    expect(brief(scanCsv(Buffer.from('phai\tten\nNữ\tAn\n'), (h) => h === 'phai', undefined))).toEqual([['phai', 'Nữ']]);
    expect(brief(scanCsv(Buffer.from('a;mat_khau\n1;Hoa@1990\n'), (h) => h === 'mat_khau', 'users'))).toEqual([['mat_khau', 'Hoa@1990']]);
    expect(scanCsv(Buffer.from('a,b\n1,2\n'), () => false, undefined)).toEqual([]);
    expect(scanCsv(Buffer.from('no newline here'), all, undefined)).toEqual([]);
  });

  test('SQL INSERT: columns map tuple positions; quotes, escapes, NULL, nested parentheses, several statements', () => {
    const text = [
      "INSERT INTO benh_nhan (id, ho_ten, chan_doan, ghi_chu) VALUES (1, 'Lê Văn Bình', 'Viêm gan B (mạn)', NULL),",
      "  (2, 'O''Brien, Anne', 'Tăng huyết áp', 'ok'), (3, 'x', concat('a', 'b'), 'It\\'s');",
      "INSERT INTO `users` (`mat_khau`) VALUES ('Hoa@1990');",
      'SELECT 1;',
    ].join('\n');
    const buf = Buffer.from(text);
    const kvs = scanSqlInserts(buf, (c) => c !== 'id');
    expect(brief(kvs)).toEqual([
      ['ho_ten', 'Lê Văn Bình'],
      ['chan_doan', 'Viêm gan B (mạn)'],
      ['ho_ten', "O'Brien, Anne"],
      ['chan_doan', 'Tăng huyết áp'],
      ['ghi_chu', 'ok'],
      ['ho_ten', 'x'],
      ['ghi_chu', "It's"],
      ['mat_khau', 'Hoa@1990'],
    ]);
    expect(kvs.map((kv) => kv.owner)).toEqual([...Array(7).fill('benh_nhan'), 'users']);
    spansHold(buf, kvs, (r) => r.replace(/''/g, "'").replace(/\\(['"\\])/g, '$1'));
  });

  test('SQL: the table name is passed to want; statements without a column list are skipped', () => {
    const seen: string[] = [];
    scanSqlInserts(Buffer.from("INSERT INTO products VALUES (1, 'a');\nINSERT INTO products (name) VALUES ('Sản phẩm A');"), (c, t) => {
      seen.push(`${t}.${c}`);
      return false;
    });
    expect(seen).toEqual(['products.name']);
  });

  test('Markdown: rows under the header above |---|, until the table ends; escaped pipes', () => {
    const text = 'Intro\n\n| Họ tên | Ảnh CCCD mặt trước |\n|:---|---:|\n| An | uploads/a\\|b.png |\n| Bình | s3://x/y.jpg |\n\nAfter | not a row\n';
    const buf = Buffer.from(text);
    const kvs = scanMarkdownTables(buf, (h) => h.startsWith('Ảnh'));
    expect(brief(kvs)).toEqual([
      ['Ảnh CCCD mặt trước', 'uploads/a\\|b.png'],
      ['Ảnh CCCD mặt trước', 's3://x/y.jpg'],
    ]);
    spansHold(buf, kvs);
  });

  test('property: the scanners never throw and spans stay in the buffer', () => {
    const piece = fc.oneof(
      fc.constantFrom(',', ';', '\t', '|', '"', "'", '(', ')', '\n', '\r\n', ' ', '---', 'INSERT INTO t (a, b) VALUES ', 'NULL', '\\'),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const buf = Buffer.from(parts.join(''), 'utf8');
        for (const kvs of [scanCsv(buf, all, undefined), scanSqlInserts(buf, all), scanMarkdownTables(buf, all)]) {
          for (const kv of kvs) {
            expect(kv.start).toBeGreaterThanOrEqual(0);
            expect(kv.end).toBeLessThanOrEqual(buf.length);
            expect(kv.start).toBeLessThan(kv.end);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
