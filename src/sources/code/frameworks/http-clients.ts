/**
 * HTTP clients: fetch, axios, got, undici, superagent, ky, NestJS HttpService. The recipient is
 * the host of the URL (rules/recipients.yml knows hosts), or an unknown third party; a relative
 * URL or an internal host is the application itself (only personal data in the URL matters).
 */
import { ts } from 'ts-morph';
import { localConstInit, objectStringProp, propName } from '../engine/ast.js';
import type { CallKind, CallSite, Framework, Verdict } from '../engine/framework-api.js';
import { sinkKindOf, unknownHostRecipient, type RecipientCatalog, type RecipientDef } from '../flows/recipients.js';
import { hostOf, isInternalHost, isRelativeUrl, urlShape, type UrlShape } from '../flows/urls.js';
import { CONFIG_METHODS } from './sdk-catalogue.js';

const HTTP_MODULES = [
  'axios', 'got', 'node-fetch', 'undici', 'superagent', 'needle', 'ky', 'ky-universal', 'request', 'request-promise',
  'request-promise-native', 'cross-fetch', 'isomorphic-fetch', 'ofetch', 'node:https', 'https', 'node:http', 'http',
  'phin', 'wretch', '@nestjs/axios',
];
const HTTP_MODULE_SET = new Set(HTTP_MODULES);
const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'request', 'fetch', 'send', 'json', 'form', 'stream']);
/** Words of environment variable names that say nothing of a recipient (see recipientOfEnv). */
const ENV_NOISE = new Set(['URL', 'URI', 'API', 'HOST', 'ENDPOINT', 'WEBHOOK', 'BASE', 'NEXT', 'PUBLIC', 'VITE', 'REACT', 'APP', 'SERVER', 'SERVICE', 'HTTP', 'HTTPS']);

/** A catalogued recipient named in an environment variable (SLACK_WEBHOOK_URL, HUBSPOT_API_URL). */
function recipientOfEnv(env: string, catalog: RecipientCatalog): RecipientDef | undefined {
  const words = env.split(/_+/).filter((w) => w && !ENV_NOISE.has(w.toUpperCase()));
  for (const w of words) {
    const def = catalog.byClientName(w);
    if (def) return def;
  }
  return undefined;
}

function httpCall(site: CallSite): Verdict<CallKind> {
  const { chain, call: c, binding: rb, api, method: last, engine } = site;
  const { catalog, consts } = engine;
  const nm = chain.members.length;
  let url: ts.Expression | undefined;
  let base: UrlShape | undefined;
  const isFetch = (chain.root === 'fetch' && nm === 0 && (!rb || (rb.module && HTTP_MODULE_SET.has(rb.module)))) || ((chain.root === 'window' || chain.root === 'globalThis') && nm === 1 && last === 'fetch');
  const typed = rb?.typeName === 'HttpService';
  const httpMod = (rb?.module && HTTP_MODULE_SET.has(rb.module)) || typed;
  if (!isFetch && !httpMod) return undefined;
  if (rb?.init) {
    const cfg = ts.isCallExpression(rb.init) || ts.isNewExpression(rb.init) ? rb.init.arguments?.[0] : undefined;
    const baseText = objectStringProp(cfg, ['baseURL', 'baseUrl', 'prefixUrl'], consts);
    if (baseText) base = { prefix: baseText, complete: true };
    else if (cfg && ts.isObjectLiteralExpression(cfg)) {
      for (const p of cfg.properties) {
        if (ts.isPropertyAssignment(p) && /^(baseURL|baseUrl|prefixUrl)$/.test(propName(p.name) ?? '')) base = urlShape(p.initializer, consts);
      }
    }
  }
  if (isFetch) url = c.arguments[0];
  else {
    if (nm <= 1 && CONFIG_METHODS.has(last) && last !== 'request') return undefined;
    const verbIdx = chain.members.findIndex((m) => HTTP_VERBS.has(m));
    const named = rb?.imported && HTTP_VERBS.has(rb.imported);
    if (nm === 0 || named) url = c.arguments[0];
    else if (verbIdx >= 0) {
      const after = chain.callAfter[verbIdx];
      url = after && verbIdx < nm - 1 ? after.arguments[0] : c.arguments[0];
    } else if (typed && chain.members.includes('axiosRef')) url = c.arguments[0];
    else return undefined;
    if (url && ts.isObjectLiteralExpression(url)) {
      const u = url.properties.find((p) => ts.isPropertyAssignment(p) && /^(url|uri|hostname|host)$/.test(propName(p.name) ?? ''));
      url = u && ts.isPropertyAssignment(u) ? u.initializer : undefined;
    }
  }
  const shape = urlShape(url, consts) ?? (url && ts.isIdentifier(url) ? urlShape(localConstInit(url), consts) : undefined);
  let prefix = shape?.prefix ?? '';
  if (base && (!shape || !/^[a-z]+:\/\//i.test(prefix))) prefix = base.prefix + prefix;
  else if (!shape && base) prefix = base.prefix;
  const host = hostOf(prefix) ?? (url && ts.isObjectLiteralExpression(c.arguments[0] ?? url) ? undefined : undefined);
  if (!host) {
    if ((shape && isRelativeUrl(shape.prefix) && !base) || (shape && shape.complete && !/^[a-z]+:\/\//i.test(prefix))) return { t: 'internal-url', ...(url ? { url } : {}) };
    const env = shape?.env ?? base?.env;
    // fetch(process.env.SLACK_WEBHOOK_URL, ...): the variable's name says who it is, by name only.
    const byEnv = env ? recipientOfEnv(env, catalog) : undefined;
    if (byEnv) {
      const info = { kind: sinkKindOf(byEnv.kind), api, label: byEnv.name, heuristic: true, byName: true, hostEnv: env!, recipient: catalog.describe(byEnv), ...(byEnv.purposes ? { recipientPurposes: byEnv.purposes } : {}) };
      return { t: 'sink', info, args: 'all', ...(url ? { url } : {}) };
    }
    return {
      t: 'sink',
      info: { kind: 'http', api, label: 'HTTP request', heuristic: true, ...(env ? { hostEnv: env } : {}) },
      args: 'all',
      ...(url ? { url } : {}),
    };
  }
  if (isInternalHost(host)) return { t: 'internal-url', ...(url ? { url } : {}) };
  const def = catalog.byHost(host);
  if (def) {
    const region = def.region_provider ? catalog.regionInHost(def.region_provider, host) : undefined;
    return {
      t: 'sink',
      info: { kind: sinkKindOf(def.kind), api, label: def.name, host, recipient: catalog.describe(def, region), ...(def.purposes ? { recipientPurposes: def.purposes } : {}) },
      args: 'all',
      ...(url ? { url } : {}),
    };
  }
  return { t: 'sink', info: { kind: 'http', api, label: host, host, recipient: unknownHostRecipient(host) }, args: 'all', ...(url ? { url } : {}) };
}

export const httpClients: Framework = {
  id: 'http-clients',
  description: 'fetch, axios, got, undici, superagent, ky, NestJS HttpService: data sent to the URL\'s host',
  packages: HTTP_MODULES,
  calls: { classify: httpCall, dataMethods: [...HTTP_VERBS] },
};
