import { describe, expect, test } from 'vitest';
import { scanSources } from '../../../../test/helpers/scan-sources.js';
import { Workspace } from './workspace.js';

/** Third-party flows as "path:line recipient [categories]". */
function sent(files: Record<string, string>): string[] {
  return scanSources(files)
    .findings.filter((f) => f.kind === 'flow' && f.properties?.['sink'] !== 'log' && f.properties?.['sink'] !== 'storage')
    .map((f) => `${f.location?.path}:${f.location?.line} ${(f.properties?.['recipient'] as { id: string } | undefined)?.id ?? '-'} [${f.categories.join(',')}]`)
    .sort();
}

const STRIPE_CLIENT = `import Stripe from 'stripe';
export function createStripeClient(key: string) { return new Stripe(key); }`;

describe('workspace layout', () => {
  const ws = new Workspace(
    [
      { path: 'package.json', text: '{ "name": "root", "workspaces": ["packages/*", "apps/*"] }' },
      { path: 'packages/billing/package.json', text: '{ "name": "@acme/billing", "exports": { ".": "./src/index.ts", "./*": "./src/*.ts" } }' },
      { path: 'packages/emails/package.json', text: '{ "name": "@acme/emails", "main": "dist/index.js", "types": "dist/index.d.ts" }' },
      { path: 'packages/db/package.json', text: '{ "name": "@acme/db" }' },
      { path: 'examples/billing/package.json', text: '{ "name": "@acme/billing" }' },
      { path: 'tsconfig.base.json', text: '{ "compilerOptions": { /* shared */ "paths": { "@shared/*": ["packages/shared/*"] }, } }' },
      { path: 'apps/web/tsconfig.json', text: '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"], "~/*": ["./src/*"] } } }' },
      { path: 'apps/admin/tsconfig.json', text: '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "paths": { "@/*": ["./app/*"] } } }' },
      { path: 'apps/api/tsconfig.json', text: '{ "extends": "../../tsconfig.base.json" }' },
    ],
    new Set(['packages/billing/src', 'packages/billing/src/pay', 'packages/emails/src', 'packages/db/src', 'apps/web/src/lib/mail', 'apps/admin/app/lib/mail', 'packages/shared/util', 'examples/billing/src']),
  );

  test('workspace packages by name: exports (with a wildcard), built entry points mapped to sources, src/index fallback', () => {
    expect(ws.resolve('@acme/billing')).toEqual(['packages/billing/src']);
    expect(ws.resolve('@acme/billing/pay')).toEqual(['packages/billing/src/pay']);
    expect(ws.resolve('@acme/emails')).toEqual(['packages/emails/src']);
    expect(ws.resolve('@acme/db')).toEqual(['packages/db/src']);
  });

  test('path aliases of the config governing the importing file, inherited through extends', () => {
    expect(ws.resolve('@/lib/mail', 'apps/web/src/pages/a.ts')).toEqual(['apps/web/src/lib/mail']);
    expect(ws.resolve('~/lib/mail', 'apps/web/src/pages/a.ts')).toEqual(['apps/web/src/lib/mail']);
    expect(ws.resolve('@/lib/mail', 'apps/admin/app/x.ts')).toEqual(['apps/admin/app/lib/mail']);
    expect(ws.resolve('@shared/util', 'apps/api/src/x.ts')).toEqual(['packages/shared/util']);
  });

  test('hard negative: no guess where the layout says nothing or configs disagree', () => {
    expect(ws.resolve('@/lib/mail')).toBeUndefined();
    expect(ws.resolve('@/lib/mail', 'apps/api/src/x.ts')).toBeUndefined();
    expect(ws.resolve('react')).toBeUndefined();
  });
});

describe('imports of workspace packages link like relative imports', () => {
  const layout = {
    'pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - packages/*\n',
    'packages/billing/package.json': '{ "name": "@acme/billing", "exports": { ".": "./src/index.ts", "./*": "./src/*.ts" } }',
    'packages/billing/src/index.ts': `export * from './lib/stripe';`,
    'packages/billing/src/lib/stripe.ts': STRIPE_CLIENT,
    'packages/analytics/package.json': '{ "name": "@acme/analytics", "exports": { "./server": "./src/server.ts" } }',
    'packages/analytics/src/server.ts': `import { PostHog } from 'posthog-node';\nexport const posthog = new PostHog(process.env.POSTHOG_KEY!);`,
  };

  test('a client factory from a workspace package, a client from a package subpath export', () => {
    expect(
      sent({
        ...layout,
        'apps/web/src/billing.ts': `import { createStripeClient } from '@acme/billing';
import { posthog } from '@acme/analytics/server';
export async function checkout(user: { email: string; id: string }) {
  const stripe = createStripeClient(process.env.STRIPE_KEY!);
  await stripe.customers.create({ email: user.email });
  posthog.identify({ distinctId: user.id, properties: { email: user.email } });
}`,
      }),
    ).toEqual(['apps/web/src/billing.ts:5 stripe [digital-account]', 'apps/web/src/billing.ts:6 posthog [online-activity,digital-account]']);
  });

  test('hard negative: two apps with the same alias path, only one of them a client', () => {
    const apps = {
      'apps/web/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      'apps/web/src/lib/client.ts': `import Stripe from 'stripe';\nexport const client = new Stripe(process.env.K!);`,
      'apps/docs/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      'apps/docs/src/lib/client.ts': `export const client = { customers: { create: (x: unknown) => x } };`,
    };
    expect(
      sent({
        ...apps,
        'apps/web/src/a.ts': `import { client } from '@/lib/client';\nexport async function a(email: string) { await client.customers.create({ email }); }`,
        'apps/docs/src/a.ts': `import { client } from '@/lib/client';\nexport async function a(email: string) { await client.customers.create({ email }); }`,
      }),
    ).toEqual(['apps/web/src/a.ts:2 stripe [digital-account]']);
  });
});

describe('clients from factories the linker cannot follow', () => {
  const files = {
    'src/lib/stripe.ts': `import { makeClient } from '@internal/not-scanned';
export function getStripe() { return makeClient(process.env.STRIPE_KEY); }
export function getApi() { return makeClient(process.env.API_KEY); }`,
    'src/a.ts': `import { getStripe, getApi } from './lib/stripe';
export async function a(user: { email: string }) {
  const stripe = getStripe();
  await stripe.customers.create({ email: user.email });
  const api = getApi();
  await api.customers.create({ email: user.email });
}`,
  };

  test('the receiver named after an SDK decides, one confidence level lower, and --explain says why', () => {
    const flows = scanSources(files).findings.filter((f) => f.kind === 'flow');
    expect(flows.map((f) => `${f.location?.line} ${(f.properties?.['recipient'] as { id: string }).id} ${f.confidence}`)).toEqual(['4 stripe medium']);
    expect(flows[0]?.explain?.join('\n')).toMatch(/guessed from the client's name.*getStripe\(\) could not be followed/);
  });
});

describe('declared workspaces', () => {
  test('a declared package wins over a same-named copy elsewhere in the tree', () => {
    const manifests = [
      { path: 'pnpm-workspace.yaml', text: "packages:\n  - 'packages/**'\n  - '!**/test/**'\n" },
      { path: 'examples/ui/package.json', text: '{ "name": "@acme/ui" }' },
      { path: 'packages/web/ui/package.json', text: '{ "name": "@acme/ui" }' },
    ];
    const ws = new Workspace(manifests, new Set(['examples/ui/src', 'packages/web/ui/src']));
    expect(ws.resolve('@acme/ui')).toEqual(['packages/web/ui/src']);
  });
});
