/** Where the file pipeline meets code understanding (src/sources/code). */
import type { CodeAnalyzer } from './file-task.js';
import type { Finding } from '../model/finding.js';
import type { Evidence } from '../model/result.js';
import type { CodeSettings } from '../sources/code/contract.js';
import { analyzeFile, linkProject } from '../sources/code/index.js';

export function codeAnalyzer(settings: CodeSettings = {}): CodeAnalyzer {
  return (ctx, text) => analyzeFile({ ...settings, ...ctx }, text);
}

export function linkCode(summaries: Map<string, unknown>, settings: CodeSettings = {}): { findings: Finding[]; evidence: Evidence[] } {
  return linkProject(summaries, { regime: settings.regime });
}
