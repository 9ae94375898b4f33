#!/usr/bin/env node
// Thin launcher so `npx pdscan` works from a clone after `npm ci` (prepare builds dist/).
import { main } from '../dist/cli/main.js';
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
