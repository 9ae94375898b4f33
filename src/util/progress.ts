/**
 * How long-running work (file scans, database tables) reports its progress. The work only sees
 * this interface; the terminal bar behind it belongs to the command line (src/cli/progress.ts).
 */
export interface Progress {
  start(total: number, totalBytes?: number): void;
  tick(item: string, bytes?: number): void;
  /** Report the item now being worked on without counting it done (slow database tables). */
  current?(item: string): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, current() {}, stop() {} };
