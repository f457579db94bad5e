import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildUser, type TestUser } from '../support/factories.js';
import { HookRegisterWebhookDocument } from '../gql/graphql.js';
import { errorCode, executeOperation } from '../support/graphql-client.js';
import { PRIVATE_URLS } from '../support/private-urls.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let user: TestUser;

beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_ALLOW_LOCALHOST: 'false' });
  user = await buildUser(app);
});
afterAll(() => app.stop());

describe('registerWebhook and private addresses', () => {
  it.each([...PRIVATE_URLS, 'https://user:secret@hooks.example.com/maxon'])(
    'refuses %s with BAD_USER_INPUT',
    async (url) => {
      const result = await executeOperation(app, HookRegisterWebhookDocument, { url }, user);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe('url');
    },
  );

  it('accepts a public https URL', async () => {
    const url = 'https://hooks.example.com/maxon';
    const result = await executeOperation(app, HookRegisterWebhookDocument, { url }, user);
    expect(result.errors).toBeUndefined();
  });
});
