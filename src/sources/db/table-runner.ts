/**
 * Who samples and judges a table: this thread (small scans, tests) or a piscina pool of worker
 * threads (big scans; the same pool library as the file scan), each worker with its own
 * connections and classifier so that classification, which is CPU-bound, uses every core while
 * sampling waits on the database. Only table descriptions go to a worker and only findings come
 * back: sampled values never cross threads.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Classifier } from '../../classify/engine.js';
import type { Regime } from '../../model/categories.js';
import type { RuleDef } from '../../rules/types.js';
import type { DbConnector, TableInfo } from './types.js';
import type { DbEngine } from './url.js';
import { ScanError } from '../../util/errors.js';
import { analyzeTable, type TableAnalysis } from './analyze-table.js';

export type TableOutcome = { ok: true; analysis: TableAnalysis; rows: number; notes: string[] } | { ok: false; error: string };

export interface TableRunner {
  run(table: TableInfo): Promise<TableOutcome>;
  close(): Promise<void>;
}

export function inProcessRunner(engine: DbEngine, connector: DbConnector, classifier: Classifier, regime: Regime, sampleSize: number): TableRunner {
  return {
    async run(table) {
      try {
        const sample = await connector.sample(table, { sampleSize });
        return { ok: true, analysis: analyzeTable(engine, table, sample, classifier, regime), rows: sample.rows, notes: sample.notes ?? [] };
      } catch (err) {
        return { ok: false, error: connector.describe(err) };
      }
    },
    close: () => connector.close(),
  };
}

/** What a worker needs to connect and judge on its own (all structured-clonable). */
export interface WorkerSetup {
  url: string;
  /** Only the password variables: the worker must resolve the URL exactly like this thread. */
  env: Record<string, string>;
  timeoutMs: number;
  /** Connections of all workers together. */
  concurrency: number;
  threads: number;
  sslCa?: string;
  rules: RuleDef[];
  regime: Regime;
  sampleSize: number;
  /** Int32 counters shared by the workers and this thread, at the COUNTER indexes. */
  counters: SharedArrayBuffer;
  /** BroadcastChannel on which workers are asked to close their connections. */
  channel: string;
}

/** A worker that could not connect answers every table with this instead of an outcome. */
export type WorkerOutcome = TableOutcome | { ok: false; fatal: string };

/**
 * STARTED hands each worker its index; FINISHED counts workers whose connections are closed (or
 * never opened); CLOSING is set once the pool is closing, for workers still connecting then.
 */
export const COUNTER = { STARTED: 0, FINISHED: 1, CLOSING: 2 } as const;
export const CLOSE = 'close';

/** Connections are shared out so that all workers together open at most `concurrency`. */
export function connectionShare(index: number, concurrency: number, threads: number): number {
  return Math.max(1, Math.floor(concurrency / threads) + (index < concurrency % threads ? 1 : 0));
}

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
/** How long workers get to close their connections before they are stopped. */
const CLOSE_TIMEOUT_MS = 10_000;

/** Workers exist only in the built package (dist/); from sources (tests, tsx) tables run in process. */
export function workersAvailable(): boolean {
  return existsSync(WORKER);
}

export function workerRunner(setup: Omit<WorkerSetup, 'counters' | 'channel'>): TableRunner {
  const counters = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const channel = `pdscan-db-${randomUUID()}`;
  const pool = new Piscina({
    filename: WORKER,
    minThreads: setup.threads,
    maxThreads: setup.threads,
    // Sampling waits on the database: a worker judges as many tables at once as it has connections.
    concurrentTasksPerWorker: connectionShare(0, setup.concurrency, setup.threads),
    // Workers keep connections (and the close channel) alive between tables: no blocking wait.
    atomics: 'disabled',
    workerData: { ...setup, counters, channel } satisfies WorkerSetup,
  });
  return {
    async run(table) {
      const outcome = (await pool.run(table)) as WorkerOutcome;
      if ('fatal' in outcome) throw new ScanError(`cannot start database workers: ${outcome.fatal}`);
      return outcome;
    },
    async close() {
      await closeConnections(channel, new Int32Array(counters));
      await pool.destroy();
    },
  };
}

/** Asks every worker to close its connections and waits until all started workers have (bounded). */
function closeConnections(name: string, counters: Int32Array): Promise<void> {
  Atomics.store(counters, COUNTER.CLOSING, 1);
  const bc = new BroadcastChannel(name);
  bc.postMessage(CLOSE);
  const finished = () => Atomics.load(counters, COUNTER.FINISHED) >= Atomics.load(counters, COUNTER.STARTED);
  return new Promise<void>((resolve) => {
    const startedAt = Date.now();
    const poll = setInterval(() => {
      if (!finished() && Date.now() - startedAt < CLOSE_TIMEOUT_MS) return;
      clearInterval(poll);
      bc.close();
      resolve();
    }, 5);
  });
}
