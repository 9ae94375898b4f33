/**
 * Runs a command and measures it: wall time, CPU time (user + sys, from /usr/bin/time when the
 * machine has it: on a loaded machine wall time mostly measures the other processes) and peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Timed {
  status: number | null;
  stdout: string;
  stderr: string;
  wallS: number;
  /** user + sys seconds; undefined without /usr/bin/time. */
  cpuS?: number;
  maxRssMb?: number;
}

const TIME = '/usr/bin/time';

export function timed(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Timed {
  const useTime = existsSync(TIME);
  const dir = mkdtempSync(path.join(tmpdir(), 'pdscan-timed-'));
  const out = path.join(dir, 'time.txt');
  const t0 = performance.now();
  const r = useTime
    ? spawnSync(TIME, ['-o', out, '-f', '%U %S %M', cmd, ...args], { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
    : spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wallS = (performance.now() - t0) / 1000;
  let cpuS: number | undefined;
  let maxRssMb: number | undefined;
  if (useTime) {
    const last = readFileSync(out, 'utf8').trim().split('\n').pop() ?? '';
    const [u, s, m] = last.split(' ').map(Number);
    if (Number.isFinite(u) && Number.isFinite(s)) cpuS = u! + s!;
    if (Number.isFinite(m)) maxRssMb = m! / 1024;
  }
  rmSync(dir, { recursive: true, force: true });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, wallS, cpuS, maxRssMb };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const fmt = (s: number | undefined): string => (s === undefined ? 'n/a' : `${s.toFixed(2)} s`);
