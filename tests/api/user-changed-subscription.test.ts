import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import {
  CreateApiTokenDocument,
  CreateGoalDocument,
  SetDialogStateDocument,
} from '../gql/graphql.js';
import { seedUser, type TestUser } from '../support/factories.js';
import {
  asToken,
  errorCode,
  executeOperation,
  executeOperationOk,
  wsClient,
  type Credentials,
} from '../support/graphql-client.js';
import { subscribe, untilLive } from '../support/subscriptions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// userChanged: what the web client's calendar and goal page reload on.

const USER_CHANGED = 'subscription { userChanged { reason changedAt } }';
let app: TestApp;
let alice: TestUser;
let bob: TestUser;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp();
  [alice, bob] = await Promise.all([seedUser(app), seedUser(app)]);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => app.stop());

function watch(credentials: Credentials) {
  const client = wsClient(app.wsUrl, credentials);
  clients.push(client);
  return subscribe<{ userChanged: { reason: string; changedAt: string } }>(client, USER_CHANGED);
}

const createGoal = (user: TestUser, title: string) =>
  executeOperation(app, CreateGoalDocument, { input: { title } }, user);

describe('userChanged subscription', () => {
  it('tells a user of each committed change made for them, and of nothing else', async () => {
    const changes = watch(alice.credentials);
    await untilLive(changes, () => createGoal(alice, 'Warm up'));
    while (await changes.next(300));

    await executeOperationOk(app, CreateGoalDocument, { input: { title: 'Run' } }, alice);
    const change = await changes.next();
    expect(change?.errors).toBeUndefined();
    expect(change?.data?.userChanged.reason).toBe('DATA');
    expect(Number.isNaN(Date.parse(change?.data?.userChanged.changedAt ?? ''))).toBe(false);

    // Another user's change, bookkeeping (a bot's dialog state), a refused mutation: nothing.
    await executeOperationOk(app, CreateGoalDocument, { input: { title: 'Swim' } }, bob);
    await executeOperationOk(app, SetDialogStateDocument, { state: { step: 1 } }, alice);
    expect(errorCode(await createGoal(alice, ''))).toBe('BAD_USER_INPUT');
    expect(await changes.next(500)).toBeNull();
  });

  it('is not for a third party’s API token', async () => {
    const { token } = (
      await executeOperationOk(app, CreateApiTokenDocument, { name: 'Third party' }, alice)
    ).createApiToken;
    const refused = watch(asToken(token));
    const answer = await refused.next();
    expect(answer?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await expect(refused.ended()).resolves.toEqual({ kind: 'complete' });
  });
});
