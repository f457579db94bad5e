import { afterAll, beforeAll } from '@jest/globals';
import { SendMessageDocument, type SendMessageMutation } from '../gql/graphql.js';
import type { TestUser } from './factories.js';
import { executeOperationOk } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * A test file talking to the assistant: starts the app for the file and gives `send`, one
 * message of a user through the real `sendMessage` mutation.
 */
export function assistantChat(): {
  app: () => TestApp;
  send: (user: TestUser, text: string) => Promise<SendResult>;
} {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());
  return {
    app: () => app,
    send: async (user, text) =>
      (await executeOperationOk(app, SendMessageDocument, { text }, user)).sendMessage,
  };
}

type SendResult = SendMessageMutation['sendMessage'];
