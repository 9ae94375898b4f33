/**
 * Global set-up of the `db` test project: finds or starts PostgreSQL and MariaDB once for the
 * whole run, hands their URLs to the tests (inject('pgUrl'), inject('mysqlUrl')), says on one
 * line each what it used, and stops what it started. When a server cannot be had, the suite
 * stops with one line naming what to install: database tests never pass or skip silently.
 */
import type { TestProject } from 'vitest/node';
import { postgresForTests } from './postgres-server.js';
import { mysqlForTests } from './mysql-server.js';
import { NoServerError, type DbServer } from './throwaway.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    mysqlUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started: DbServer[] = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop().catch((e: unknown) => console.error(`could not stop a test server: ${(e as Error).message}`));
  };
  try {
    for (const find of [postgresForTests, mysqlForTests]) {
      const server = await find();
      started.push(server);
      console.log(`[db tests] ${server.describe}`);
    }
  } catch (err) {
    await stopAll();
    if (err instanceof NoServerError) {
      // One line and stop: thrown, the error would come wrapped in vitest's report, under a
      // misleading "No test files found". What to install is all a contributor needs to read.
      process.stderr.write(`pdscan tests: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  project.provide('pgUrl', started[0]!.url);
  project.provide('mysqlUrl', started[1]!.url);
  return stopAll;
}
