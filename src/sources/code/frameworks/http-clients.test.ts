import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
import { httpClients } from './http-clients.js';

describe('http clients', () => {
  test('the recipient is the URL host: catalogued, unknown, or from an environment variable', () => {
    const code = `
import axios from 'axios';
export async function sync(email: string) {
  await fetch('https://api.hubapi.com/contacts', { method: 'POST', body: JSON.stringify({ email }) });
  await axios.post('https://partner-crm.io/v1/users', { email });
  await fetch(process.env.SLACK_WEBHOOK_URL!, { body: email });
}`;
    expect(sinks(flowsWith([httpClients], code))).toEqual([
      'fetch → http: HubSpot',
      'axios.post → http: partner-crm.io',
      'fetch → messaging: Slack',
    ]);
  });

  test('relative URLs and internal hosts are the application itself: only data in the URL counts', () => {
    const code = `
export async function load(email: string) {
  await fetch('/api/users', { body: email });
  await fetch(\`/api/users?email=\${email}\`);
}`;
    expect(sinks(flowsWith([httpClients], code))).toEqual(['fetch() → url: URL']);
  });

  test('configuration calls send nothing; without the module fetch is no sink and axios may be the project\'s own', () => {
    const code = `import axios from 'axios';\nexport function f(email: string) { axios.create({ baseURL: email }); fetch('https://api.hubapi.com/x', { body: email }); }`;
    expect(sinks(flowsWith([httpClients], code))).toEqual(['fetch → http: HubSpot']);
    expect(sinks(flowsWith([], code))).toEqual(['axios.create → http: client']);
  });
});
