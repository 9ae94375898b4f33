/**
 * Piscina worker: compiles the rules once (per worker) and scans batches of files. The rules
 * arrive already loaded and validated by the main thread, so workers do not re-read YAML.
 */
import { workerData } from 'node:worker_threads';
import type { RuleDef } from '../rules/types.js';
import { createFileScanner, scanInOrder, type FileTaskInput, type FileTaskOutput } from './file-task.js';
import { codeAnalyzerLoader } from './code-analyzer.js';
import type { CodeSettings } from '../sources/code/contract.js';
import type { ContainerLimits } from '../sources/files/containers/types.js';

interface WorkerData {
  rules: RuleDef[];
  code: boolean;
  codeSettings: CodeSettings;
  containerLimits?: ContainerLimits;
}

const data = workerData as WorkerData;
const scanFile = createFileScanner(data.rules, data.code ? codeAnalyzerLoader(data.codeSettings) : undefined, { includeTests: data.codeSettings.includeTests, containerLimits: data.containerLimits });

export default async function scanBatch(files: FileTaskInput[]): Promise<FileTaskOutput[]> {
  const out: FileTaskOutput[] = [];
  await scanInOrder(scanFile, files, (o) => out.push(o));
  return out;
}
