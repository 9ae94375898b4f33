/**
 * The GitHub Actions environment: the event payload (to find a pull request's base commit),
 * step outputs (GITHUB_OUTPUT) and the job summary (GITHUB_STEP_SUMMARY).
 * See https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

type Env = Record<string, string | undefined>;

interface EventPayload {
  pull_request?: { base?: { sha?: string; ref?: string }; head?: { sha?: string } };
  merge_group?: { base_sha?: string };
  before?: string;
}

export function readEvent(env: Env = process.env): EventPayload | undefined {
  const file = env.GITHUB_EVENT_PATH;
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EventPayload;
  } catch {
    return undefined;
  }
}

const ZERO_SHA = /^0+$/;

/**
 * The commit a check on this event should compare with: the pull request's base commit
 * (pull_request, pull_request_target), the merge queue's base, or for `push` the commit
 * before the push when `onPush` is set. Undefined means a full scan.
 */
export function eventBase(env: Env = process.env, onPush = false): string | undefined {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const event = readEvent(env);
  if (name === 'pull_request' || name === 'pull_request_target' || event?.pull_request) {
    const sha = event?.pull_request?.base?.sha;
    if (sha) return sha;
    // Without a payload, GitHub still names the base branch.
    if (env.GITHUB_BASE_REF) return `origin/${env.GITHUB_BASE_REF}`;
    return undefined;
  }
  if (name === 'merge_group' && event?.merge_group?.base_sha) return event.merge_group.base_sha;
  if (onPush && name === 'push' && event?.before && !ZERO_SHA.test(event.before)) return event.before;
  return undefined;
}

/** Appends `name=value` pairs to GITHUB_OUTPUT, using the heredoc form for multi-line values. */
export function formatOutputs(outputs: Record<string, string | number | boolean>): string {
  let s = '';
  for (const [k, raw] of Object.entries(outputs)) {
    const v = String(raw);
    if (!/[\r\n]/.test(v)) {
      s += `${k}=${v}\n`;
      continue;
    }
    let delim = `pdscan_${randomBytes(8).toString('hex')}`;
    while (v.includes(delim)) delim = `pdscan_${randomBytes(8).toString('hex')}`;
    s += `${k}<<${delim}\n${v}\n${delim}\n`;
  }
  return s;
}

export function writeOutputs(outputs: Record<string, string | number | boolean>, env: Env = process.env): boolean {
  const file = env.GITHUB_OUTPUT;
  if (!file) return false;
  appendFileSync(file, formatOutputs(outputs));
  return true;
}

/** A link to a line of a file at the commit being checked, when running in GitHub Actions. */
export function lineLinker(env: Env = process.env): ((path: string, line: number) => string | undefined) | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repo = env.GITHUB_REPOSITORY;
  const sha = env.GITHUB_SHA;
  if (!server || !repo || !sha) return undefined;
  return (path, line) => `${server}/${repo}/blob/${sha}/${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}
