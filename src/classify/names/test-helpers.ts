/** Shared by the identifier-classifier tests (names*.test.ts). */
import { expect } from 'vitest';
import { classifyIdentifier } from '../names.js';

export type Level = 'high' | 'medium' | 'low';

/** [identifier, owner | '', expected category, minimum confidence] */
export type Positive = [string, string, string, Level];

export const RANK = { low: 0, medium: 1, high: 2 } as const;

export function meets(actual: Level, min: Level): boolean {
  return RANK[actual] >= RANK[min];
}

/** [owner | '', identifier, expected category] */
export type Case = [owner: string, name: string, category: string];

export function expectCategory(cases: Case[]): void {
  for (const [owner, name, category] of cases) {
    const m = classifyIdentifier(name, owner || undefined);
    expect(m?.category, `${owner}.${name}: ${m?.reason ?? 'not classified'}`).toBe(category);
  }
}

export function expectNothing(cases: Array<[string, string]>): void {
  for (const [owner, name] of cases) {
    const m = classifyIdentifier(name, owner || undefined);
    expect(m, `${owner}.${name}: ${m?.reason}`).toBeUndefined();
  }
}
