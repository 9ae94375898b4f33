import { describe, expect, test } from 'vitest';
import { flowsWith, returnsOf, sinks } from '../../../../test/helpers/frameworks.js';
import { httpServers } from './http-servers.js';

describe('http servers', () => {
  test('request parts are request input; a parameter named `c` is a request only in a route', () => {
    const code = `
export function handler(req: Request) { return req.body; }
export function query(ctx) { return ctx.query; }
export function whole(req) { return req; }
export function notRoute(c) { return c; }`;
    const flows = flowsWith([httpServers], code);
    expect(returnsOf(flows, 'handler')).toEqual(['src:request body']);
    expect(returnsOf(flows, 'query')).toEqual(['src:query string']);
    expect(returnsOf(flows, 'whole')).toEqual(['src:request']);
    expect(returnsOf(flows, 'notRoute')).toEqual([]);
  });

  test('a route registered with a path names its handler; redirects put data in a URL', () => {
    const code = `
app.post('/checkout', (req, res) => {
  res.redirect(\`/done?email=\${req.body.email}\`);
});`;
    const flows = flowsWith([httpServers], code);
    expect(sinks(flows)).toEqual(['res.redirect() → url: URL']);
    expect(flows.hits[0]!.ctx.route).toBe('/checkout');
  });

  test('without the module request objects are plain parameters', () => {
    expect(returnsOf(flowsWith([], `export function handler(req: Request) { return req.body; }`), 'handler')).toEqual([]);
  });
});
