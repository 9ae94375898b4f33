/**
 * Held-out causes of the real-app bench, as vocabulary: secrets named by their last word in a
 * secret-holding model (encryptedToken, hashedKey, credentialPublicKey), e-mail senders and
 * recipients, address parts on an address model, last-request times, images and signatures of a
 * person; each beside the names it must not match (gateway signatures, crypto tokens, routes and
 * transfers, session settings, a workspace's activity, a thing's profile).
 */
import { describe, test } from 'vitest';
import { expectCategory, expectNothing } from './names/test-helpers.js';


describe('secrets by their last word, in the model that holds them', () => {
  test('a token or key in any protected form, sign-in codes, WebAuthn credentials', () => {
    expectCategory([
      ['ApiKey', 'hashedKey', 'credentials'],
      ['ApiKey', 'tokenHash', 'credentials'],
      ['ApiKey', 'partialToken', 'credentials'],
      ['PersonalAccessToken', 'encryptedToken', 'credentials'],
      ['PersonalAccessToken', 'obfuscatedToken', 'credentials'],
      ['AuthorizationCode', 'code', 'credentials'],
      ['MfaBackupCode', 'code', 'credentials'],
      ['AuthDevice', 'credentialId', 'credentials'],
      ['AuthDevice', 'credentialPublicKey', 'credentials'],
      ['User', 'authChallenge', 'credentials'],
      ['User', 'aiApiKey', 'credentials'],
      ['User', 'mfaLastUsedCode', 'credentials'],
      ['UserCredentials', 'data', 'credentials'],
    ]);
  });

  test("keys of configuration, games' challenges, crypto tokens, labels and gateway tokens are not", () => {
    expectNothing([
      ['Config', 'apiKey'],
      ['Integration', 'apiKey'],
      ['Game', 'challenge'],
      ['Coin', 'token'],
      ['ApiKey', 'name'],
      ['ApiKey', 'lastUsed'],
      ['Credentials', 'name'],
      ['Order', 'zalopayTransToken'],
      ['Product', 'code'],
    ]);
  });
});

describe('e-mails, addresses, activity, images', () => {
  test("an e-mail's sender and recipients; an address's parts; last requests; a person's image and signature", () => {
    expectCategory([
      ['Email', 'from', 'digital-account'],
      ['Email', 'replyTo', 'digital-account'],
      ['Campaign', 'bcc', 'digital-account'],
      ['EmailEvent', 'data', 'online-activity'],
      ['Address', 'city', 'address'],
      ['Address', 'provinceId', 'address'],
      ['Address', 'wardCode', 'address'],
      ['User', 'domicile', 'address'],
      ['Analytics', 'lastRequestAt', 'online-activity'],
      ['PersonalAccessToken', 'lastAccessedAt', 'online-activity'],
      ['User', 'utms', 'online-activity'],
      ['User', 'thirdPartyId', 'digital-account'],
      ['User', 'Img', 'personal-image'],
      ['User', 'signature', 'personal-image'],
    ]);
  });

  test("an e-mail's subject, transfers and routes, gateway signatures, session settings, a workspace, a thing's profile", () => {
    expectNothing([
      ['Email', 'subject'],
      ['EmailEvent', 'status'],
      ['Transfer', 'from'],
      ['Route', 'to'],
      ['Address', 'name'],
      ['Order', 'momoSignature'],
      ['Order', 'zalopayMac'],
      ['User', 'sessionDuration'],
      ['User', 'nextSessionEnd'],
      ['Workspace', 'lastActivityAt'],
      ['AssetProfileOverrides', 'countries'],
      ['CompanyProfile', 'name'],
    ]);
  });
});
