/**
 * `pdscan scan`: walk → classify in a worker pool → findings. Output order is deterministic
 * (by path, then position) whatever the number of threads.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../model/finding.js';
import { compareFindings } from '../model/finding.js';
import { evidenceWithReportedCategories, withReportedCategories } from '../model/categories.js';
import type { Evidence, ScanProblem, ScanResult } from '../model/result.js';
import { loadRules, type LoadRulesOptions } from '../rules/load.js';
import { walk } from '../sources/files/walk.js';
import { ScanCache } from './cache.js';
import { createFileScanner, scanInOrder, type FileTaskInput, type FileTaskOutput } from './file-task.js';
import { codeAnalyzerLoader, linkCode } from './code-analyzer.js';
import type { Progress } from '../util/progress.js';
import type { CodeSettings } from '../sources/code/contract.js';
import type { ContainerLimits } from '../sources/files/containers/types.js';
import { looksLikeIdDocument } from '../sources/files/containers/id-document.js';
import { isManifestPath, MAX_MANIFEST_BYTES, type ManifestFile } from '../sources/code/manifests.js';

export interface FileScanOptions {
  paths: string[];
  cwd: string;
  threads?: number;
  maxFileSize: number;
  ignore?: string[];
  ruleOptions: LoadRulesOptions;
  /** Run code understanding (declarations, flows). Default true. */
  code?: boolean;
  /** Regime and extra recipients for code understanding. */
  codeSettings?: CodeSettings;
  /** Restrict the scan to these repo-relative files (diff mode). */
  onlyFiles?: Set<string>;
  /**
   * Files read only for their code summaries (diff-mode context): no value rules run on them,
   * since none of their own findings can be on a changed line.
   */
  codeOnlyFiles?: Set<string>;
  progress?: Progress;
  /** Limits for archives, workbooks and documents (entries, bytes, ratio, nesting). */
  containerLimits?: ContainerLimits;
  /** SQLite files will be scanned as databases by the caller: do not list them as skipped. */
  includeDatabases?: boolean;
  /** Directory of the incremental cache (--cache): unchanged files are not read or parsed again. */
  cacheDir?: string;
  /** Where cache warnings go (default: stderr). */
  warn?: (message: string) => void;
}

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
/**
 * Small scans are faster without workers: a worker costs about a second of CPU to start (module
 * loading and compiling every rule), which is what classifying ~16 MB of text costs.
 */
const IN_PROCESS_BYTES = 16 * 1024 * 1024;
const BATCH_BYTES = 1024 * 1024;
const BATCH_FILES = 64;

function batches(files: FileTaskInput[], sizes: number[]): FileTaskInput[][] {
  const out: FileTaskInput[][] = [];
  let cur: FileTaskInput[] = [];
  let bytes = 0;
  files.forEach((f, i) => {
    cur.push(f);
    bytes += sizes[i]!;
    if (bytes >= BATCH_BYTES || cur.length >= BATCH_FILES) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
  });
  if (cur.length) out.push(cur);
  return out;
}

/** package.json, tsconfig and workspace files: how the project's own packages and aliases are laid out. */
async function readManifests(files: ReadonlyArray<{ abs: string; rel: string; size: number }>): Promise<ManifestFile[]> {
  const picked = files.filter((f) => f.size <= MAX_MANIFEST_BYTES && isManifestPath(f.rel));
  const texts = await Promise.all(picked.map((f) => readFile(f.abs, 'utf8').catch(() => undefined)));
  return picked.flatMap((f, i) => (texts[i] === undefined ? [] : [{ path: f.rel, text: texts[i]! }]));
}

