/** Piscina worker for bench/code-throughput.ts: analyse one file, return its summary. */
import { readFileSync } from 'node:fs';
import { analyzeFile } from '../src/sources/code/index.js';

export default function analyze({ abs, rel }: { abs: string; rel: string }): { lines: number; findings: number; problem?: string; summary: unknown } {
  const text = readFileSync(abs, 'utf8');
  const r = analyzeFile({ path: rel }, text);
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { lines, findings: r.findings.length, ...(r.problem ? { problem: r.problem } : {}), summary: r.summary };
}
