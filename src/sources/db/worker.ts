/**
 * Piscina worker for `pdscan db`: its own connections (read-only, like the main thread's; its
 * share of the scan's --concurrency) and its own classifier; samples and judges the tables it is
 * given and returns findings. When the pool closes, the main thread says so on the pool's
 * channel and the worker closes its connections before the pool stops the thread.
 */
import { BroadcastChannel, workerData } from 'node:worker_threads';
import { Classifier } from '../../classify/engine.js';
import { parseDbUrl } from './url.js';
import { connect } from './connect.js';
import type { TableInfo } from './types.js';
import { CLOSE, COUNTER, connectionShare, inProcessRunner, type TableRunner, type WorkerOutcome, type WorkerSetup } from './table-runner.js';

const setup = workerData as WorkerSetup;
const counters = new Int32Array(setup.counters);
const finish = () => Atomics.add(counters, COUNTER.FINISHED, 1);

/** Closes once, whether asked on the channel or, when still connecting then, by the CLOSING flag. */
function closeWhenAsked(runner: TableRunner): void {
  const bc = new BroadcastChannel(setup.channel);
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    bc.close();
    void runner.close().finally(finish);
  };
  bc.onmessage = (e) => {
    if ((e as MessageEvent).data === CLOSE) close();
  };
  if (Atomics.load(counters, COUNTER.CLOSING)) close();
}

async function start(): Promise<(table: TableInfo) => Promise<WorkerOutcome>> {
  const index = Atomics.add(counters, COUNTER.STARTED, 1);
  try {
    const url = parseDbUrl(setup.url, setup.env);
    const connector = await connect(url, { timeoutMs: setup.timeoutMs, concurrency: connectionShare(index, setup.concurrency, setup.threads), sslCa: setup.sslCa });
    const runner = inProcessRunner(url.engine, connector, new Classifier(setup.rules), setup.regime, setup.sampleSize);
    closeWhenAsked(runner);
    return (table) => runner.run(table);
  } catch (err) {
    finish();
    // The main thread turns this into a ScanError (exit 3): the database cannot be scanned.
    const fatal = (err as Error).message;
    return async () => ({ ok: false, fatal });
  }
}

export default start();
