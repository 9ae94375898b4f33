import type { Finding } from '../../src/model/finding.js';

/** A high-confidence flow of `categories` to `recipient` over HTTP, from `sourceLine` to `line` of src/api.ts. */
export function thirdPartyFlow(
  recipient: object, categories: string[], props: Record<string, unknown>, at: { line: number; sourceLine: number },
): Finding {
  return {
    ruleId: 'pd-third-party',
    kind: 'flow',
    category: categories[0]!,
    categories,
    confidence: 'high',
    score: 0.9,
    message: 'Personal data sent to a third party',
    location: { path: 'src/api.ts', line: at.line, column: 3 },
    flow: [
      { location: { path: 'src/api.ts', line: at.sourceLine, column: 1 }, message: 'source' },
      { location: { path: 'src/api.ts', line: at.line, column: 3 }, message: 'sink' },
    ],
    properties: { sink: 'http', recipient, ...props },
  };
}
