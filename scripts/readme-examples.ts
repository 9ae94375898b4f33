/**
 * README examples generated from the built CLI's real output, so that the README cannot drift
 * from what pdscan prints. Each generated block sits between
 *   <!-- generated: NAME (npm run examples) -->   and   <!-- end generated -->
 * and is rebuilt here from one scan of fixtures/demo-app (text, JSON and the Markdown inventory of
 * the same run) or, for the --explain example, from the command written on its first line.
 * Excerpts are chosen by position and rule id (DEMO_EXCERPT): when the demo app changes so that a
 * chosen finding disappears, generation fails and names it rather than quoting something stale.
 *
 *   npm run examples          rewrite README.md (and the inventory goldens, see package.json)
 *   test/readme-examples.test.ts regenerates and compares, so a stale README fails the tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/pdscan.js');
const DEMO = 'fixtures/demo-app';

/** Findings quoted from the demo scan: file → `line:column rule-id` of each finding shown. */
const DEMO_EXCERPT: Record<string, string[]> = {
  'fixtures/demo-app/prisma/schema.prisma': ['15:3 pd-declared-national-id', '21:3 pd-declared-ethnicity', '65:3 pd-sensitive-unencrypted'],
  'fixtures/demo-app/seed/patients.csv': ['2:22 vn-cccd', '2:139 sc-ethnicity-column'],
  'fixtures/demo-app/src/patients/patients.service.ts': ['15:5 pd-log'],
  'fixtures/demo-app/web/tracking.js': ['6:3 pd-cross-border'],
};
/** The JSON finding quoted: the same log flow as in the text excerpt. */
const JSON_FINDING = { ruleId: 'pd-log', path: 'fixtures/demo-app/src/patients/patients.service.ts', line: 15 };
/** Lines of the Vietnamese inventory quoted: the table whose header starts so, and the rows whose first cell is listed. */
const INVENTORY_EXCERPT: Array<{ header: string; rows: string[] }> = [
  { header: '| Mục | Kết quả |', rows: ['Dữ liệu cá nhân nhạy cảm', 'Bên nhận dữ liệu', 'Chuyển dữ liệu ra nước ngoài'] },
  { header: '| Bên nhận | Quốc gia | Loại dịch vụ | Dữ liệu gửi đi | Mục đích |', rows: ['OpenAI', 'Zalo Official Account / ZNS (VNG)'] },
];

interface Run { stdout: string; stderr: string; status: number | null }

