/**
 * Progress on stderr, only when stderr is a terminal and --quiet is off: a bar with files (or
 * tables) done, total, throughput and the current item. Silent otherwise, so CI logs stay clean.
 */
import cliProgress from 'cli-progress';
import { silentProgress, type Progress } from '../util/progress.js';

export function createProgress(enabled: boolean, unit = 'files'): Progress {
  if (!enabled) return silentProgress;
  const bar = new cliProgress.SingleBar(
    {
      format: `{bar} {value}/{total} ${unit} | {rate} | {item}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  );
  let bytes = 0;
  let startedAt = 0;
  const rate = () => {
    const secs = (Date.now() - startedAt) / 1000;
    return secs > 0 && bytes > 0 ? `${(bytes / 1048576 / secs).toFixed(1)} MB/s` : '';
  };
  const short = (s: string) => (s.length > 50 ? `…${s.slice(-49)}` : s);
  return {
    start(total) {
      startedAt = Date.now();
      bar.start(total, 0, { item: '', rate: '' });
    },
    tick(item, b = 0) {
      bytes += b;
      bar.increment(1, { item: short(item), rate: rate() });
    },
    current(item) {
      bar.update({ item: short(item) });
    },
    stop() {
      bar.stop();
    },
  };
}
