import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
import { browserGlobals } from './browser-globals.js';

describe('analytics tags through browser globals', () => {
  test('gtag events and config parameters (user_id, user data) send; a bare config does not; a local variable of the same name is not the tag', () => {
    const code = `
export function track(email: string) {
  gtag('config', 'G-1', { user_email: email });
  gtag('event', 'signup', { email });
  gtag('config', 'G-1');
}
export function local(email: string, gtag: (x: string) => void) { gtag(email); }`;
    expect(sinks(flowsWith([browserGlobals], code))).toEqual(['gtag → analytics: Google Analytics (gtag.js / GA4)', 'gtag → analytics: Google Analytics (gtag.js / GA4)']);
  });
});
