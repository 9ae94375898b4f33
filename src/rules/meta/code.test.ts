import { describe, expect, test } from 'vitest';
import { codeRule, codeRuleMeta } from './code.js';
import { obligationsFile } from '../catalogue.js';

const EMITTED = ['pd-log', 'pd-third-party', 'pd-third-party-sensitive', 'pd-cross-border', 'pd-storage', 'pd-sensitive-unencrypted', 'pd-in-url', 'pd-plaintext-credential', 'pd-marketing-consent'];

describe('code rule metadata (rules/code-rules.yml)', () => {
  test('every rule the analysis emits has metadata, and nothing else is there', () => {
    expect(codeRuleMeta().map((r) => r.id).sort()).toEqual([...EMITTED].sort());
  });

  test('SARIF-ready fields', () => {
    for (const r of codeRuleMeta()) {
      expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(r.shortDescription.length).toBeGreaterThan(10);
      expect(r.fullDescription.length).toBeGreaterThan(r.shortDescription.length);
      expect(r.refs).toEqual(r.legalRefs);
      expect(r.helpMarkdown).toContain(r.helpVi);
      expect(r.helpMarkdown).toMatch(/\*\*How to fix\.\*\*/);
      expect(['high', 'medium', 'low']).toContain(r.level);
      expect(Number(r.securitySeverity)).toBeGreaterThanOrEqual(0);
      expect(r.tags).toContain('privacy');
    }
  });

  test('help cites both regimes and says how to fix', () => {
    for (const r of codeRuleMeta()) {
      expect(r.legalRefs.some((x) => x.startsWith('decree-13:')), r.id).toBe(true);
      expect(r.legalRefs.some((x) => x.startsWith('pdpl-2025:')), r.id).toBe(true);
      expect(r.help, r.id).toMatch(/Decree 13/);
      expect(r.helpVi, r.id).toMatch(/Nghị định 13/);
    }
    expect(codeRule('pd-cross-border').legalRefs).toContain('decree-13:25.1');
    expect(codeRule('pd-cross-border').legalRefs).toContain('pdpl-2025:law91-20.1');
    expect(codeRule('pd-marketing-consent').legalRefs).toContain('decree-13:21.1');
  });

  test('every article cited is one rules/obligations.yml cites for the named obligations', () => {
    const { obligations } = obligationsFile();
    const byId = new Map(obligations.map((o) => [o.id, o]));
    for (const r of codeRuleMeta()) {
      expect(r.obligations.length, r.id).toBeGreaterThan(0);
      const allowed = new Set(r.obligations.flatMap((id) => {
        const o = byId.get(id);
        expect(o, `${r.id}: obligation ${id}`).toBeDefined();
        return Object.entries(o!.refs).flatMap(([regime, refs]) => refs.map((x) => `${regime}:${x}`));
      }));
      for (const ref of r.legalRefs) expect(allowed.has(ref), `${r.id} cites ${ref}`).toBe(true);
    }
  });

  test('unknown ids throw', () => {
    expect(() => codeRule('pd-nope')).toThrow();
  });
});
