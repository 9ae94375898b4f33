/**
 * Containers bench (issue 16), two parts:
 *
 * 1. Accuracy: a share of the labelled corpus (every `--every`th file) is rendered into xlsx and xls (CSV
 *    files), docx and pdf (text, Markdown and log files) and zip (every format), and scanned next
 *    to its text twins. Per format: how many (file, category) pairs agree with the twin, and
 *    precision/recall of both against the labels.
 * 2. Throughput: a generated workbook of `--xlsx-mb` MB and a tar.gz of CSVs of `--tgz-mb` MB
 *    (compressed sizes), scanned by the CLI: MB/s (compressed and text) and peak RSS.
 *
 *   npx tsx bench/containers.ts [--every 3] [--xlsx-mb 100] [--tgz-mb 1024] [--skip accuracy|throughput]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { crc32, createDeflateRaw, createGzip } from 'node:zlib';
import { PACKAGE_ROOT } from '../src/util/paths.js';
import { scanFiles } from '../src/scan/scan-files.js';
import { docx, pdf, tarEntry, xlsx, zip } from '../test/helpers/zip-writer.js';
import { xls } from '../test/helpers/xls-writer.js';

const args = parseArgs({
  options: {
    every: { type: 'string', default: '3' },
    'xlsx-mb': { type: 'string', default: '100' },
    'tgz-mb': { type: 'string', default: '1024' },
    skip: { type: 'string', multiple: true, default: [] },
  },
}).values;

const CORPUS = path.join(PACKAGE_ROOT, 'fixtures/corpus/labelled');
const OUT = path.join(PACKAGE_ROOT, 'bench/.out');

/** CSV rows, quotes honoured (the corpus writes RFC 4180). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** A page is about 95 characters wide at 11 pt: longer lines wrap at spaces, as a word processor would. */
function wrap(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > 95) {
    const cut = rest.lastIndexOf(' ', 95);
    const at = cut > 0 ? cut : 95;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

type Format = 'xlsx' | 'xls' | 'docx' | 'pdf' | 'zip';
const RENDER: Record<Format, { accepts: RegExp; name: (f: string) => string; render: (text: string, f: string) => Buffer; twin: (p: string) => string }> = {
  xlsx: { accepts: /\.csv$/, name: (f) => f.replace(/\.csv$/, '.xlsx'), render: (t) => xlsx([{ name: 'Sheet1', rows: parseCsv(t) }]), twin: (p) => p.replace(/\.xlsx$/, '.csv') },
  xls: { accepts: /\.csv$/, name: (f) => f.replace(/\.csv$/, '.xls'), render: (t) => xls([{ name: 'Sheet1', rows: parseCsv(t) }]), twin: (p) => p.replace(/\.xls$/, '.csv') },
  docx: { accepts: /\.(txt|md|log)$/, name: (f) => `${f}.docx`, render: (t) => docx(t.split('\n')), twin: (p) => p.replace(/\.docx$/, '') },
  pdf: { accepts: /\.(txt|md|log)$/, name: (f) => `${f}.pdf`, render: (t) => pdf(t.split('\n').flatMap(wrap)), twin: (p) => p.replace(/\.pdf$/, '') },
  zip: { accepts: /./, name: (f) => `${f}.zip`, render: (t, f) => zip([{ name: path.posix.basename(f), data: t }]), twin: (p) => p.replace(/\.zip!\/[^/]+$/, '') },
};

async function pairsOf(dir: string, twin: (p: string) => string): Promise<Set<string>> {
  const r = await scanFiles({ paths: ['.'], cwd: dir, maxFileSize: 5 * 1024 * 1024, ruleOptions: {}, code: false, threads: 1 });
  return new Set(r.findings.filter((f) => f.location).flatMap((f) => f.categories.map((c) => `${twin(f.location!.path)}\u0000${c}`)));
}

function score(pairs: Set<string>, truth: Set<string>) {
  const tp = [...pairs].filter((p) => truth.has(p)).length;
  return { precision: pairs.size ? tp / pairs.size : 1, recall: truth.size ? tp / truth.size : 1 };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

async function accuracy(): Promise<Record<string, unknown>> {
  const labels = JSON.parse(readFileSync(path.join(CORPUS, 'labels.json'), 'utf8')) as Record<string, string[]>;
  const every = Number(args.every);
  const share = Object.keys(labels).sort().filter((_, i) => i % every === 0);
  const root = mkdtempSync(path.join(tmpdir(), 'pdscan-bench-containers-'));
  const report: Record<string, unknown> = {};
  try {
    for (const format of Object.keys(RENDER) as Format[]) {
      const spec = RENDER[format];
      const files = share.filter((f) => spec.accepts.test(f));
      const textDir = path.join(root, format, 'text');
      const contDir = path.join(root, format, 'rendered');
      for (const f of files) {
        const text = readFileSync(path.join(CORPUS, f), 'utf8');
        mkdirSync(path.dirname(path.join(textDir, f)), { recursive: true });
        mkdirSync(path.dirname(path.join(contDir, f)), { recursive: true });
        writeFileSync(path.join(textDir, f), text);
        writeFileSync(path.join(contDir, spec.name(f)), spec.render(text, f));
      }
      const truth = new Set(files.flatMap((f) => labels[f]!.map((c) => `${f}\u0000${c}`)));
      const fromText = await pairsOf(textDir, (p) => p);
      const fromContainer = await pairsOf(contDir, spec.twin);
      const same = [...fromText].filter((p) => fromContainer.has(p)).length;
      const union = new Set([...fromText, ...fromContainer]).size;
      const t = score(fromText, truth);
      const c = score(fromContainer, truth);
      report[format] = { files: files.length, pairsText: fromText.size, pairsRendered: fromContainer.size, agreement: union ? same / union : 1, text: t, rendered: c };
      console.log(`  ${format.padEnd(4)} ${String(files.length).padStart(3)} files: same (file, category) as the text twins ${same}/${union} (${pct(union ? same / union : 1)}) · text P ${pct(t.precision)} R ${pct(t.recall)} · ${format} P ${pct(c.precision)} R ${pct(c.recall)}`);
      const onlyText = [...fromText].filter((p) => !fromContainer.has(p)).slice(0, 3);
      const onlyRendered = [...fromContainer].filter((p) => !fromText.has(p)).slice(0, 3);
      for (const p of onlyText) console.log(`       only in text:     ${p.replace('\u0000', ' ')}`);
      for (const p of onlyRendered) console.log(`       only in ${format}: ${' '.repeat(Math.max(0, 4 - format.length))}${p.replace('\u0000', ' ')}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return report;
}

// ------------------------------------------------------------------------------ throughput

const GIVEN = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thu', 'Hoàng', 'Ngọc', 'Đức'];
const LAST = ['Bình', 'Yến', 'Đạt', 'Lan', 'Khai', 'Hùng', 'Mai', 'Tâm', 'Phúc', 'Hạnh'];
const NOTES = ['khách quen', 'giao giờ hành chính', 'gọi trước khi giao', 'đã thanh toán', 'hoàn tiền một phần', ''];

/** One synthetic customer row; deterministic in `i`. */
function customer(i: number): string[] {
  const n = (k: number) => (i * 2654435761 + k * 40503) >>> 0;
  const name = `${GIVEN[n(1) % 10]} ${MIDDLE[n(2) % 8]} ${LAST[n(3) % 10]}`;
  const phone = `09${String(n(4) % 100_000_000).padStart(8, '0')}`;
  const cccd = `0${String(1 + (n(5) % 95)).padStart(2, '0')}${n(6) % 2}${String(60 + (n(7) % 40)).padStart(2, '0')}${String(n(8) % 1_000_000).padStart(6, '0')}`;
  return [String(i), name, cccd, phone, `kh${i}@example.vn`, `${1 + (n(9) % 300)} Lê Lợi, Quận ${1 + (n(10) % 12)}, TP. Hồ Chí Minh`, NOTES[n(11) % NOTES.length]!];
}
const HEADER = ['STT', 'Họ tên', 'Số CCCD', 'Số điện thoại', 'Email', 'Địa chỉ', 'Ghi chú'];

/** Writes a one-sheet xlsx of about `mb` MB, streaming the deflated sheet (zip data descriptor). */
async function writeXlsx(file: string, mb: number): Promise<number> {
  const out = createWriteStream(file);
  let offset = 0;
  const put = async (b: Buffer) => {
    offset += b.length;
    if (!out.write(b)) await once(out, 'drain');
  };
  const central: Buffer[] = [];
  const entry = async (name: string, produce: (write: (s: string) => Promise<void>) => Promise<void>) => {
    const start = offset;
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // UTF-8 names, sizes in a data descriptor
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(nameBuf.length, 26);
    await put(Buffer.concat([local, nameBuf]));
    const deflate = createDeflateRaw({ level: 6 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const drained = (async () => {
      for await (const c of deflate) {
        compressed += (c as Buffer).length;
        await put(c as Buffer);
      }
    })();
    await produce(async (s) => {
      const b = Buffer.from(s, 'utf8');
      crc = crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await once(deflate, 'drain');
    });
    deflate.end();
    await drained;
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(crc >>> 0, 4);
    desc.writeUInt32LE(compressed >>> 0, 8);
    desc.writeUInt32LE(size >>> 0, 12);
    await put(desc);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0808, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(compressed >>> 0, 20);
    c.writeUInt32LE(size >>> 0, 24);
    c.writeUInt16LE(nameBuf.length, 28);
    c.writeUInt32LE(start, 42);
    central.push(c, nameBuf);
  };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cells = (r: string[], row: number) => `<row r="${row}">${r.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`;
  await entry('xl/workbook.xml', async (w) => w('<workbook xmlns:r="r"><sheets><sheet name="Khách hàng" sheetId="1" r:id="rId1"/></sheets></workbook>'));
  await entry('xl/_rels/workbook.xml.rels', async (w) => w('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'));
  let rows = 0;
  await entry('xl/worksheets/sheet1.xml', async (w) => {
    await w(`<worksheet><sheetData>${cells(HEADER, 1)}`);
    // Written in batches until the compressed file reaches its size.
    while (offset < mb * 1024 * 1024) {
      let batch = '';
      for (let k = 0; k < 2000; k++) batch += cells(customer(++rows), rows + 1);
      await w(batch);
    }
    await w('</sheetData></worksheet>');
  });
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(3, 8);
  end.writeUInt16LE(3, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  await put(Buffer.concat([cd, end]));
  out.end();
  await once(out, 'finish');
  return rows;
}

/** Writes a tar.gz of 10 MiB CSV files until the compressed file reaches `mb` MB. Returns the text bytes. */
async function writeTgz(file: string, mb: number): Promise<number> {
  const gz = createGzip({ level: 6 });
  const out = createWriteStream(file);
  gz.pipe(out);
  let compressed = 0;
  gz.on('data', (c: Buffer) => (compressed += c.length));
  const put = async (b: Buffer) => {
    if (!gz.write(b)) await once(gz, 'drain');
  };
  let text = 0;
  let n = 0;
  let row = 0;
  while (compressed < mb * 1024 * 1024) {
    const lines = [HEADER.join(',')];
    let bytes = 0;
    while (bytes < 10 * 1024 * 1024) {
      const line = customer(++row).map((c) => (c.includes(',') ? `"${c}"` : c)).join(',');
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
    const data = Buffer.from(`${lines.join('\n')}\n`);
    for (const part of tarEntry(`exports/kh-${String(++n).padStart(4, '0')}.csv`, data)) await put(part);
    text += data.length;
    await new Promise((r) => setImmediate(r));
  }
  await put(Buffer.alloc(1024));
  gz.end();
  await once(out, 'finish');
  return text;
}

function timedScan(target: string, cwd: string) {
  // The generated files are far over the default --max-file-size (5MB), which is what a user raises to scan them.
  const limits = ['--max-file-size', '64GB', '--container-limit', 'max_total_bytes=64GB', '--container-limit', 'max_entry_bytes=8GB'];
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, path.join(PACKAGE_ROOT, 'bin/pdscan.js'), 'scan', target, ...limits, '--format', 'json', '--output', path.join(cwd, 'out.json'), '--quiet', '--no-code'], { cwd, encoding: 'utf8' });
  const [secs, user, sys, rss] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`pdscan failed (${r.status}): ${r.stderr.slice(0, 400)}`);
  const json = JSON.parse(readFileSync(path.join(cwd, 'out.json'), 'utf8')) as { stats: Record<string, number>; findings: unknown[]; problems: unknown[] };
  return { seconds: secs!, cpuSeconds: +(user! + sys!).toFixed(1), peakRssMb: Math.round(rss! / 1024), textBytes: json.stats.bytesScanned ?? 0, findings: json.findings.length, problems: json.problems };
}

async function throughput(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-bench-throughput-'));
  const report: Record<string, unknown> = {};
  try {
    for (const kind of ['xlsx', 'tgz'] as const) {
      const mb = Number(kind === 'xlsx' ? args['xlsx-mb'] : args['tgz-mb']);
      const file = path.join(dir, kind === 'xlsx' ? 'khach_hang.xlsx' : 'exports.tar.gz');
      const t0 = Date.now();
      if (kind === 'xlsx') await writeXlsx(file, mb);
      else await writeTgz(file, mb);
      const size = statSync(file).size / 1024 / 1024;
      const gen = (Date.now() - t0) / 1000;
      const r = timedScan(path.basename(file), dir);
      const textMb = r.textBytes / 1024 / 1024;
      report[kind] = { fileMB: +size.toFixed(1), textMB: +textMb.toFixed(1), ...r, fileMBps: +(size / r.seconds).toFixed(2), textMBps: +(textMb / r.seconds).toFixed(2), generatedInSeconds: gen };
      console.log(`  ${kind}: ${size.toFixed(1)} MB file (${textMb.toFixed(0)} MB of text) in ${r.seconds}s (cpu ${r.cpuSeconds}s): ${(size / r.seconds).toFixed(2)} MB/s of file, ${(textMb / r.seconds).toFixed(2)} MB/s of text, peak RSS ${r.peakRssMb} MB, ${r.findings} findings`);
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

const report: Record<string, unknown> = {};
if (!args.skip!.includes('accuracy')) {
  console.log('accuracy: a share of the labelled corpus rendered into containers, against its text twins');
  report.accuracy = await accuracy();
}
if (!args.skip!.includes('throughput')) {
  console.log('throughput: generated workbook and tar.gz of CSVs (1 thread: a container is one file)');
  report.throughput = await throughput();
}
mkdirSync(OUT, { recursive: true });
writeFileSync(path.join(OUT, 'containers.json'), `${JSON.stringify(report, null, 2)}\n`);
