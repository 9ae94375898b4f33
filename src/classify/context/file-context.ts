/**
 * The context of a file (rules/file-contexts.yml): application source, tests, documentation,
 * translation catalogues, vector assets, example configuration, or data (seeds, exports, dumps,
 * logs). A value's meaning depends on where it sits: `Nguyễn Văn An` in a seed file is a person,
 * in a unit test it is a made-up fixture, in a locale file it is a label.
 */
import RE2 from 're2';
import { ConfigError } from '../../util/errors.js';
import { fileContextsFile } from '../../rules/catalogue.js';

export const FILE_CONTEXTS = ['source', 'test', 'docs', 'i18n', 'asset', 'config-example', 'data'] as const;
export type FileContext = (typeof FILE_CONTEXTS)[number];

/** Contexts whose values are reported at their full level: the rest are notes by default. */
export function isPrimaryContext(c: FileContext): boolean {
  return c === 'source' || c === 'data';
}

interface ContextRuleFile {
  context: Exclude<FileContext, 'source'>;
  dirs?: string[];
  extensions?: string[];
  files?: string[];
}

export interface FileContextsFile {
  version: 1;
  contexts: ContextRuleFile[];
  inline_assets: { line_patterns: string[] };
  /** Lines that put a value in another context whatever the file (licence and authorship lines). */
  line_contexts?: Array<{ context: Exclude<FileContext, 'source'>; reason: string; line_patterns: string[] }>;
  i18n_sniff: { extensions: string[]; max_bytes: number; min_leaves: number; min_text_share: number; min_distinct_keys: number };
  examples: Partial<Record<FileContext, string[]>>;
}

interface ContextRule {
  context: Exclude<FileContext, 'source'>;
  dirs: Set<string>;
  extensions: Set<string>;
  files: RE2[];
}

export interface ContextVerdict {
  context: FileContext;
  /** Why, for --explain (names the matched segment, extension or pattern, never file content). */
  reason: string;
}

export interface FileContextPolicy {
  rules: ContextRule[];
  inlineAssets: RE2[];
  lineContexts: Array<{ context: Exclude<FileContext, 'source'>; reason: string; patterns: RE2[] }>;
  sniff: FileContextsFile['i18n_sniff'] & { extensionSet: Set<string> };
}

function compileRe(source: string, where: string): RE2 {
  try {
    return new RE2(source, 'iu');
  } catch (err) {
    throw new ConfigError(`${where}: RE2 cannot compile this pattern (${(err as Error).message})`);
  }
}

export function compileFileContexts(file: FileContextsFile, display: string): FileContextPolicy {
  const rules = file.contexts.map((c, i) => ({
    context: c.context,
    dirs: new Set((c.dirs ?? []).map((d) => d.toLowerCase())),
    extensions: new Set((c.extensions ?? []).map((e) => e.toLowerCase())),
    files: (c.files ?? []).map((p, j) => compileRe(p, `${display}: contexts[${i}].files[${j}]`)),
  }));
  const inlineAssets = file.inline_assets.line_patterns.map((p, i) => compileRe(p, `${display}: inline_assets.line_patterns[${i}]`));
  const lineContexts = (file.line_contexts ?? []).map((c, i) => ({
    context: c.context,
    reason: c.reason,
    patterns: c.line_patterns.map((p, j) => compileRe(p, `${display}: line_contexts[${i}].line_patterns[${j}]`)),
  }));
  return { rules, inlineAssets, lineContexts, sniff: { ...file.i18n_sniff, extensionSet: new Set(file.i18n_sniff.extensions) } };
}

/**
 * The context a line imposes on its values whatever the file, if any: inline vector data (SVG
 * path, glyph) is an asset; a licence or authorship line is attribution (`line_contexts`).
 */
