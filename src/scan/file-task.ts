/**
 * The work done for one file, inside a worker: read and decode, classify values, run code
 * analysis on code and schema files, aggregate bulk data, fingerprint. Pure with respect to
 * the rest of the scan, so it runs the same in a worker or in-process.
 */
import type { Finding } from '../model/finding.js';
import type { Evidence } from '../model/result.js';
import type { RuleDef } from '../rules/types.js';
import { Classifier, type Match } from '../classify/engine.js';
import { readForScan, type ReadOutcome } from '../sources/files/read.js';
import { hintFor } from '../sources/files/structured.js';
import { keyedFindings } from '../classify/keyed/index.js';
import { LineIndex } from '../util/lines.js';
import { aggregateValues } from './aggregate.js';
import { fingerprintFindings } from '../model/fingerprint.js';
import type { AnalyzerContext, FileAnalysis } from '../sources/code/contract.js';
import { wantsCodeAnalysis } from '../sources/code/scope.js';

export interface FileTaskInput {
  abs: string;
  rel: string;
  /** Only code understanding runs (diff-mode context files). */
  codeOnly?: boolean;
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

export interface FileScannerOptions {
  /** Run code understanding on test, spec and story files too (default: only their text is classified). */
  includeTests?: boolean;
}

export function createFileScanner(rules: RuleDef[], loadCodeAnalyzer?: () => Promise<CodeAnalyzer>, opts: FileScannerOptions = {}) {
  const classifier = new Classifier(rules);
  const ruleNames = new Map(rules.map((r) => [r.id, r.name]));

  /** `pending`: the file's read already under way (see scanInOrder). */
  return async function scanFile(input: FileTaskInput, pending?: Promise<ReadOutcome>): Promise<FileTaskOutput> {
    const read = await (pending ?? readForScan(input.abs, input.rel));
    if (!read.ok) {
      return 'error' in read
        ? { rel: input.rel, findings: [], evidence: [], bytes: 0, lines: 0, problem: read.error }
        : { rel: input.rel, findings: [], evidence: [], bytes: 0, lines: 0, skipped: read.skip };
    }
    const { buf } = read;
    const lines = new LineIndex(buf);
    let findings: Finding[] = [];
    if (!input.codeOnly) {
      const hintAt = hintFor(input.rel, buf, lines);
      const matches = classifier.classifyBuffer(buf, { hintAt });
      findings = matches.map((m) => matchToFinding(m, input.rel, lines, ruleNames));
      // Values whose only context is their key or column (CSV header, JSON key, SQL column list).
      findings = findings.concat(keyedFindings({ buf, rel: input.rel, lines, matches }));
    }
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
    i < inputs.length ? readForScan(inputs[i]!.abs, inputs[i]!.rel).catch((err: Error) => ({ ok: false, error: `cannot read (${err.message})` })) : undefined;
  let next = read(0);
  for (let i = 0; i < inputs.length; i++) {
    const current = next!;
    next = read(i + 1);
    each(await scanFile(inputs[i]!, current));
  }
}
