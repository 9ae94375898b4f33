import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
import { scanSources } from '../../../../test/helpers/scan-sources.js';
import { sdkCatalogue } from './sdk-catalogue.js';

describe('SDKs of the recipient catalogue', () => {
  test('calls through a catalogued client send to it; configuration calls do not', () => {
    const code = `
import Stripe from 'stripe';
import * as Sentry from '@sentry/node';
const stripe = new Stripe(process.env.STRIPE_KEY!);
export async function pay(email: string) {
  Sentry.init({ dsn: email });
  Sentry.captureException(new Error('x'), { extra: { email } });
  await stripe.customers.create({ email });
}`;
    expect(sinks(flowsWith([sdkCatalogue], code))).toEqual(['Sentry.captureException → error-tracker: Sentry', 'stripe.customers.create → payment: Stripe']);
  });

  test('an exported client is a fact for importers', () => {
    const flows = flowsWith([sdkCatalogue], `import Stripe from 'stripe';\nexport const stripe = new Stripe('k');`);
    expect(flows.clients['src/app#stripe']).toMatchObject({ sink: { kind: 'payment', label: 'Stripe' } });
  });
});

describe('analytics SDKs collect online activity by themselves', () => {
  test('a tracking call is an online-activity transfer even without personal properties; contact data raises the confidence', () => {
    const out = scanSources({
      'src/track.ts': `import { PostHog } from 'posthog-node';
import mixpanel from 'mixpanel-browser';
const posthog = new PostHog(process.env.POSTHOG_KEY!);
export function signedUp(user: { id: string; email: string }) {
  posthog.capture({ distinctId: 'server', event: 'signed_up' });
  mixpanel.identify(user.email);
}
export function tag(user: { id: string }) {
  gtag('set', 'user_id', user.id);
  gtag('config', 'G-1', { user_id: user.id });
  gtag('config', 'G-1');
}`,
    });
    const flows = out.findings.filter((f) => f.kind === 'flow').map((f) => `${f.location?.line} ${(f.properties?.['recipient'] as { id: string }).id} ${f.confidence} [${f.categories.join(',')}]`);
    expect(flows).toEqual([
      '5 posthog medium [online-activity]',
      // user.id is not personal by name: the tag's own collection, at medium confidence; config without parameters sends nothing.
      '9 google-analytics medium [online-activity]',
      '10 google-analytics medium [online-activity]',
      '6 mixpanel high [online-activity,digital-account]',
    ]);
  });

  test('hard negative: configuration calls and non-analytics SDKs add nothing', () => {
    const out = scanSources({
      'src/a.ts': `import posthog from 'posthog-js';
import Stripe from 'stripe';
const stripe = new Stripe('k');
export function boot() {
  posthog.init('phc_key', { api_host: 'https://eu.i.posthog.com' });
  posthog.reset();
  return stripe.products.list({ limit: 3 });
}`,
    });
    expect(out.findings.filter((f) => f.kind === 'flow')).toEqual([]);
  });
});

describe('more recipients from the catalogue', () => {
  test('Polar, PayOS, OpenPanel, Salesforce clients reach their recipients', () => {
    const out = scanSources({
      'src/pay.ts': `import { Polar } from '@polar-sh/sdk';
import PayOS from '@payos/node';
import { OpenPanel } from '@openpanel/sdk';
import jsforce from 'jsforce';
const polar = new Polar({ accessToken: process.env.POLAR_TOKEN });
const payos = new PayOS(process.env.PAYOS_ID, process.env.PAYOS_KEY, process.env.PAYOS_SUM);
const op = new OpenPanel({ clientId: 'x' });
const sf = new jsforce.Connection({});
export async function pay(user: { email: string; fullName: string }) {
  await polar.customers.create({ email: user.email });
  await payos.createPaymentLink({ buyerName: user.fullName, buyerEmail: user.email });
  op.track('signup', { email: user.email });
  await sf.sobject('Lead').create({ Email: user.email });
}`,
    });
    const flows = out.findings.filter((f) => f.kind === 'flow').map((f) => `${f.location?.line} ${(f.properties?.['recipient'] as { id: string }).id}`);
    expect(flows.sort()).toEqual(['10 polar', '11 payos', '12 openpanel', '13 salesforce']);
  });
});

describe('an SDK class re-exported by a workspace package', () => {
  const WS = {
    'package.json': '{"name":"root","workspaces":["packages/*","apps/*"]}',
    'packages/analytics/package.json': '{"name":"@acme/analytics","exports":{"./server":"./src/server.ts"}}',
    'packages/analytics/src/server.ts': "import { PostHog } from 'posthog-node';\nexport { PostHog };\nexport class Analytics { track(e: unknown) { return e; } }\n",
  };
  test('new PostHog() from @acme/analytics/server: the PostHog SDK, by name (medium confidence)', () => {
    const out = scanSources({
      ...WS,
      'apps/web/src/a.ts': "import { PostHog } from '@acme/analytics/server';\nconst ph = new PostHog('k');\nexport function f(user: { email: string }) {\n  ph.capture({ distinctId: user.email, event: 'x' });\n}\n",
    });
    const f = out.findings.find((x) => x.ruleId === 'pd-cross-border')!;
    expect(f.properties).toMatchObject({ recipient: { id: 'posthog' } });
    expect(f.confidence).toBe('medium');
  });
  test('a class named with a common word (Analytics) is not taken for an SDK', () => {
    const out = scanSources({
      ...WS,
      'apps/web/src/b.ts': "import { Analytics } from '@acme/analytics/server';\nconst a = new Analytics();\nexport function f(user: { email: string }) {\n  a.track({ email: user.email });\n}\n",
    });
    expect(out.findings.filter((x) => (x.properties?.['recipient'] as { id?: string } | undefined)?.id === 'google-analytics')).toEqual([]);
  });
});