export async function scanFiles(opts: FileScanOptions): Promise<ScanResult & { databases: string[] }> {
  const walked = await walk(opts.paths, { cwd: opts.cwd, maxFileSize: opts.maxFileSize, ignore: opts.ignore });
  let files = walked.files;
  if (opts.onlyFiles) files = files.filter((f) => opts.onlyFiles!.has(f.rel));
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const threads = Math.max(1, opts.threads ?? availableParallelism());
  const code = opts.code !== false;
  opts.progress?.start(files.length, totalBytes);

  const codeOnly = code ? opts.codeOnlyFiles : undefined;
  const inputs: FileTaskInput[] = files.map((f) => ({
    abs: f.abs,
    rel: f.rel,
    inRoot: f.inRoot,
    ...(codeOnly?.has(f.rel) ? { codeOnly: true } : {}),
    ...(f.container ? { container: true, size: f.size } : {}),
  }));
  const rules = loadRules(opts.ruleOptions);
  const warn = opts.warn ?? ((m: string) => process.stderr.write(`pdscan: warning: ${m}\n`));
  const cache = opts.cacheDir
    ? await ScanCache.open(opts.cacheDir, { rules, code, codeSettings: opts.codeSettings ?? {}, containerLimits: opts.containerLimits ?? null }, warn)
    : undefined;
  // Files whose cached results still hold are not read by the classifier or parsed again.
  const cached = new Map<string, FileTaskOutput>();
  if (cache) {
    await cache.hash(inputs.map((f, i) => ({ ...f, size: files[i]!.size })));
    for (const f of inputs) {
      const hit = cache.get(f);
      if (hit) {
        cached.set(f.rel, hit);
        opts.progress?.tick(f.rel, hit.bytes);
      }
    }
  }
  const todo = cached.size ? inputs.filter((f) => !cached.has(f.rel)) : inputs;
  const todoSizes = cached.size ? files.filter((f) => !cached.has(f.rel)).map((f) => f.size) : files.map((f) => f.size);
  const todoBytes = todoSizes.reduce((n, b) => n + b, 0);
  let outputs: FileTaskOutput[];
  const useWorkers = threads > 1 && todoBytes > IN_PROCESS_BYTES && todo.length > 1 && existsSync(WORKER);
  if (useWorkers) {
    const { Piscina } = await import('piscina');
    const pool = new Piscina({
      filename: WORKER,
      minThreads: threads,
      maxThreads: threads,
      workerData: { rules, code, codeSettings: opts.codeSettings ?? {}, containerLimits: opts.containerLimits },
    });
    try {
      const parts = batches(todo, todoSizes);
      const results = await Promise.all(
        parts.map(async (batch) => {
          // A worker that dies (out of memory on one file) loses its batch, not the scan.
          const res = await (pool.run(batch) as Promise<FileTaskOutput[]>).catch((err: Error) =>
            batch.map((f): FileTaskOutput => ({ rel: f.rel, findings: [], evidence: [], bytes: 0, lines: 0, problem: `could not be scanned: ${err.message.split('\n')[0]}` })),
          );
          for (const r of res) opts.progress?.tick(r.rel, r.bytes);
          return res;
        }),
      );
      outputs = results.flat();
    } finally {
      await pool.destroy();
    }
  } else if (todo.length === 0) {
    outputs = []; // everything came from the cache: no classifier to compile
  } else {
    const scanFile = createFileScanner(rules, code ? codeAnalyzerLoader(opts.codeSettings) : undefined, { includeTests: opts.codeSettings?.includeTests, containerLimits: opts.containerLimits });
    const done: FileTaskOutput[] = [];
    await scanInOrder(scanFile, todo, (r) => {
      opts.progress?.tick(r.rel, r.bytes);
      done.push(r);
    });
    outputs = done;
  }
  opts.progress?.stop();
  if (cache) {
    const byRel = new Map(todo.map((f) => [f.rel, f]));
    for (const o of outputs) cache.put(byRel.get(o.rel)!, o);
    await cache.save(warn);
    // Cached and fresh results in walk order, as a run without the cache gives them.
    const fresh = new Map(outputs.map((o) => [o.rel, o]));
    outputs = inputs.flatMap((f) => cached.get(f.rel) ?? fresh.get(f.rel) ?? []);
  }

  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  const problems: ScanProblem[] = [...walked.problems];
  const databases = walked.databases.filter((d) => !opts.onlyFiles || opts.onlyFiles.has(d.rel)).map((d) => d.rel);
  if (!opts.includeDatabases) {
    for (const d of databases) problems.push({ where: d, message: 'database file (SQLite?), not scanned: use --include-databases, or pdscan db sqlite:PATH' });
  }
  const summaries = new Map<string, unknown>();
  let bytes = 0;
  let lines = 0;
  const skipped = { ...walked.skipped, empty: 0 };
  const binaryPaths = [...walked.binaryPaths];
  const minifiedPaths = [...walked.minifiedPaths];
  const innerTexts: Record<string, string> = {};
  for (const o of outputs) {
    findings.push(...o.findings);
    evidence.push(...o.evidence);
    if (o.problem) problems.push({ where: o.rel, message: o.problem });
    if (o.notices) problems.push(...o.notices);
    if (o.innerTexts) Object.assign(innerTexts, o.innerTexts);
    if (o.skipped === 'binary') {
      skipped.binary++;
      binaryPaths.push(o.rel);
    }
    else if (o.skipped === 'minified') {
      skipped.minified++;
      minifiedPaths.push(o.rel);
    }
    else if (o.skipped === 'empty') skipped.empty++;
    if (o.summary !== undefined) summaries.set(o.rel, o.summary);
    bytes += o.bytes;
    lines += o.lines;
  }
  if (code && summaries.size) {
    const linked = await linkCode(summaries, opts.codeSettings, await readManifests(walked.files));
    findings.push(...linked.findings);
    evidence.push(...linked.evidence);
  }
  // Binary files are not read, but one named like an ID card scan is reported by its name.
  const idDocuments = binaryPaths.filter(looksLikeIdDocument);
  if (idDocuments.length) {
    const { idDocumentFinding } = await import('./container-task.js');
    for (const p of idDocuments) findings.push(idDocumentFinding(p, 'binary file named like one; content not read'));
  }
  // Sub-kinds (blood-type, eid-bank-credentials) are reported as their parent category.
  findings.splice(0, findings.length, ...findings.map(withReportedCategories));
  evidence.splice(0, evidence.length, ...evidence.map(evidenceWithReportedCategories));
  findings.sort(compareFindings);
  problems.sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : 0));
  return {
    target: { kind: 'files', name: opts.paths.join(' ') },
    findings,
    evidence,
    problems,
    databases,
    ...(binaryPaths.length ? { skippedBinary: binaryPaths.sort() } : {}),
    ...(minifiedPaths.length ? { skippedMinified: minifiedPaths.sort() } : {}),
    ...(Object.keys(innerTexts).length ? { innerTexts } : {}),
    stats: {
      filesScanned: outputs.length - skipped.binary - skipped.minified - skipped.empty + walked.skipped.binary + walked.skipped.minified,
      bytesScanned: bytes,
      linesScanned: lines,
      filesIgnored: skipped.ignored,
      filesBinary: skipped.binary,
      filesMinified: skipped.minified,
      filesTooLarge: skipped.tooLarge,
      threads: useWorkers ? threads : 1,
      ...(cache ? { filesFromCache: cache.hits } : {}),
    },
  };
}
