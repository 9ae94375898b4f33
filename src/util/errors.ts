/** A user-facing configuration problem: exit code 2, one line, no stack trace. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The scan could not run at all (unreachable database, unreadable root): exit code 3. */
export class ScanError extends Error {
  override readonly name = 'ScanError';
}
