import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
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
