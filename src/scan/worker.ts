/**
 * Piscina worker: compiles the rule packs once (per worker) and scans batches of files.
 */
import { workerData } from 'node:worker_threads';
import { loadRules, type LoadRulesOptions } from '../rules/load.js';
import { createFileScanner, type FileTaskInput, type FileTaskOutput } from './file-task.js';
import { codeAnalyzer } from './code-analyzer.js';
import type { CodeSettings } from '../sources/code/contract.js';

interface WorkerData {
  ruleOptions: LoadRulesOptions;
  code: boolean;
  codeSettings: CodeSettings;
}

const data = workerData as WorkerData;
const scanFile = createFileScanner(loadRules(data.ruleOptions), data.code ? codeAnalyzer(data.codeSettings) : undefined);

export default async function scanBatch(files: FileTaskInput[]): Promise<FileTaskOutput[]> {
  const out: FileTaskOutput[] = [];
  for (const f of files) out.push(await scanFile(f));
  return out;
}
