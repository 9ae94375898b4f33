import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
import { aiSdk } from './ai-sdk.js';

describe('Vercel AI SDK', () => {
  test('generateText sends the prompt to the provider of its model', () => {
    const code = `
import { generateText, embed } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
export async function summarise(email: string) {
  await generateText({ model: anthropic('claude-3-5-sonnet'), prompt: email });
  await embed({ model: localModel, value: email });
}`;
    expect(sinks(flowsWith([aiSdk], code))).toEqual(['generateText → ai: Anthropic']);
  });
});
