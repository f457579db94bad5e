import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, ApiError } from '../../src/clients/shared/api-client.js';
import {
  GoalListDocument,
  MeDocument,
  RegisterChannelAccountDocument,
} from '../../src/clients/shared/gql/graphql.js';
import { TEST_SERVICE_KEY, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('typed client (codegen operations)', () => {
  it('registers a MAX user and reads through generated documents', async () => {
    const client = new ApiClient(app.graphqlUrl, TEST_SERVICE_KEY);
    const identity = { platform: 'max' as const, platformUserId: `max-${Date.now()}` };
    const registered = await client.request(RegisterChannelAccountDocument, {
      input: {
        platform: 'MAX',
        platformUserId: identity.platformUserId,
        chatId: '77',
        language: 'EN',
      },
    });
    expect(registered.registerChannelAccount.settings.language).toBe('EN');

    const me = await client.request(MeDocument, {}, identity);
    expect(me.me.id).toBe(registered.registerChannelAccount.id);
    const goals = await client.request(GoalListDocument, { limit: 5 }, identity);
    expect(goals.goals).toEqual({ items: [], hasMore: false, nextOffset: null });
  });

  it('surfaces API errors with their code', async () => {
    const client = new ApiClient(app.graphqlUrl, 'wrong-key-wrong-key-wrong-key-wrong');
    const failure = await client.request(MeDocument, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('UNAUTHENTICATED');
  });
});
