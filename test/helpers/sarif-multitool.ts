/**
 * Runs Microsoft's SARIF Multitool (shipped as a native binary in the npm package
 * @microsoft/sarif-multitool-linux) with GitHub's rule set, and returns the errors it reports.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/util/paths.js';

export const MULTITOOL = path.join(PACKAGE_ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

interface ValidationLog {
  runs: Array<{ results?: Array<{ ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }> }>;
}

/** Validates a SARIF file; returns the error-level results (empty when valid). */
export function multitoolErrors(sarifFile: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-sarif-'));
  const out = path.join(dir, 'validation.sarif');
  execFileSync(MULTITOOL, ['validate', '--rule-kind', 'Gh;Sarif', '--output', out, sarifFile], {
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    stdio: 'pipe',
  });
  const log = JSON.parse(readFileSync(out, 'utf8')) as ValidationLog;
  return log.runs.flatMap((r) => r.results ?? [])
    .filter((r) => (r.level ?? 'warning') === 'error')
    .map((r) => `${r.ruleId}: ${r.message.text ?? (r.message.arguments ?? []).join(' ')}`);
}

export function multitoolErrorsFor(sarif: object): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-sarif-'));
  const file = path.join(dir, 'in.sarif');
  writeFileSync(file, JSON.stringify(sarif));
  return multitoolErrors(file);
}
