/**
 * Entry point of the GitHub Action (action.yml runs dist/cli/action-entry.js): the Action's
 * logic (src/pr/action.ts) around an in-process run of pdscan's command line.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAction } from '../pr/action.js';
import { main } from './main.js';

// Run when executed directly (node dist/cli/action-entry.js), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runAction(main).then((code) => {
    process.exitCode = code;
  });
}
