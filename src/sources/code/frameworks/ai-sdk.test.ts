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

describe('AI SDK providers of the catalogue', () => {
  test('a provider made by a factory (createOpenRouter) and a member model (.chat()): OpenRouter', () => {
    const code = `
import { generateText } from 'ai';
import { createOpenRouter } from '@openrouter/ai-sdk-provider';
export async function ask(prompt: string, apiKey: string) {
  const openRouterService = createOpenRouter({ apiKey });
  return generateText({ prompt, model: openRouterService.chat('some/model') });
}`;
    expect(sinks(flowsWith([aiSdk], code))).toEqual(['generateText → ai: OpenRouter']);
  });
});
