/**
 * The GitHub Action's entry point, run as its own process in a simulated GitHub environment:
 * a pull_request event payload, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT and GITHUB_WORKSPACE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { makeRepo, type Repo } from './helpers.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { multitoolErrors } from '../helpers/sarif-multitool.js';
import { annotations, planAction, splitArgs } from '../../src/pr/action.js';

const ENTRY = path.join(PACKAGE_ROOT, 'src/cli/action-entry.ts');
const TSX = pathToFileURL(path.join(PACKAGE_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** Parses GITHUB_OUTPUT (name=value lines and name<<DELIM heredocs). */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const h = /^([^=<]+)<<(.+)$/.exec(l);
    if (h) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== h[2]; i++) body.push(lines[i]!);
      out[h[1]!] = body.join('\n');
    } else if (l.includes('=')) {
      out[l.slice(0, l.indexOf('='))] = l.slice(l.indexOf('=') + 1);
    }
  }
  return out;
}

/** The inputs exactly as action.yml passes them, from its declared defaults. */
function defaultInputs(): Record<string, string> {
  const action = parseYaml(readFileSync(path.join(PACKAGE_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { steps: Array<{ id?: string; env?: Record<string, string> }> };
  };
  const env: Record<string, string> = {};
  const step = action.runs.steps.find((s) => s.id === 'scan')!;
  for (const [k, v] of Object.entries(step.env ?? {})) {
    const input = /\$\{\{ inputs\.([\w-]+) \}\}/.exec(v)![1]!;
    env[k] = action.inputs[input]!.default ?? '';
  }
  return env;
}

interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function runEntry(repo: Repo, event: { name: string; payload: object }, inputs: Record<string, string> = {}): ActionRun {
  const eventFile = path.join(repo.out, `event-${event.name}.json`);
  const summaryFile = path.join(repo.out, 'summary.md');
  const outputFile = path.join(repo.out, 'output.txt');
  writeFileSync(eventFile, JSON.stringify(event.payload));
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'example/shop',
    GITHUB_SHA: repo.git('rev-parse', 'HEAD').trim(),
    ...defaultInputs(),
    ...inputs,
  };
  const r = spawnSync(process.execPath, ['--import', TSX, ENTRY], { cwd: path.dirname(repo.dir), env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, outputs: readOutputs(outputFile), summary: readFileSync(summaryFile, 'utf8') };
}

let repo: Repo;
let base: string;
let pr: ActionRun;

beforeAll(() => {
  repo = makeRepo();
  repo.write('src/customers.txt', 'Customer list\nTESTPHONE-1000 old customer\n');
  repo.write('src/notes.txt', 'notes\n');
  base = repo.commit('base');
  repo.write('src/customers.txt', 'Customer list\nTESTPHONE-1000 old customer\nTESTPHONE-2000 new customer\n');
  repo.write('src/clinic.txt', 'Visit: TESTDIAG-asthma\n');
  repo.write('src/notes.txt', '# pdscan-ignore-next-line digital-account -- demo account\nTESTACCT-1\n');
  const head = repo.commit('add clinic');
  pr = runEntry(repo, {
    name: 'pull_request',
    payload: { action: 'synchronize', number: 7, pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } } },
  });
});
afterAll(() => repo.dispose());

