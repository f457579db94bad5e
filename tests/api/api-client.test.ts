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

describe('a subscription acting for a user', () => {
  it('ends quietly when unsubscribed while its socket waits to retry a refused connection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      // Nothing listens on port 9: the socket fails, then waits to retry.
      const client = new ApiClient('http://127.0.0.1:9/graphql', TEST_SERVICE_KEY);
      const errors: unknown[] = [];
      const unsubscribe = client.subscribe(
        MeDocument,
        {},
        { onData: () => undefined, onError: (error) => errors.push(error) },
        { platform: 'telegram', platformUserId: 'nobody' },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      unsubscribe();
      // The retry wait (about 1–4 s) ends with nothing left to serve.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  }, 15_000);
});
