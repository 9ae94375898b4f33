/**
 * Entry point. Exit codes, the same for every command and documented in the README: 0 ok, 1 findings at/above --fail-on, 2 usage or
 * configuration error, 3 the scan could not run. Errors are one line; stacks only with --debug.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, ScanError } from '../util/errors.js';
import { TOOL_VERSION } from './version.js';
import { registerScan } from './commands/scan.js';
import { registerRules } from './commands/rules.js';
import { registerDb } from './commands/db.js';
import { registerBaseline } from './commands/baseline.js';
import { registerInventory } from './commands/inventory.js';
import { registerInit } from './commands/init.js';

export const EXIT = { ok: 0, findings: 1, usage: 2, cannotRun: 3 } as const;

/**
 * A reader that stops early (`| head`) closes the pipe: that is not an error, and exit 1 would
 * read as "findings at or above --fail-on". Leave quietly with what was asked for written.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(EXIT.ok);
  });
}

export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnClosedPipe(process.stdout);
  const debug = argv.includes('--debug');
  let code: number = EXIT.ok;
  const run = async (fn: () => Promise<number>) => {
    code = await fn();
  };
  const program = new Command('pdscan')
    .description("Find personal data in code and databases, mapped to Vietnam's personal-data law")
    .version(TOOL_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  registerScan(program, run);
  registerRules(program, run);
  registerDb(program, run);
  registerBaseline(program, run);
  registerInventory(program, run);
  registerInit(program, run);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    return handleError(err, debug);
  }
}

export function handleError(err: unknown, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Commander already printed its message; help and version are not errors.
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  const code = e instanceof ConfigError ? EXIT.usage : EXIT.cannotRun;
  process.stderr.write(`pdscan: ${e instanceof ConfigError || e instanceof ScanError ? '' : 'error: '}${e.message}\n`);
  if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
  return code;
}
