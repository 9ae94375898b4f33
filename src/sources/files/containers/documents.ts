/**
 * Office documents (.docx, .pptx, .odt): the text of their XML parts (body, tables, comments,
 * notes, headers and footers), one paragraph a line. Tables are written as Markdown tables, so the
 * first row names each column for the values below it, as in a Markdown file.
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { normalizeBuffer } from '../../../classify/engine.js';
import { ZipReader } from './zip.js';
import type { ExpandContext } from './expand.js';

interface Dialect {
  /** Parts read, in this order (regular expressions on the entry name). */
  parts: RegExp[];
  /** Elements whose text is document text; undefined: any text inside a paragraph. */
  text?: Set<string>;
  paragraph: Set<string>;
  table: string;
  row: string;
  cell: string;
  tab: Set<string>;
  lineBreak: Set<string>;
  /** ODF `text:s`: a run of spaces, counted by `text:c`. */
  spaces?: string;
}

const DIALECTS: Record<'docx' | 'pptx' | 'odt', Dialect> = {
  docx: {
    parts: [/^word\/document\.xml$/, /^word\/(header|footer)\d*\.xml$/, /^word\/(footnotes|endnotes|comments)\.xml$/],
    text: new Set(['w:t', 'w:delText']),
    paragraph: new Set(['w:p']),
    table: 'w:tbl', row: 'w:tr', cell: 'w:tc',
    tab: new Set(['w:tab']), lineBreak: new Set(['w:br', 'w:cr']),
  },
  pptx: {
    parts: [/^ppt\/slides\/slide\d+\.xml$/, /^ppt\/notesSlides\/notesSlide\d+\.xml$/, /^ppt\/comments\/.*\.xml$/],
    text: new Set(['a:t', 'p:text']),
    paragraph: new Set(['a:p', 'p:cm']),
    table: 'a:tbl', row: 'a:tr', cell: 'a:tc',
    tab: new Set(['a:tab']), lineBreak: new Set(['a:br']),
  },
  odt: {
    parts: [/^content\.xml$/, /^styles\.xml$/],
    paragraph: new Set(['text:p', 'text:h']),
    table: 'table:table', row: 'table:table-row', cell: 'table:table-cell',
    tab: new Set(['text:tab']), lineBreak: new Set(['text:line-break']),
    spaces: 'text:s',
  },
};

/** Slides and numbered parts in their natural order (slide2 before slide10). */
function partOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Text lines of one XML part. */
export class XmlTextExtractor {
  readonly lines: string[] = [];
  private line = '';
  private inText = 0;
  private inParagraph = 0;
  private tables: Array<{ rows: number; cells: string[] }> = [];
  private cellText: string | undefined;
  readonly parser = new SaxesParser();

  constructor(private readonly d: Dialect) {
    this.parser.on('opentag', (t) => this.open(t));
    this.parser.on('closetag', (t) => this.close(t));
    this.parser.on('text', (s) => {
      if (this.d.text ? this.inText > 0 : this.inParagraph > 0) this.append(s);
    });
  }

  private append(s: string): void {
    if (this.cellText !== undefined) this.cellText += s;
    else this.line += s;
  }

  private endLine(): void {
    if (this.cellText !== undefined) {
      if (this.cellText && !this.cellText.endsWith(' ')) this.cellText += ' ';
      return;
    }
    if (this.line.trim()) this.lines.push(this.line.trimEnd());
    this.line = '';
  }

  private open(t: SaxesTagPlain): void {
    const n = t.name;
    if (this.d.text?.has(n)) this.inText++;
    else if (this.d.paragraph.has(n)) this.inParagraph++;
    else if (this.d.tab.has(n)) this.append('\t');
    else if (this.d.lineBreak.has(n)) this.endLine();
    else if (n === this.d.spaces) this.append(' '.repeat(Math.min(100, Number(t.attributes['text:c'] ?? 1) || 1)));
    else if (n === this.d.table) {
      this.endLine();
      this.tables.push({ rows: 0, cells: [] });
    } else if (n === this.d.row) this.tables.at(-1)!.cells = [];
    else if (n === this.d.cell) this.cellText = '';
  }

  private close(t: SaxesTagPlain): void {
    const n = t.name;
    if (this.d.text?.has(n)) this.inText--;
    else if (this.d.paragraph.has(n)) {
      this.inParagraph--;
      this.endLine();
    } else if (n === this.d.cell && this.tables.length) {
      this.tables.at(-1)!.cells.push((this.cellText ?? '').replace(/\|/g, '/').replace(/\s+/g, ' ').trim());
      this.cellText = undefined;
    } else if (n === this.d.row && this.tables.length) {
      const table = this.tables.at(-1)!;
      this.lines.push(`| ${table.cells.join(' | ')} |`);
      if (table.rows++ === 0) this.lines.push(`|${table.cells.map(() => '---').join('|')}|`);
    } else if (n === this.d.table) {
      this.tables.pop();
      this.lines.push('');
    }
  }
}

export async function expandDocument(source: string | Buffer, where: string, format: 'docx' | 'pptx' | 'odt', ctx: ExpandContext): Promise<void> {
  const dialect = DIALECTS[format];
  const zip = await ZipReader.open(source);
  const lines: string[] = [];
  try {
    const entries = (await zip.list()).filter((e) => dialect.parts.some((p) => p.test(e.info.name)));
    entries.sort((a, b) => {
      const pa = dialect.parts.findIndex((p) => p.test(a.info.name));
      const pb = dialect.parts.findIndex((p) => p.test(b.info.name));
      return pa - pb || partOrder(a.info.name, b.info.name);
    });
    if (entries.length === 0) throw new Error(`not a ${format} document (no text parts)`);
    for (const { entry, info } of entries) {
      const stream = await zip.stream(entry, info, `${where}!/${info.name}`, ctx.limits.maxEntryBytes, ctx.limits.maxRatio, ctx.budget);
      const x = new XmlTextExtractor(dialect);
      const decoder = new StringDecoder('utf8');
      for await (const chunk of stream) x.parser.write(decoder.write(chunk as Buffer));
      x.parser.write(decoder.end());
      x.parser.close();
      lines.push(...x.lines);
    }
  } finally {
    zip.close();
  }
  const text = lines.join('\n').trim();
  if (!text) return;
  // `.md`: tables get their header row as column context, like Markdown tables.
  await ctx.sink.unit({ path: where, formatPath: `${where.slice(where.lastIndexOf('/') + 1)}.md`, text: normalizeBuffer(Buffer.from(`${text}\n`, 'utf8')) });
}
