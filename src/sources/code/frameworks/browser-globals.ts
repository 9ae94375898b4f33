/**
 * Analytics tags called through browser globals (gtag, fbq, ttq, window.analytics): which global
 * is whose is the `globals` of rules/recipients.yml. Calls that only configure the tag do not send.
 */
import { ts } from 'ts-morph';
import { DECIDED_NONE, type Framework } from '../engine/framework-api.js';
import { sinkKindOf } from '../flows/recipients.js';
import { CONFIG_METHODS } from './sdk-catalogue.js';

/** Browser globals of analytics tags (gtag, fbq, ttq, window.analytics), from the catalogue's `globals`. */
export const browserGlobals: Framework = {
  id: 'browser-globals',
  description: 'analytics tags called through browser globals (gtag, fbq, ttq, window.analytics)',
  calls: {
    classify({ call, chain, method: last, binding: rb, api, engine }) {
      if (rb || !chain.root || engine.isLocalValue(chain.root)) return undefined;
      const nm = chain.members.length;
      const g = chain.root === 'window' || chain.root === 'globalThis' ? chain.members[0] : chain.root;
      const def = g ? engine.catalog.byGlobalName(g) : undefined;
      if (!def || (nm <= 1 && CONFIG_METHODS.has(last))) return undefined;
      const first = call.arguments[0];
      const command = first && ts.isStringLiteralLike(first) ? first.text : undefined;
      const tag = g !== 'fbq' && g !== 'ttq';
      // gtag('config', id, { user_id }) sets the user for every later hit: only its parameters count.
      const configWithParams = tag && command === 'config' && call.arguments.length >= 3;
      if (command && /^(config|js|consent|init)$/.test(command) && tag && !configWithParams) return DECIDED_NONE;
      const collects = def.collects?.length && command !== 'consent' ? { collects: def.collects } : {};
      const info = { kind: sinkKindOf(def.kind), api, label: def.name, recipient: engine.catalog.describe(def), ...(def.purposes ? { recipientPurposes: def.purposes } : {}), ...collects };
      return { t: 'sink', info, args: configWithParams ? [2] : 'all' };
    },
  },
};
