/**
 * The work done for one file, inside a worker: read and decode, classify values, run code
 * analysis on code and schema files, aggregate bulk data, fingerprint. Pure with respect to
 * the rest of the scan, so it runs the same in a worker or in-process.
 */
import { isValueFinding, type Finding } from '../model/finding.js';
import type { Evidence } from '../model/result.js';
import type { RuleDef } from '../rules/types.js';
import { Classifier, type Match } from '../classify/engine.js';
import { readForScan, type ReadOutcome } from '../sources/files/read.js';
import { hintFor } from '../sources/files/structured.js';
import { keyedFindings } from '../classify/keyed/index.js';
import { LineIndex } from '../util/lines.js';
import { aggregateValues, StreamAggregator } from './aggregate.js';
import { readChunks } from '../sources/files/bulk-stream.js';
import { normalizeBuffer } from '../classify/engine.js';
import { fingerprintFindings } from '../model/fingerprint.js';
import type { AnalyzerContext, FileAnalysis } from '../sources/code/contract.js';
import { wantsCodeAnalysis } from '../sources/code/scope.js';
import type { ScanProblem } from '../model/result.js';
import { DEFAULT_CONTAINER_LIMITS, type ContainerLimits } from '../sources/files/containers/types.js';
import { classifyFileContext, jsdocExampleContext, lineContext } from '../classify/context/file-context.js';
import { annotateValueFindings } from './value-context.js';
import { dropExpressionValues, scriptKindOf } from '../classify/code-literals.js';
import { judgeSynthetic, projectNamesOf } from '../classify/synthetic/synthetic.js';
import type { SyntheticJudge } from './value-context.js';

export interface FileTaskInput {
  abs: string;
  rel: string;
  /** Path relative to the scanned directory: what the file's context is judged from (default: rel). */
  inRoot?: string;
  /** Only code understanding runs (diff-mode context files). */
  codeOnly?: boolean;
  /** Archive, workbook, office document or PDF: read through its container reader, not as text. */
  container?: boolean;
  size?: number;
}

export interface FileTaskOutput {
  rel: string;
  findings: Finding[];
  evidence: Evidence[];
  bytes: number;
  lines: number;
  problem?: string;
  skipped?: string;
  summary?: unknown;
  /** Per inner file: refusals, encrypted entries, PDFs without text (containers only). */
  notices?: ScanProblem[];
  /** Inner texts holding suppression directives, by virtual path (containers only). */
  innerTexts?: Record<string, string>;
}

export type CodeAnalyzer = (ctx: AnalyzerContext, text: string) => FileAnalysis;


