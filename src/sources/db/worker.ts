/**
 * Worker thread for `pdscan db`: its own connections (read-only, like the main thread's) and its
 * own classifier; samples and judges the tables it is sent and returns findings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Classifier } from '../../classify/engine.js';
import { parseDbUrl } from './url.js';
import { connect } from './connect.js';
import { inProcessRunner, type FromWorker, type TableRunner, type ToWorker, type WorkerSetup } from './table-runner.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

async function main(): Promise<void> {
  let runner: TableRunner;
  try {
    const url = parseDbUrl(setup.url, setup.env);
    const connector = await connect(url, { timeoutMs: setup.timeoutMs, concurrency: setup.concurrency, sslCa: setup.sslCa });
    runner = inProcessRunner(url.engine, connector, new Classifier(setup.rules), setup.regime, setup.sampleSize);
  } catch (err) {
    post({ type: 'fatal', message: (err as Error).message });
    return;
  }
  port.on('message', (m: ToWorker) => {
    if (m.type === 'table') {
      void runner.run(m.table).then((outcome) => post({ type: 'done', id: m.id, outcome }));
    } else {
      void runner.close().then(() => post({ type: 'closed' }));
    }
  });
  post({ type: 'ready' });
}

void main();
