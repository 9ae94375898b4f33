import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that talk to PostgreSQL or MariaDB: their project's global set-up finds or starts the servers. */
const DB_TESTS = ['test/db/postgres.test.ts', 'test/db/mysql.test.ts', 'test/db/cli.test.ts'];

export default defineConfig({
  test: {
    // Database and CLI tests spawn processes and talk to real servers; two cores is all we have.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...DB_TESTS] } },
      // Vitest runs a project's global set-up only when the run includes one of its files.
      { extends: true, test: { name: 'db', include: DB_TESTS, globalSetup: ['test/setup/databases.ts'] } },
    ],
  },
});