export function lineContext(lineText: string, policy: FileContextPolicy = fileContextPolicy()): ContextVerdict | undefined {
  const i = policy.inlineAssets.findIndex((re) => re.test(lineText));
  if (i >= 0) return { context: 'asset', reason: `inline vector data (inline_assets pattern ${i + 1})` };
  for (const c of policy.lineContexts) {
    const j = c.patterns.findIndex((re) => re.test(lineText));
    if (j >= 0) return { context: c.context, reason: `${c.reason} (line pattern ${j + 1})` };
  }
  return undefined;
}

/** How far up a JSDoc block is searched for its `@example` tag. */
const MAX_EXAMPLE_LINES = 40;

/**
 * The docs context for a value in a JSDoc `@example` (or `@sample`) section: reading upwards from
 * the value's line, still inside the comment, an example tag comes before the comment's start.
 */
export function jsdocExampleContext(lineText: (line: number) => string, line: number): ContextVerdict | undefined {
  for (let l = line; l >= 1 && line - l < MAX_EXAMPLE_LINES; l--) {
    const text = lineText(l).trim();
    if (/@(?:example|sample)\b/.test(text)) return { context: 'docs', reason: 'a JSDoc @example' };
    if (text.startsWith('/**') || text.startsWith('/*')) return undefined;
    if (l !== line && (!text.startsWith('*') || text.endsWith('*/'))) return undefined;
  }
  return undefined;
}

/** The built-in file through the rule catalogue. */
export function loadFileContextsFile(): FileContextsFile {
  return fileContextsFile();
}

let cached: FileContextPolicy | undefined;

/** The built-in policy, compiled once per process (worker). */
export function fileContextPolicy(): FileContextPolicy {
  return (cached ??= compileFileContexts(loadFileContextsFile(), 'rules/file-contexts.yml'));
}

/**
 * The context of a file from its path relative to the scanned directory (forward slashes) and,
 * for a possible translation catalogue, its content.
 */
export function classifyFileContext(pathInRoot: string, content?: Buffer, policy: FileContextPolicy = fileContextPolicy()): ContextVerdict {
  const segments = pathInRoot.split('/').filter((s) => s && s !== '.');
  const name = segments.pop() ?? pathInRoot;
  const dirs = segments.map((s) => s.toLowerCase());
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  for (const r of policy.rules) {
    const dir = dirs.find((d) => r.dirs.has(d));
    if (dir) return { context: r.context, reason: `directory "${dir}/"` };
    if (ext && r.extensions.has(ext)) return { context: r.context, reason: `extension .${ext}` };
    if (r.files.some((re) => re.test(name))) return { context: r.context, reason: `file name ${name}` };
  }
  if (content && policy.sniff.extensionSet.has(ext) && content.length <= policy.sniff.max_bytes && looksLikeCatalogue(content, policy.sniff)) {
    return { context: 'i18n', reason: 'content: an object of distinct keys whose values are text' };
  }
  return { context: 'source', reason: 'application file' };
}

/**
 * A translation catalogue is one object of message ids → text: nested objects, text leaves, keys
 * that do not repeat. A list of records (a seed, an export) repeats the same keys in every record.
 */
function looksLikeCatalogue(content: Buffer, sniff: FileContextsFile['i18n_sniff']): boolean {
  const first = content.indexOf(123);
  // Only an object at top level, after optional whitespace or a BOM.
  if (first < 0 || content.subarray(0, first).toString('utf8').replace(/^\uFEFF/, '').trim() !== '') return false;
  let data: unknown;
  try {
    data = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return false;
  }
  let leaves = 0;
  let text = 0;
  let keys = 0;
  const distinct = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 12) return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        keys++;
        distinct.add(k);
        visit(child, depth + 1);
      }
      return;
    }
    leaves++;
    if (typeof v === 'string' && /\p{L}/u.test(v)) text++;
  };
  visit(data, 0);
  return text >= sniff.min_leaves && text / leaves >= sniff.min_text_share && distinct.size / keys >= sniff.min_distinct_keys;
}