describe('GitHub Action entry point on a pull request', () => {
  it('fails the check on a new high finding (default fail-on) and says why', () => {
    expect(pr.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
    expect(pr.status).toBe(1);
    expect(pr.stdout).toContain(`--diff-base ${base}`);
  });

  it('writes the step outputs', () => {
    const o = pr.outputs;
    expect(o.sarif).toBe('pdscan.sarif');
    expect(o['exit-code']).toBe('1');
    expect(o['diff-base']).toBe(base);
    expect(o['new-sensitive-categories']).toBe('health');
    expect(o.failed).toBe('true');
    expect(Number(o.high)).toBeGreaterThanOrEqual(1);
    expect(Number(o.findings)).toBe(Number(o.high) + Number(o.medium) + Number(o.low));
    expect(Number(o.suppressed)).toBeGreaterThanOrEqual(1);
    expect(o.obligations!.split(',')).toEqual(expect.arrayContaining(['sensitive-data-safeguards']));
  });

  it('writes a job summary with new findings, the inventory diff and obligations', () => {
    const s = pr.summary;
    expect(s).toMatch(/^## pdscan: personal data check/);
    expect(s).toMatch(/❌ Failed/);
    expect(s).toMatch(/in 3 changed files since `[0-9a-f]{40}`/);
    expect(s).toMatch(/\| `health` Health[^|]*\| \*\*yes\*\* \| 1 \| 0 \| 0 \| 1 \|/);
    expect(s).toMatch(/- \*\*New sensitive categories:\*\* `health`/);
    expect(s).toMatch(/- \*\*New recipients:\*\* none new/);
    expect(s).toMatch(/- \*\*New cross-border transfers:\*\* none new/);
    expect(s).toMatch(/### Obligations these changes trigger/);
    expect(s).toMatch(/Extra safeguards for sensitive personal data/);
    expect(s).toMatch(/\[`src\/clinic.txt:1`\]\(https:\/\/github.com\/example\/shop\/blob\/[0-9a-f]{40}\/src\/clinic.txt#L1\)/);
    // The old phone is not new; the new one is, and its value is masked.
    expect(s).toMatch(/src\/customers.txt:3/);
    expect(s).not.toMatch(/src\/customers.txt:2/);
    expect(s).not.toMatch(/TESTPHONE-2000|TESTDIAG-asthma/);
  });

  it('annotates new findings on the changed files', () => {
    expect(pr.stdout).toMatch(/^::error file=src\/clinic.txt,line=1,col=\d+,title=pdscan%3A health \(t-health\)::/m);
    expect(pr.stdout).toMatch(/^::warning file=src\/customers.txt,line=3,/m);
    expect(pr.stdout).not.toMatch(/file=src\/customers.txt,line=2,/);
    expect(pr.stdout).not.toMatch(/TESTPHONE-2000/);
  });

  it('writes SARIF with only the new findings, suppressed ones marked, that passes the SARIF Multitool', () => {
    const file = path.join(repo.dir, 'pdscan.sarif');
    expect(existsSync(file)).toBe(true);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    const results = log.runs[0].results as Array<{ ruleId: string; suppressions?: unknown[]; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
    const where = results.filter((r) => r.ruleId.startsWith('t-')).map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}${r.suppressions ? ' suppressed' : ''}`);
    expect(where.sort()).toEqual(['src/clinic.txt:1', 'src/customers.txt:3', 'src/notes.txt:2 suppressed']);
    expect(multitoolErrors(file)).toEqual([]);
  });
});

describe('GitHub Action entry point on other events', () => {
  it('a push scans everything (diff auto) and passes with fail-on none', () => {
    const r = runEntry(repo, { name: 'push', payload: { before: base, after: 'x' } }, { INPUT_FAIL_ON: 'none', INPUT_SARIF: 'out/all.sarif' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('--diff-base');
    expect(r.outputs.sarif).toBe('out/all.sarif');
    expect(r.outputs['diff-base']).toBe('');
    expect(r.summary).toMatch(/ℹ️ Report only/);
    expect(r.summary).toMatch(/src\/customers.txt:2/); // old findings too: full scan
    expect(existsSync(path.join(repo.dir, 'out/all.sarif'))).toBe(true);
  });

  it('diff: true on a push compares with the commit before the push', () => {
    const r = runEntry(repo, { name: 'push', payload: { before: base, after: 'x' } }, { INPUT_DIFF: 'true', INPUT_SUMMARY: 'false', INPUT_ANNOTATIONS: 'false' });
    expect(r.stdout).toContain(`--diff-base ${base}`);
    expect(r.summary).toBe('');
    expect(r.stdout).not.toMatch(/^::/m);
    expect(r.status).toBe(1);
  });

  it('a usage error exits 2 with one line and no outputs', () => {
    const r = runEntry(repo, { name: 'pull_request', payload: { pull_request: { base: { sha: base } } } }, { INPUT_FAIL_ON: 'sometimes' });
    expect(r.status).toBe(2);
    expect(r.outputs.sarif).toBeUndefined();
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });
});

describe('planAction', () => {
  const env = (e: Record<string, string>) => ({ ...defaultInputs(), ...e });
  it('maps inputs to scan options', () => {
    const p = planAction(
      env({ INPUT_PATHS: 'src\nlib', INPUT_CONFIG: 'ci/pdscan.yml', INPUT_LAW: 'decree-13', INPUT_INVENTORY: 'inv.json, inv.md', INPUT_BASELINE: 'bl.json', INPUT_DIFF: 'false', INPUT_ARGS: '--min-confidence medium --explain' }),
      '/nonexistent',
    );
    expect(p.argv).toEqual(['scan', 'src', 'lib', '--sarif', 'pdscan.sarif', '--fail-on', 'high', '--config', 'ci/pdscan.yml', '--law', 'decree-13', '--inventory', 'inv.json', 'inv.md', '--baseline', 'bl.json', '--cache', '.pdscan-cache']);
    expect(p.userArgs).toEqual(['--min-confidence', 'medium', '--explain']);
  });
  it('uses the scan cache that action.yml restores and saves, unless cache is false', () => {
    const action = readFileSync(path.join(PACKAGE_ROOT, 'action.yml'), 'utf8');
    expect(action).toMatch(/actions\/cache\/restore@v\d+[\s\S]*path: \$\{\{ github\.workspace \}\}\/\.pdscan-cache/);
    expect(action).toMatch(/actions\/cache\/save@v\d+[\s\S]*path: \$\{\{ github\.workspace \}\}\/\.pdscan-cache/);
    expect(planAction(env({ INPUT_DIFF: 'false' }), '/x').argv.slice(-2)).toEqual(['--cache', '.pdscan-cache']);
    expect(planAction(env({ INPUT_DIFF: 'false', INPUT_CACHE: 'false' }), '/x').argv).not.toContain('--cache');
  });
  it('takes the base from GITHUB_BASE_REF when the payload is missing', () => {
    expect(planAction(env({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'develop' }), '/x').diffBase).toBe('origin/develop');
  });
  it('an explicit diff-base wins; a forced diff without a base warns', () => {
    expect(planAction(env({ INPUT_DIFF_BASE: 'v1.2.0', GITHUB_EVENT_NAME: 'workflow_dispatch' }), '/x').diffBase).toBe('v1.2.0');
    const p = planAction(env({ INPUT_DIFF: 'true', GITHUB_EVENT_NAME: 'workflow_dispatch' }), '/x');
    expect(p.diffBase).toBeUndefined();
    expect(p.warnings[0]).toMatch(/scanning everything/);
  });
  it('splitArgs handles quotes and escapes, and rejects unbalanced quotes', () => {
    expect(splitArgs(`--a "b c" 'd e' f\\ g ""`)).toEqual(['--a', 'b c', 'd e', 'f g', '']);
    expect(() => splitArgs('"open')).toThrow(/unbalanced/);
  });
  it('annotations escape workflow-command syntax', () => {
    const a = annotations([{ ruleId: 'r', category: 'phone', level: 'high', message: 'a%b\nc', location: { path: 'x,y:z.txt', line: 2, column: 3 } }]);
    expect(a).toEqual(['::error file=x%2Cy%3Az.txt,line=2,col=3,title=pdscan%3A phone (r)::a%25b%0Ac']);
  });
});