function pdscan(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** One run of the demo scan with every output the README quotes. */
interface DemoOutputs { text: string; json: string; inventoryVi: string }

function runDemo(): DemoOutputs {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-examples-'));
  try {
    const json = path.join(dir, 'demo.json');
    const md = path.join(dir, 'demo.md');
    const r = pdscan(['scan', DEMO, '-q', '--json', json, '--inventory', md], ROOT);
    if (r.status !== 0) throw new Error(`pdscan scan ${DEMO} exited ${r.status}: ${r.stderr}`);
    return { text: r.stdout, json: readFileSync(json, 'utf8'), inventoryVi: readFileSync(md, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text output split into file blocks (header line → findings, each with its indented detail lines) and the trailer. */
function parseText(text: string): { files: Map<string, string[][]>; trailer: string[] } {
  const files = new Map<string, string[][]>();
  const lines = text.replace(/\n$/, '').split('\n');
  let current: string[][] | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') { current = undefined; continue; }
    if (/^\d+ findings? \(/.test(line)) break;
    if (!line.startsWith(' ')) { current = []; files.set(line, current); continue; }
    if (!current) throw new Error(`unexpected line in the text output: ${line}`);
    if (/^ {2}\S/.test(line)) current.push([line]);
    else current.at(-1)?.push(line);
  }
  return { files, trailer: lines.slice(i) };
}

export function demoScanBlock(text: string): string {
  const { files, trailer } = parseText(text);
  const out: string[] = [];
  for (const [file, keys] of Object.entries(DEMO_EXCERPT)) {
    const findings = files.get(file);
    if (!findings) throw new Error(`demo scan: no findings in ${file} any more; update DEMO_EXCERPT in scripts/readme-examples.ts`);
    out.push(file);
    for (const key of keys) {
      const [pos, rule] = key.split(' ') as [string, string];
      const f = findings.find((lines) => lines[0]!.trimStart().startsWith(`${pos} `) && lines[0]!.includes(`  ${rule} · `));
      if (!f) throw new Error(`demo scan: ${file} ${key} is gone; update DEMO_EXCERPT in scripts/readme-examples.ts`);
      out.push(...f);
    }
    out.push('');
  }
  out.push(...trailer);
  return out.join('\n') + '\n';
}

/** JSON in the README's compact style: arrays and objects on one line, spaces after `,` and `:`. */
function compact(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(compact).join(', ')}]`;
  if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${compact(x)}`).join(', ')} }`;
  return JSON.stringify(v);
}

/** Keeps the first n items of a long array and marks the cut with "...". */
function cut(a: unknown[], n: number): unknown[] {
  return a.length > n ? [...a.slice(0, n), '...'] : a;
}

export function demoJsonBlock(json: string): string {
  const doc = JSON.parse(json) as { findings: Array<Record<string, unknown> & { ruleId: string; location: { path: string; line: number } }> };
  const f = doc.findings.find((x) => x.ruleId === JSON_FINDING.ruleId && x.location.path === JSON_FINDING.path && x.location.line === JSON_FINDING.line);
  if (!f) throw new Error(`demo scan JSON: no ${JSON_FINDING.ruleId} at ${JSON_FINDING.path}:${JSON_FINDING.line}; update JSON_FINDING in scripts/readme-examples.ts`);
  // Long lists are cut so that the example stays readable; every key shown is real output.
  const shown: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (k === 'legalRefs' && Array.isArray(v)) shown[k] = cut(v, 5);
    else if (k === 'flow' && Array.isArray(v)) shown[k] = cut(v, 1);
    else if (k === 'properties' && v && typeof v === 'object') {
      shown[k] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, Array.isArray(pv) && pv.some((x) => x && typeof x === 'object') ? ['...'] : pv]));
    } else shown[k] = v;
  }
  const body = Object.entries(shown).map(([k, v]) => `  ${JSON.stringify(k)}: ${compact(v)}`).join(',\n');
  return `{\n${body}\n}\n`;
}

export function inventoryBlock(markdown: string): string {
  const lines = markdown.split('\n');
  const tables: string[] = [];
  for (const { header, rows } of INVENTORY_EXCERPT) {
    const start = lines.findIndex((l) => l.startsWith(header));
    if (start < 0) throw new Error(`inventory: no table headed "${header}"; update INVENTORY_EXCERPT in scripts/readme-examples.ts`);
    let end = start;
    while (end < lines.length && lines[end]!.startsWith('|')) end++;
    const table = lines.slice(start, end);
    const picked = rows.map((first) => {
      const row = table.find((l) => l.startsWith(`| ${first} |`));
      if (!row) throw new Error(`inventory: no row "${first}" under "${header}"; update INVENTORY_EXCERPT in scripts/readme-examples.ts`);
      return row;
    });
    tables.push([table[0]!, table[1]!, ...picked].join('\n'));
  }
  return tables.join('\n\n') + '\n';
}

const EXPLAIN_COMMAND = /^\$ printf '([^']*)' > (\S+) && npx pdscan ([^\n]*)\n/;

/** The --explain example: its first line is the command (kept as written), the rest is what it prints. */
export function explainBlock(current: string): string {
  const m = EXPLAIN_COMMAND.exec(current);
  if (!m) throw new Error('README: the explain example must start with `$ printf \'…\' > FILE && npx pdscan ARGS`');
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-explain-'));
  try {
    writeFileSync(path.join(dir, m[2]!), m[1]!.replace(/\\n/g, '\n'));
    const r = pdscan(m[3]!.split(' '), dir);
    if (r.status !== 0) throw new Error(`README explain example exited ${r.status}: ${r.stderr}`);
    return m[0] + r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BLOCK = /(<!-- generated: ([\w-]+) \(npm run examples\) -->\n```(\w+)\n)([\s\S]*?)(```\n<!-- end generated -->)/g;

/** The README with every generated block rebuilt from real output. */
export function generateReadme(readme: string): string {
  let demo: DemoOutputs | undefined;
  const outputs = (): DemoOutputs => (demo ??= runDemo());
  const names = new Set<string>();
  const result = readme.replace(BLOCK, (_all, open: string, name: string, _lang: string, body: string, close: string) => {
    names.add(name);
    const generated: Record<string, () => string> = {
      'demo-scan': () => demoScanBlock(outputs().text),
      'demo-json': () => demoJsonBlock(outputs().json),
      'demo-inventory': () => inventoryBlock(outputs().inventoryVi),
      explain: () => explainBlock(body),
    };
    const make = generated[name];
    if (!make) throw new Error(`README: unknown generated block "${name}"`);
    return open + make() + close;
  });
  for (const name of ['demo-scan', 'demo-json', 'demo-inventory', 'explain']) {
    if (!names.has(name)) throw new Error(`README: the generated block "${name}" is missing`);
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.join(ROOT, 'README.md');
  const before = readFileSync(file, 'utf8');
  const after = generateReadme(before);
  writeFileSync(file, after);
  console.log(before === after ? 'README.md: examples unchanged' : 'README.md: examples regenerated; review the diff');
}
