import { describe, expect, it } from 'vitest';
import { ByteBudget, DEFAULT_CONTAINER_LIMITS, type ContainerNotice, type TextUnit } from './types.js';
import { expandDocument } from './documents.js';
import { expandPdf, unwrap, type PdfLine } from './pdf.js';
import type { ExpandContext } from './expand.js';
import { docx, pdf, zip } from '../../../../test/helpers/zip-writer.js';

function context() {
  const units: TextUnit[] = [];
  const notices: ContainerNotice[] = [];
  const ctx: ExpandContext = { limits: DEFAULT_CONTAINER_LIMITS, budget: new ByteBudget(DEFAULT_CONTAINER_LIMITS), depth: 1, sink: { unit: (u) => void units.push(u), notice: (n) => void notices.push(n) } };
  return { ctx, units, notices };
}

const text = (units: TextUnit[]) => units.map((u) => u.text.toString('utf8')).join('');

describe('office documents', () => {
  it('docx: paragraphs, comments, and tables as Markdown tables whose first row names the columns', async () => {
    const { ctx, units } = context();
    await expandDocument(docx(['Hợp đồng lao động', 'Bên B: Trần Văn Bình'], [['Họ tên', 'Số CCCD'], ['Lê Hoàng Yến', '048300123456']], 'Kiểm tra lại CCCD'), 'hd.docx', 'docx', ctx);
    expect(text(units)).toBe('Hợp đồng lao động\nBên B: Trần Văn Bình\n| Họ tên | Số CCCD |\n|---|---|\n| Lê Hoàng Yến | 048300123456 |\n\nKiểm tra lại CCCD\n');
    expect(units[0]).toMatchObject({ path: 'hd.docx', formatPath: 'hd.docx.md' });
  });

  it('pptx: slides in their natural order (2 before 10), then notes', async () => {
    const slide = (t: string) => `<p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${t}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
    const { ctx, units } = context();
    const deck = zip([
      { name: 'ppt/slides/slide10.xml', data: slide('mười') },
      { name: 'ppt/slides/slide2.xml', data: slide('hai') },
      { name: 'ppt/notesSlides/notesSlide1.xml', data: slide('ghi chú: 0912345678') },
      { name: 'ppt/theme/theme1.xml', data: slide('not text') },
    ]);
    await expandDocument(deck, 'deck.pptx', 'pptx', ctx);
    expect(text(units)).toBe('hai\nmười\nghi chú: 0912345678\n');
  });

  it('odt: text with spans, spaces and line breaks; annotations included', async () => {
    const { ctx, units } = context();
    const content = '<office:document-content><office:body><office:text><text:h>Hồ sơ</text:h><text:p>Điện <text:span>thoại</text:span>:<text:s text:c="2"/>0912345678<text:line-break/>Email: a@b.vn</text:p><text:p><office:annotation><text:p>CCCD 001090012345</text:p></office:annotation></text:p></office:text></office:body></office:document-content>';
    await expandDocument(zip([{ name: 'content.xml', data: content }]), 'hs.odt', 'odt', ctx);
    expect(text(units)).toBe('Hồ sơ\nĐiện thoại:  0912345678\nEmail: a@b.vn\nCCCD 001090012345\n');
  });
});

describe('PDF', () => {
  it('reads the text layer', async () => {
    const { ctx, units, notices } = context();
    await expandPdf(pdf(['Họ tên: Trần Văn Bình', 'CCCD: 001090012345']), 'hd.pdf', ctx);
    expect(notices).toEqual([]);
    expect(text(units)).toMatch(/Họ tên: Trần Văn Bình\s+CCCD: 001090012345/);
  });

  it('says when there is no text layer, and flags an ID-card-named scan', async () => {
    const plain = context();
    await expandPdf(pdf([]), 'scan_hop_dong.pdf', plain.ctx);
    expect(plain.units).toEqual([]);
    expect(plain.notices).toEqual([{ where: 'scan_hop_dong.pdf', kind: 'no-text-layer', message: expect.stringContaining('no text layer') }]);
    const id = context();
    await expandPdf(pdf([]), 'ho_so/cccd_mat_sau.pdf', id.ctx);
    expect(id.notices.map((n) => n.kind)).toEqual(['id-document-image']);
  });

  it('joins lines a word processor wrapped at the margin, so a label and its value meet again', async () => {
    const { ctx, units } = context();
    const log = '2025-09-03T11:54:08.322+07:00 INFO [his] Trả kết quả cho khách hàng: Điện thoại di động:';
    await expandPdf(pdf([log, '0921754837, Ngày sinh: 14/09/1980', '2025-09-03T11:54:57.808+07:00 INFO [his] cache miss']), 'kq.pdf', ctx);
    expect(text(units).split('\n').filter(Boolean)).toEqual([
      `${log} 0921754837, Ngày sinh: 14/09/1980`,
      '2025-09-03T11:54:57.808+07:00 INFO [his] cache miss',
    ]);
  });
});

describe('PDF line unwrapping', () => {
  // Lines as pdf.js places them: 5.5 pt per glyph from x = 40, the page's longest line is the margin.
  const at = (text: string, left = 40): PdfLine => ({ text, left, right: left + text.length * 5.5, glyph: 5.5 });
  const full = 'x'.repeat(60) + ' Khách hàng: Nguyễn Văn An, Điện thoại:';

  it('joins a line that ends at the margin when the next first word would not have fitted', () => {
    expect(unwrap([at(full), at('0912345678 (di động)')])).toEqual([`${full} 0912345678 (di động)`]);
  });

  it('keeps lines the author ended: short lines, lines far from the margin, lines at another indent', () => {
    expect(unwrap([at('Họ tên: Trần Văn Bình'), at('CCCD: 001090012345')])).toHaveLength(2);
    expect(unwrap([at(full), at('- Số', 80), at(`${'y'.repeat(50)} ngắn`), at('Số')])).toHaveLength(4);
    expect(unwrap([at(full), at('0912345678', 80)])).toHaveLength(2);
  });

  it('a long first token (a timestamp) on the next line only joins when this line ends at the margin', () => {
    const stamp = '2025-09-03T11:54:57.808+07:00 INFO';
    expect(unwrap([at(full), at(stamp)])).toEqual([`${full} ${stamp}`]);
    expect(unwrap([at(`${full} (1/2)`), at(full), at(stamp)])).toEqual([`${full} (1/2) ${full}`, stamp]);
  });

  it('a table row with fewer cells than its separator row continues on the next line', () => {
    const rows = unwrap([at('| Quốc tịch | Hộ chiếu | Năm sinh |'), at('|---|---|---|'), at('| Nhật Bản |'), at('C9126914 | 1997 |'), at('| Hàn Quốc | C1534756 | 2006 |')]);
    expect(rows).toEqual(['| Quốc tịch | Hộ chiếu | Năm sinh |', '|---|---|---|', '| Nhật Bản | C9126914 | 1997 |', '| Hàn Quốc | C1534756 | 2006 |']);
  });
});

