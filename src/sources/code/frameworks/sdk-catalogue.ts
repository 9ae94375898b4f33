/**
 * Third-party SDKs listed in rules/recipients.yml (payment, messaging, analytics, storage, AI,
 * error tracking...): any call through a client made from a listed package sends its arguments
 * to that recipient, except calls that only configure the client. Which package is whose stays
 * data in the catalogue; this module knows the call shapes.
 */
import { isRelative } from '../engine/bindings.js';
import { DECIDED_NONE, type Framework } from '../engine/framework-api.js';
import type { ClientSink } from '../engine/types.js';
import type { RecipientCatalog, RecipientDef } from '../flows/recipients.js';

/** Methods that configure a client instead of sending data through it. */
export const CONFIG_METHODS = new Set([
  'init', 'initialize', 'initializeApp', 'setApiKey', 'setConfig', 'configure', 'config', 'setup', 'use', 'on', 'once', 'off',
  'close', 'flush', 'shutdown', 'getAnalytics', 'getMessaging', 'getFirestore', 'getStorage', 'getAuth', 'create', 'createClient',
  'extend', 'interceptors', 'setTag', 'setContext', 'addBreadcrumb', 'startTransaction', 'startSpan', 'withScope', 'captureMessage',
  'setBaseURL', 'defaults', 'isAxiosError', 'isCancel', 'CancelToken', 'all', 'spread', 'webhooks', 'constructEvent',
  'setLevel', 'setLogLevel', 'enable', 'disable', 'reset', 'optOut', 'opt_out_tracking', 'register_once',
]);
/**
 * Tracking calls of analytics and error-tracking SDKs: on these the SDK sends what it collects by
 * itself (device, IP address, cookies: the recipient's `collects`), whatever the properties.
 */
export const TRACKING_METHODS = new Set([
  'capture', 'identify', 'track', 'page', 'screen', 'alias', 'group', 'groupIdentify', 'setUser', 'setUserId', 'setUserProperties',
  'logEvent', 'set', 'set_once', 'people', 'register', 'trackEvent', 'trackPageview', 'event', 'send', 'increment', 'revenue',
]);

/** The categories the SDK collects by itself on this call, when it is a tracking call. */
function collectsOn(def: { collects?: string[] }, method: string): { collects?: string[] } {
  return def.collects?.length && TRACKING_METHODS.has(method) ? { collects: def.collects } : {};
}

/** captureException/captureMessage carry user data only in their context argument. */
const ERROR_TRACKER_CONTEXT_ARG: Record<string, number> = { captureException: 1, captureMessage: 1, notify: 1 };

/**
 * The catalogue entry of a client's package; else, for a client made from a class imported from a
 * workspace package or path alias that re-exports an SDK's class (`import { PostHog } from
 * '@acme/analytics'`; `new PostHog(key)`), the SDK the class is named after, by name only.
 */
function defOf(b: { module: string; imported?: string; init?: unknown }, catalog: RecipientCatalog): { def?: RecipientDef; byName?: boolean } {
  const def = catalog.byPackageName(b.module);
  if (def) return { def };
  if (!b.init || !b.imported || b.imported === 'default' || b.imported === '*' || isRelative(b.module) || b.module.startsWith('node:')) return {};
  // Only a name that is the SDK's own (PostHog, Stripe, Resend), not a word a project's class may
  // bear (Analytics, Google): the catalogue id, spelt alike.
  const named = catalog.byClientName(b.imported);
  const spelt = b.imported.toLowerCase().replace(/(client|sdk)$/, '').replace(/[^a-z0-9]/g, '');
  return named && named.id.replace(/[^a-z0-9]/g, '') === spelt ? { def: named, byName: true } : {};
}

export const sdkCatalogue: Framework = {
  id: 'sdk-catalogue',
  description: 'SDK clients of the packages listed in rules/recipients.yml: calls send their arguments to the recipient',
  calls: {
    configMethods: [...CONFIG_METHODS],
    classify({ chain, method: last, binding: rb, api, engine }) {
      if (!rb?.module || isRelative(rb.module)) return undefined;
      const found = defOf({ ...rb, module: rb.module }, engine.catalog);
      let def = found.def;
      if (!def) return undefined;
      const nm = chain.members.length;
      const factory = nm === 0 && (rb.imported === 'default' || rb.imported === '*') && !rb.init;
      const config = (nm <= 1 && CONFIG_METHODS.has(last)) || (nm === 0 && !!rb.imported && CONFIG_METHODS.has(rb.imported));
      if (factory || config) return DECIDED_NONE;
      const members = [...(rb.members ?? []), ...chain.members, rb.imported ?? ''];
      for (const m of members) {
        const sub = def.members?.[m];
        const subDef = sub ? engine.catalog.get(sub) : undefined;
        if (subDef) {
          def = subDef;
          break;
        }
      }
      const sink = { ...engine.sdkSink(def, rb), ...(found.byName ? { heuristic: true, byName: true, guessedFrom: `${rb.imported} from ${rb.module} is named after the ${def.name} SDK` } : {}) };
      const ctxArg = ERROR_TRACKER_CONTEXT_ARG[last];
      return { t: 'sink', info: { ...sink, api, ...collectsOn(def, last) }, args: sink.kind === 'error-tracker' && ctxArg !== undefined ? [ctxArg] : 'all' };
    },
    clientFacts(b, engine) {
      const found = defOf(b, engine.catalog);
      let def = found.def;
      if (!def) return undefined;
      for (const m of [...(b.members ?? []), b.imported ?? '']) {
        const sub = def.members?.[m] ? engine.catalog.get(def.members[m]!) : undefined;
        if (sub) {
          def = sub;
          break;
        }
      }
      const members: Record<string, ClientSink> = {};
      for (const [m, id] of Object.entries(def.members ?? {})) {
        const sub = engine.catalog.get(id);
        if (sub) members[m] = engine.sdkSink(sub, b);
      }
      const collected = def.collects?.length ? { collectsOn: { methods: [...TRACKING_METHODS], cats: def.collects } } : {};
      const sink = { ...engine.sdkSink(def, b), ...(found.byName ? { heuristic: true, byName: true } : {}) };
      return { sink, ...(Object.keys(members).length ? { members } : {}), ...collected };
    },
    clientFallback({ chain, method: last, api, engine }) {
      if (chain.members.length <= 1 && CONFIG_METHODS.has(last)) return undefined;
      const b = engine.importOf(chain.root);
      const def = engine.catalog.byClientName(chain.root) ?? (b?.imported && b.imported !== '*' && b.imported !== 'default' ? engine.catalog.byClientName(b.imported) : undefined);
      if (!def) return undefined;
      return { sink: { ...engine.sdkSink(def, undefined), api, heuristic: true, byName: true, ...collectsOn(def, last) }, unseen: true };
    },
  },
};
