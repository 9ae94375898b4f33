/** Where the file pipeline meets code understanding (src/sources/code). */
import type { CodeAnalyzer } from './file-task.js';
import type { Finding } from '../model/finding.js';
import type { Evidence } from '../model/result.js';

export function codeAnalyzer(): CodeAnalyzer | undefined {
  return undefined;
}

export function linkCode(_summaries: Map<string, unknown>): { findings: Finding[]; evidence: Evidence[] } {
  return { findings: [], evidence: [] };
}
