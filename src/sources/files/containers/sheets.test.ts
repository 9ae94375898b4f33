import { describe, expect, it } from 'vitest';
import { ByteBudget, DEFAULT_CONTAINER_LIMITS, type TextUnit } from './types.js';
import { expandSheet, SheetChunker } from './sheets.js';
import type { ExpandContext } from './expand.js';
import { xlsx, zip } from '../../../../test/helpers/zip-writer.js';

async function units(data: Buffer, format: 'xlsx' | 'ods', where = `book.${format}`): Promise<TextUnit[]> {
  const out: TextUnit[] = [];
  const ctx: ExpandContext = { limits: DEFAULT_CONTAINER_LIMITS, budget: new ByteBudget(DEFAULT_CONTAINER_LIMITS), depth: 1, sink: { unit: (u) => void out.push(u), notice: () => undefined } };
  await expandSheet(data, where, format, ctx);
  return out;
}

describe('workbooks as tables', () => {
  it('xlsx: one CSV unit per sheet, header row first, shared strings resolved, rows numbered as in the sheet', async () => {
    const book = zip([
      { name: 'xl/workbook.xml', data: '<workbook xmlns:r="r"><sheets><sheet name="Nhân viên" sheetId="1" r:id="rId1"/><sheet name="Trống" sheetId="2" r:id="rId2"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>' },
      { name: 'xl/sharedStrings.xml', data: '<sst><si><t>Họ tên</t></si><si><r><t>Số </t></r><r><t>CCCD</t></r><rPh><t>ignored</t></rPh></si><si><t>Trần, Văn "Bình"</t></si></sst>' },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: '<worksheet><sheetData><row r="3"><c r="A3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c></row><row r="7"><c r="A7" t="s"><v>2</v></c><c r="C7"><v>1090012345</v></c><c r="D7" t="b"><v>1</v></c></row></sheetData></worksheet>',
      },
      { name: 'xl/worksheets/sheet2.xml', data: '<worksheet><sheetData/></worksheet>' },
    ]);
    const [u, ...rest] = await units(book, 'xlsx');
    expect(rest).toEqual([]);
    expect(u!.text.toString('utf8')).toBe('Họ tên,Nhân viên,Số CCCD\n"Trần, Văn ""Bình""",,1090012345,TRUE\n');
    expect(u!.formatPath).toBe('Nhân viên.csv');
    expect(u!.properties).toEqual({ sheet: 'Nhân viên' });
    expect([1, 2].map(u!.reportedLine!)).toEqual([3, 7]);
  });

  it('ods: typed cells give their value, repeated blank runs do not multiply, annotations are not cells', async () => {
    const content = `<office:document-content><office:body><office:spreadsheet><table:table table:name="KH">
      <table:table-row><table:table-cell><text:p>Họ tên</text:p></table:table-cell><table:table-cell><text:p>Số điện thoại</text:p></table:table-cell></table:table-row>
      <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="1000"/></table:table-row>
      <table:table-row><table:table-cell><office:annotation><text:p>ghi chú</text:p></office:annotation><text:p>Lê <text:s text:c="2"/>Yến</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="912345678"><text:p>912,345,678</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row>
    </table:table></office:spreadsheet></office:body></office:document-content>`;
    const [u] = await units(zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }, { name: 'content.xml', data: content }]), 'ods');
    expect(u!.text.toString('utf8')).toBe('Họ tên,Số điện thoại\nLê   Yến,912345678\n');
    expect(u!.reportedLine!(2)).toBe(5);
  });

  it('a big sheet comes in chunks that each start with the header', () => {
    const c = new SheetChunker('big.xlsx', 'S');
    expect(c.addRow(1, ['Họ tên', 'SĐT'])).toBeUndefined();
    const chunks: TextUnit[] = [];
    for (let r = 2; r < 200_000; r++) {
      const u = c.addRow(r, [`Người số ${r}`, `09${String(r).padStart(8, '0')}`]);
      if (u) chunks.push(u);
    }
    chunks.push(c.flush()!);
    expect(chunks.length).toBeGreaterThan(1);
    for (const u of chunks) expect(u.text.toString('utf8').startsWith('Họ tên,SĐT\n')).toBe(true);
    expect(chunks[1]!.reportedLine!(2)).toBeGreaterThan(2);
  });

  it('reads the test helper xlsx (inline strings) like Excel output', async () => {
    const [u] = await units(xlsx([{ name: 'A', rows: [['x', 'y'], ['1', '2']] }]), 'xlsx');
    expect(u!.text.toString('utf8')).toBe('x,y\n1,2\n');
  });
});