export function matchToFinding(m: Match, rel: string, lines: LineIndex, ruleNames: Map<string, string>): Finding {
  const start = lines.position(m.start);
  const end = lines.position(m.end);
  return {
    ruleId: m.ruleId,
    kind: 'value',
    category: m.category,
    categories: [m.category],
    confidence: m.confidence,
    score: m.score,
    message: ruleNames.get(m.ruleId) ?? m.ruleId,
    value: m.value,
    location: { path: rel, line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
    explain: m.explain,
  };
}

/** The synthetic-value judge, knowing the project's names from the directory the file was found under. */
function judgeFor(input: FileTaskInput): SyntheticJudge {
  const inRoot = input.inRoot ?? input.rel;
  const root = input.abs.endsWith(inRoot) ? input.abs.slice(0, input.abs.length - inRoot.length) : input.abs;
  const names = projectNamesOf(root);
  return (value, category, line) => judgeSynthetic(value, category, undefined, names, line);
}

export interface FileScannerOptions {
  /** Run code understanding on test, spec and story files too (default: only their text is classified). */
  includeTests?: boolean;
  containerLimits?: ContainerLimits;
  /** Chunk size for streamed bulk files (tests use small ones). */
  streamChunkBytes?: number;
}

export function createFileScanner(rules: RuleDef[], loadCodeAnalyzer?: () => Promise<CodeAnalyzer>, opts: FileScannerOptions = {}) {
  const classifier = new Classifier(rules);
  const ruleNames = new Map(rules.map((r) => [r.id, r.name]));
  // Rules not from the built-in packs (rules/*.yml): the user's, from .pdscan.yml or its rule files.
  const userRules = new Set(rules.filter((r) => !r.source?.startsWith('rules/')).map((r) => r.id));

  /** Value findings of one text: detectors, then values known only by their key or column. */
  const classifyText = (buf: Buffer, rel: string, lines: LineIndex): Finding[] => {
    const hintAt = hintFor(rel, buf, lines);
    const matches = classifier.classifyBuffer(buf, { hintAt });
    // Values whose only context is their key or column (CSV header, JSON key, SQL column list).
    return matches.map((m) => matchToFinding(m, rel, lines, ruleNames)).concat(keyedFindings({ buf, rel, lines, matches }));
  };

  /**
   * A large bulk file, chunk by chunk: each chunk's values are aggregated and dropped. Code
   * understanding does not run on it (its declarations would be split across chunks).
   */
  const scanStreamed = async (input: FileTaskInput): Promise<FileTaskOutput> => {
    const aggregator = new StreamAggregator();
    let bytes = 0;
    let lineCount = 0;
    for await (const chunk of readChunks(input.abs, input.rel, opts.streamChunkBytes)) {
      const buf = normalizeBuffer(chunk.text);
      const lines = new LineIndex(buf);
      const shift = chunk.firstLine - 1 - chunk.prefixLines;
      const own = classifyText(buf, input.rel, lines).filter((f) => (f.location?.line ?? 0) > chunk.prefixLines);
      for (const f of own) {
        if (!f.location) continue;
        f.location = { ...f.location, line: f.location.line + shift, ...(f.location.endLine !== undefined ? { endLine: f.location.endLine + shift } : {}) };
      }
      aggregator.add(own, (line) => lines.lineText(line - shift));
      bytes += chunk.text.length;
      lineCount = chunk.firstLine - 1 + lines.lineCount - chunk.prefixLines;
    }
    const { findings, lineText } = aggregator.findings();
    fingerprintFindings(findings, lineText);
    return { rel: input.rel, findings, evidence: [], bytes, lines: lineCount };
  };

  /** `pending`: the file's read already under way (see scanInOrder). */
  return async function scanFile(input: FileTaskInput, pending?: Promise<ReadOutcome>): Promise<FileTaskOutput> {
    if (input.container) {
      if (input.codeOnly) return { rel: input.rel, findings: [], evidence: [], bytes: 0, lines: 0 };
      // The archive, workbook, document and PDF readers load with the first container met.
      const { scanContainer } = await import('./container-task.js');
      const c = await scanContainer(input.abs, input.rel, input.size ?? 0, opts.containerLimits ?? DEFAULT_CONTAINER_LIMITS, classifyText);
      // Each inner file has its own context (backup.zip!/test/fixtures/x.csv is test data).
      const judge = judgeFor(input);
      const inRoot = input.inRoot ?? input.rel;
      const byPath = new Map<string, Finding[]>();
      for (const f of c.findings) {
        if (isValueFinding(f) && f.location) byPath.set(f.location.path, [...(byPath.get(f.location.path) ?? []), f]);
      }
      for (const [inner, found] of byPath) {
        const lines = c.unitLines.get(inner);
        annotateValueFindings(found, classifyFileContext(inRoot + inner.slice(input.rel.length)), judge, undefined, lines && ((l) => lines.lineText(l)), userRules);
      }
      return { rel: input.rel, findings: c.findings, evidence: [], bytes: c.bytes, lines: c.lines, notices: c.notices, ...(Object.keys(c.innerTexts).length ? { innerTexts: c.innerTexts } : {}) };
    }
    const read = await (pending ?? readForScan(input.abs, input.rel));
    if (!read.ok) {
      return 'error' in read
        ? { rel: input.rel, findings: [], evidence: [], bytes: 0, lines: 0, problem: read.error }
        : { rel: input.rel, findings: [], evidence: [], bytes: 0, lines: 0, skipped: read.skip };
    }
    if (read.ok === 'stream') {
      if (input.codeOnly) return { rel: input.rel, findings: [], evidence: [], bytes: 0, lines: 0 };
      try {
        return await scanStreamed(input);
      } catch (err) {
        // A file that cannot be finished is reported and skipped; the scan goes on.
        return { rel: input.rel, findings: [], evidence: [], bytes: 0, lines: 0, problem: `could not be scanned: ${(err as Error).message.split('\n')[0]}` };
      }
    }
    const { buf } = read;
    const lines = new LineIndex(buf);
    let findings: Finding[] = [];
    if (!input.codeOnly) findings = await dropExpressionValues(classifyText(buf, input.rel, lines), input.rel, () => buf.toString('utf8'));
    let evidence: Evidence[] = [];
    let summary: unknown;
    let problem: string | undefined;
    if (loadCodeAnalyzer && wantsCodeAnalysis(input.rel, opts)) {
      const analyzeCode = await loadCodeAnalyzer();
      try {
        const code = analyzeCode({ path: input.rel }, buf.toString('utf8'));
        findings = findings.concat(code.findings);
        evidence = code.evidence;
        summary = code.summary;
        problem = code.problem;
      } catch (err) {
        // A parser crash on one file must never stop the scan.
        problem = `code analysis failed: ${(err as Error).message.split('\n')[0]}`;
      }
    }
    if (findings.some(isValueFinding)) {
      const script = scriptKindOf(input.rel) !== undefined;
      const lineText = (l: number) => lines.lineText(l);
      // Inline SVG data in any file; JSDoc @example sections in TS/JS.
      const atLine = (l: number) => lineContext(lineText(l)) ?? (script ? jsdocExampleContext(lineText, l) : undefined);
      annotateValueFindings(findings, classifyFileContext(input.inRoot ?? input.rel, buf), judgeFor(input), atLine, lineText, userRules);
    }
    findings = aggregateValues(input.rel, findings);
    fingerprintFindings(findings, (l) => lines.lineText(l));
    return { rel: input.rel, findings, evidence, bytes: buf.length, lines: lines.lineCount, problem, summary };
  };
}

/**
 * Scans files one after another, reading the next file while the current one is classified:
 * classification is synchronous CPU work, so the read (open, stat, read, close in the libuv pool)
 * would otherwise leave the thread idle between files.
 */
export async function scanInOrder(
  scanFile: (input: FileTaskInput, pending?: Promise<ReadOutcome>) => Promise<FileTaskOutput>,
  inputs: readonly FileTaskInput[],
  each: (out: FileTaskOutput) => void,
): Promise<void> {
  // A read that fails while the previous file is still being classified must not be an unhandled rejection.
  const read = (i: number): Promise<ReadOutcome> | undefined =>
    i < inputs.length && !inputs[i]!.container ? readForScan(inputs[i]!.abs, inputs[i]!.rel).catch((err: Error) => ({ ok: false, error: `cannot read (${err.message})` })) : undefined;
  let next = read(0);
  for (let i = 0; i < inputs.length; i++) {
    const current = next!;
    next = read(i + 1);
    each(await scanFile(inputs[i]!, current));
  }
}
