/**
 * HTTP servers and handlers (Express, Koa, Fastify, Hono, Next.js API routes, AWS Lambda): the
 * request object's body, query, params, headers and files are request input; `app.post('/x', h)`
 * registers a route; `res.redirect(url)`, `window.open(url)` and `location.assign(url)` put data
 * in a URL of the application.
 */
import type { Framework } from '../engine/framework-api.js';

const REDIRECT_RECEIVERS = ['res', 'response', 'reply', 'ctx', 'h'];
const REDIRECT_SET = new Set(REDIRECT_RECEIVERS);

export const httpServers: Framework = {
  id: 'http-servers',
  description: 'Express, Koa, Fastify, Hono, Next.js, Lambda: request input, routes, redirects',
  sources: {
    requestNames: ['req', 'request', 'ctx', 'context', 'event', 'c'],
    routeOnlyRequestNames: ['c', 'event'],
    requestTypeSuffixes: ['Request', 'Req', 'Context', 'Ctx', 'Event', 'IncomingMessage'],
    requestParts: {
      body: 'request body',
      query: 'query string',
      params: 'path parameters',
      headers: 'request headers',
      cookies: 'cookies',
      files: 'uploaded files',
      file: 'uploaded file',
      payload: 'request payload',
      queryStringParameters: 'query string',
      pathParameters: 'path parameters',
    },
    nonDataTypes: ['NextFunction', 'Express'],
  },
  routes: {
    registerMethods: ['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'route', 'head', 'options'],
    redirectReceivers: REDIRECT_RECEIVERS,
  },
  calls: {
    classify({ call, chain, method: last, rootName: rn }) {
      const nm = chain.members.length;
      if (last === 'redirect' && nm === 1 && REDIRECT_SET.has(rn)) return { t: 'internal-url', url: call.arguments[call.arguments.length - 1] };
      if ((chain.root === 'window' && nm === 1 && last === 'open') || ((rn === 'location' || chain.members[0] === 'location') && (last === 'assign' || last === 'replace'))) {
        return { t: 'internal-url', url: call.arguments[0] };
      }
      return undefined;
    },
  },
};
