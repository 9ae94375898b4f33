import { describe, expect, test } from 'vitest';
import type { Finding } from '../model/finding.js';
import { annotateValueFindings } from './value-context.js';
import { aggregateValues } from './aggregate.js';
import { judgeSynthetic as judgeValue } from '../classify/synthetic/synthetic.js';

const judgeSynthetic = (value: string, category: string, line?: string) => judgeValue(value, category, undefined, [], line);

function phone(value: string, line: number): Finding {
  return { ruleId: 'vn-phone', kind: 'value', category: 'phone', categories: ['phone'], confidence: 'high', score: 0.9, message: 'm', value, location: { path: 'a.csv', line, column: 1 } };
}

describe('annotateValueFindings', () => {
  test('records the context, the synthetic verdict and why, without the value', () => {
    const fs = [phone('0912345678', 1), phone('0903817264', 2)];
    annotateValueFindings(fs, { context: 'data', reason: 'extension .csv' }, judgeSynthetic);
    expect(fs.map((f) => f.properties)).toEqual([{ context: 'data', synthetic: true }, { context: 'data', synthetic: false }]);
    expect(fs[0]!.explain).toEqual(['file context: data (extension .csv)', expect.stringMatching(/^value is synthetic: sequential-digits/)]);
    expect(fs[0]!.explain!.join(' ')).not.toContain('0912345678');
  });

  test('a line context overrides a source file, never a test file', () => {
    const asset = () => ({ context: 'asset' as const, reason: 'inline vector data' });
    const inSource = [phone('0903817264', 3)];
    annotateValueFindings(inSource, { context: 'source', reason: 'application file' }, undefined, asset);
    expect(inSource[0]!.properties).toEqual({ context: 'asset' });
    const inTest = [phone('0903817264', 3)];
    annotateValueFindings(inTest, { context: 'test', reason: 'directory "test/"' }, undefined, asset);
    expect(inTest[0]!.properties).toEqual({ context: 'test' });
  });

  test('declarations and flows are left alone; an aggregate is synthetic only when all its values are', () => {
    const flow: Finding = { ...phone('0903817264', 1), kind: 'flow', properties: { sink: 'log' } };
    annotateValueFindings([flow], { context: 'test', reason: 'x' }, judgeSynthetic);
    expect(flow.properties).toEqual({ sink: 'log' });
    const mixed = [phone('0912345678', 1), phone('0903817264', 2)];
    annotateValueFindings(mixed, { context: 'data', reason: 'x' }, judgeSynthetic);
    expect(aggregateValues('a.csv', mixed)[0]!.properties).toMatchObject({ context: 'data', synthetic: false });
    const fake = [phone('0912345678', 1), phone('0987654321', 2)];
    annotateValueFindings(fake, { context: 'data', reason: 'x' }, judgeSynthetic);
    expect(aggregateValues('a.csv', fake)[0]!.properties).toMatchObject({ context: 'data', synthetic: true });
  });

  test("an organisation's hotline is judged by its line outside data files, not in them", () => {
    const text = ['Hotline Bệnh viện: 0903817264'];
    const inSource = [phone('0903817264', 1)];
    annotateValueFindings(inSource, { context: 'source', reason: 'application file' }, judgeSynthetic, undefined, (l) => text[l - 1] ?? '');
    expect(inSource[0]!.properties).toMatchObject({ context: 'source', synthetic: true });
    const inData = [phone('0903817264', 1)];
    annotateValueFindings(inData, { context: 'data', reason: 'extension .csv' }, judgeSynthetic, undefined, (l) => text[l - 1] ?? '');
    expect(inData[0]!.properties).toMatchObject({ context: 'data', synthetic: false });
  });
});
