/** Shared by the identifier-classifier tests (names*.test.ts). */
export type Level = 'high' | 'medium' | 'low';

/** [identifier, owner | '', expected category, minimum confidence] */
export type Positive = [string, string, string, Level];

export const RANK = { low: 0, medium: 1, high: 2 } as const;

export function meets(actual: Level, min: Level): boolean {
  return RANK[actual] >= RANK[min];
}
