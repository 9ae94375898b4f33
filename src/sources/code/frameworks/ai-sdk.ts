/**
 * The Vercel AI SDK (`ai`): generateText({ model: openai('gpt-4o'), prompt }) sends the prompt to
 * the provider of the model, found from the package the `model:` value comes from.
 */
import { ts } from 'ts-morph';
import { propName } from '../engine/ast.js';
import { isRelative } from '../engine/bindings.js';
import { DECIDED_NONE, type EngineQueries, type Framework } from '../engine/framework-api.js';
import type { RecipientDef } from '../flows/recipients.js';

/** Calls that send a prompt to the model named in `model:`. */
const AI_SDK_CALLS = /^(generate|stream)(Text|Object)$|^embed(Many)?$/;

/** The provider of `model:` in an AI SDK call (`openai('gpt-4o')`, `anthropic(...)`, a variable holding one). */
function aiProvider(cfg: ts.Expression | undefined, engine: EngineQueries): RecipientDef | undefined {
  if (!cfg || !ts.isObjectLiteralExpression(cfg)) return undefined;
  for (const p of cfg.properties) {
    const name = ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ? propName(p.name) : undefined;
    if (name !== 'model') continue;
    let e: ts.Expression = ts.isPropertyAssignment(p) ? p.initializer : (p as ts.ShorthandPropertyAssignment).name;
    while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    // openai('gpt-4o'), openai.chat('gpt-4o'), createOpenAI({ apiKey })('gpt-4o')
    let root: ts.Expression = e;
    while (ts.isCallExpression(root) || ts.isPropertyAccessExpression(root)) root = root.expression;
    const b = ts.isIdentifier(root) ? (engine.bindingOf(root.text) ?? engine.derive(root)) : undefined;
    let mod = b?.module;
    if (b && !isRelative(b.module ?? '') && b.init && !mod) mod = engine.derive(b.init)?.module;
    return mod && !isRelative(mod) ? engine.catalog.byPackageName(mod) : undefined;
  }
  return undefined;
}

export const aiSdk: Framework = {
  id: 'ai-sdk',
  description: 'Vercel AI SDK: generateText/streamText/embed send the prompt to the model\'s provider',
  calls: {
    classify({ call, chain, binding: rb, api, engine }) {
      if (chain.members.length !== 0 || rb?.module !== 'ai' || !AI_SDK_CALLS.test(rb.imported ?? '')) return undefined;
      const def = aiProvider(call.arguments[0], engine);
      // A model from a provider the catalogue does not know: nothing else applies to an `ai` call.
      if (!def) return DECIDED_NONE;
      return { t: 'sink', info: { ...engine.sdkSink(def, undefined), api }, args: 'all' };
    },
  },
};
