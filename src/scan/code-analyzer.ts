/**
 * Where the file pipeline meets code understanding (src/sources/code). Loaded on first use: the
 * TypeScript parser is a large module, and a scan without code files (or with --no-code) should
 * not pay for it in every worker.
 */
import type { CodeAnalyzer } from './file-task.js';
import type { Finding } from '../model/finding.js';
import type { Evidence } from '../model/result.js';
import type { CodeSettings } from '../sources/code/contract.js';
import type { ManifestFile } from '../sources/code/manifests.js';

export type CodeAnalyzerLoader = () => Promise<CodeAnalyzer>;

export function codeAnalyzerLoader(settings: CodeSettings = {}): CodeAnalyzerLoader {
  let loaded: Promise<CodeAnalyzer> | undefined;
  return () =>
    (loaded ??= import('../sources/code/index.js').then(({ analyzeFile }) => (ctx, text) => analyzeFile({ ...settings, ...ctx }, text)));
}

export async function linkCode(summaries: Map<string, unknown>, settings: CodeSettings = {}, manifests: ManifestFile[] = []): Promise<{ findings: Finding[]; evidence: Evidence[] }> {
  const { linkProject } = await import('../sources/code/index.js');
  return linkProject(summaries, { regime: settings.regime, manifests });
}
