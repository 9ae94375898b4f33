/**
 * Test helper: analyse a set of in-memory files the way the pipeline does (analyzeFile per file,
 * then linkProject) and return every finding and all evidence.
 */
import type { Finding } from '../../src/model/finding.js';
import type { Evidence } from '../../src/model/result.js';
import { analyzeFile, linkProject } from '../../src/sources/code/index.js';
import { isManifestPath } from '../../src/sources/code/manifests.js';

export interface ScanOutput {
  findings: Finding[];
  evidence: Evidence[];
  problems: Array<{ path: string; problem: string }>;
}

export function scanSources(files: Record<string, string>): ScanOutput {
  const summaries = new Map<string, unknown>();
  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  const problems: ScanOutput['problems'] = [];
  for (const [path, text] of Object.entries(files)) {
    const r = analyzeFile({ path }, text);
    findings.push(...r.findings);
    evidence.push(...r.evidence);
    if (r.problem) problems.push({ path, problem: r.problem });
    // The summary crosses a worker boundary in the real pipeline.
    if (r.summary !== undefined) summaries.set(path, structuredClone(r.summary));
  }
  const manifests = Object.entries(files).flatMap(([path, text]) => (isManifestPath(path) ? [{ path, text }] : []));
  const linked = linkProject(summaries, { manifests });
  findings.push(...linked.findings);
  evidence.push(...linked.evidence);
  return { findings, evidence, problems };
}

/** Non-declaration findings, as "ruleId line [categories]" strings for compact assertions. */
export function flowSummary(out: ScanOutput, path?: string): string[] {
  return out.findings
    .filter((f) => f.kind !== 'declaration' && (!path || f.location?.path === path))
    .map((f) => `${f.ruleId} ${f.location?.line} [${f.categories.join(',')}]`)
    .sort();
}

/** Flow results as "path:line → sink path:line [categories]" (the sink only for call-site results), sorted. */
export function flowSites(files: Record<string, string>): string[] {
  return scanSources(files)
    .findings.filter((f) => f.kind === 'flow')
    .map((f) => {
      const sink = f.properties?.['sinkLocation'] as { path: string; line: number } | undefined;
      return `${f.location?.path}:${f.location?.line}${sink ? ` → ${sink.path}:${sink.line}` : ''} [${f.categories.join(',')}]`;
    })
    .sort();
}
