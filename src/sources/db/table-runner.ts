/**
 * Who samples and judges a table: this thread (small scans, tests) or worker threads (big scans),
 * each worker with its own connections and classifier so that classification, which is CPU-bound,
 * uses every core while sampling waits on the database. Only table descriptions go to a worker and
 * only findings come back: sampled values never cross threads.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Classifier } from '../../classify/engine.js';
import type { Regime } from '../../model/categories.js';
import type { RuleDef } from '../../rules/types.js';
import type { DbConnector, TableInfo } from './types.js';
import type { DbEngine } from './url.js';
import { analyzeTable, type TableAnalysis } from './analyze-table.js';

export type TableOutcome = { ok: true; analysis: TableAnalysis; rows: number; notes: string[] } | { ok: false; error: string };

export interface TableRunner {
  run(table: TableInfo): Promise<TableOutcome>;
  close(): Promise<void>;
}

type Describing = DbConnector & { describe(err: unknown): string };

export function inProcessRunner(engine: DbEngine, connector: Describing, classifier: Classifier, regime: Regime, sampleSize: number): TableRunner {
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
  concurrency: number;
  sslCa?: string;
  rules: RuleDef[];
  regime: Regime;
  sampleSize: number;
}

export type ToWorker = { type: 'table'; id: number; table: TableInfo } | { type: 'close' };
export type FromWorker = { type: 'ready' } | { type: 'fatal'; message: string } | { type: 'done'; id: number; outcome: TableOutcome } | { type: 'closed' };

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

/** Workers exist only in the built package (dist/); from sources (tests, tsx) tables run in process. */
export function workersAvailable(): boolean {
  return existsSync(WORKER);
}

export async function workerRunner(threads: number, setup: WorkerSetup): Promise<TableRunner> {
  // Connections are shared out so that all workers together open at most `concurrency`.
  const share = (i: number) => Math.max(1, Math.floor(setup.concurrency / threads) + (i < setup.concurrency % threads ? 1 : 0));
  const workers: Array<{ w: Worker; busy: number }> = [];
  const pending = new Map<number, (o: TableOutcome) => void>();
  let nextId = 0;
  const start = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'fatal') reject(new Error(m.message));
        else if (m.type === 'done') {
          pending.get(m.id)?.(m.outcome);
          pending.delete(m.id);
        }
      };
      w.on('message', onMessage);
      w.once('error', reject);
    });
  try {
    for (let i = 0; i < threads; i++) {
      const w = new Worker(WORKER, { workerData: { ...setup, concurrency: share(i) } satisfies WorkerSetup });
      workers.push({ w, busy: 0 });
      await start(w);
    }
  } catch (err) {
    await Promise.all(workers.map((x) => x.w.terminate()));
    throw err;
  }
  return {
    run(table) {
      // The least busy worker: a slow table on one does not hold up the others.
      const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      slot.busy++;
      const id = nextId++;
      return new Promise<TableOutcome>((resolve) => {
        pending.set(id, (o) => {
          slot.busy--;
          resolve(o);
        });
        slot.w.postMessage({ type: 'table', id, table } satisfies ToWorker);
      });
    },
    async close() {
      await Promise.all(
        workers.map(
          ({ w }) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => void w.terminate().then(() => resolve()), 10_000);
              w.on('message', (m: FromWorker) => {
                if (m.type === 'closed') {
                  clearTimeout(timer);
                  void w.terminate().then(() => resolve());
                }
              });
              w.postMessage({ type: 'close' } satisfies ToWorker);
            }),
        ),
      );
    },
  };
}
