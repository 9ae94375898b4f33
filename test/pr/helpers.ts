/**
 * Throwaway git repositories and an in-process `pdscan` runner for the pull-request tests.
 *
 * The repositories carry their own tiny rule pack in .pdscan.yml, so the tests do not depend
 * on the tuning of the built-in detectors: assertions look at these rules' findings (IDs
 * starting with `t-`), plus properties that hold for every finding.
 */
import { afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export const TEST_CONFIG = `# Test rules: made-up tokens that no built-in detector knows.
allowlist:
  paths: ['.pdscan.yml', '**/.pdscan.yml']
rules:
  - id: t-phone
    category: phone
    name: Test phone token
    patterns: ['\\bTESTPHONE-\\d{4}\\b']
    score: 0.9
  - id: t-health
    category: health
    name: Test diagnosis token
    patterns: ['\\bTESTDIAG-[a-z]+\\b']
    score: 0.9
  - id: t-mail
    category: digital-account
    name: Test account token
    patterns: ['\\bTESTACCT-\\d+\\b']
    score: 0.65
`;

export interface Repo {
  dir: string;
  /** A scratch directory outside the repository for outputs. */
  out: string;
  write(rel: string, content: string | Buffer): void;
  read(rel: string): string;
  rm(rel: string): void;
  git(...args: string[]): string;
  commit(message: string): string;
  dispose(): void;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function wrapRepo(dir: string, out: string, cleanup: string[]): Repo {
  return {
    dir,
    out,
    write(rel, content) {
      const abs = path.join(dir, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    },
    read: (rel) => readFileSync(path.join(dir, rel), 'utf8'),
    rm: (rel) => rmSync(path.join(dir, rel), { force: true }),
    git: (...args) => gitIn(dir, ...args),
    commit(message) {
      gitIn(dir, 'add', '-A');
      gitIn(dir, 'commit', '-q', '--allow-empty', '-m', message);
      return gitIn(dir, 'rev-parse', 'HEAD').trim();
    },
    dispose: () => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
}

export function makeRepo(config = TEST_CONFIG): Repo {
  const root = mkdtempSync(path.join(tmpdir(), 'pdscan-pr-'));
  const dir = path.join(root, 'repo');
  const out = path.join(root, 'out');
  mkdirSync(dir);
  mkdirSync(out);
  gitIn(dir, 'init', '-q', '-b', 'main');
  gitIn(dir, 'config', 'user.name', 'Test');
  gitIn(dir, 'config', 'user.email', 'test@example.invalid');
  gitIn(dir, 'config', 'commit.gpgsign', 'false');
  const repo = wrapRepo(dir, out, [root]);
  if (config) repo.write('.pdscan.yml', config);
  return repo;
}

export interface JsonFinding {
  ruleId: string;
  category: string;
  level: string;
  message: string;
  value?: string;
  fingerprint?: string;
  location?: { path: string; line: number; column: number };
  suppression?: { kind: string; justification?: string };
}

export interface RunResult {
  code: number;
  stderr: string;
  json?: { findings: JsonFinding[]; problems: Array<{ where: string; message: string }>; stats: Record<string, number> };
}

/** Environment variables that would make a test write into a real GitHub Actions job. */
export const GITHUB_VARS = ['GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT', 'GITHUB_EVENT_PATH', 'GITHUB_EVENT_NAME', 'GITHUB_WORKSPACE', 'GITHUB_BASE_REF', 'GITHUB_SHA', 'GITHUB_REPOSITORY', 'GITHUB_SERVER_URL'];

export function clearGithubEnv(): void {
  for (const v of GITHUB_VARS) delete process.env[v];
}

/** Runs the CLI in this process with `cwd` as working directory; JSON goes to a file outside the repo. */
export async function pdscan(cwd: string, args: string[], jsonOut?: string): Promise<RunResult> {
  const prev = process.cwd();
  const chunks: string[] = [];
  const origErr = process.stderr.write.bind(process.stderr);
  const origOut = process.stdout.write.bind(process.stdout);
  process.stderr.write = ((s: string | Uint8Array) => {
    chunks.push(String(s));
    return true;
  }) as typeof process.stderr.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  const json = jsonOut ?? path.join(mkdtempSync(path.join(tmpdir(), 'pdscan-json-')), 'out.json');
  try {
    process.chdir(cwd);
    const code = await main([...args, '--quiet', ...(args[0] === 'scan' ? ['--json', json] : [])]);
    return { code, stderr: chunks.join(''), ...(existsSync(json) ? { json: JSON.parse(readFileSync(json, 'utf8')) } : {}) };
  } finally {
    process.chdir(prev);
    process.stderr.write = origErr;
    process.stdout.write = origOut;
  }
}

/** Findings of the test rules, as "path:line ruleId" strings, sorted. */
export function testHits(r: RunResult): string[] {
  return (r.json?.findings ?? [])
    .filter((f) => f.ruleId.startsWith('t-') && !f.suppression)
    .map((f) => `${f.location?.path}:${f.location?.line} ${f.ruleId}`)
    .sort();
}

/**
 * Repositories a test file creates, disposed after each test: `const track = trackRepos();`
 * then `track(makeRepo())`. Registers its own afterEach hook.
 */
export function trackRepos(): (r: Repo) => Repo {
  let repos: Repo[] = [];
  afterEach(() => {
    repos.forEach((r) => r.dispose());
    repos = [];
  });
  return (r) => {
    repos.push(r);
    return r;
  };
}
