import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import {
  AddStepDocument,
  ApiTokensDocument,
  CompleteStepDocument,
  CreateApiTokenDocument,
  GoalDocument,
  GoalProgressDocument,
  ReorderStepsDocument,
  RevokeApiTokenDocument,
  UpdateStepDocument,
} from '../gql/graphql.js';
import { seedGoal, seedUser, type TestGoal, type TestUser } from '../support/factories.js';
import {
  anonymous,
  asBot,
  asToken,
  errorCode,
  executeOperation,
  executeOperationOk,
  subscribeTo,
  wsClient,
  type Credentials,
} from '../support/graphql-client.js';
import { TOKEN_STATE_TTL_MS } from '../../src/services/api-token.service.js';
import { untilLive } from '../support/subscriptions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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

function connect(credentials: Credentials): Client {
  const client = wsClient(app.wsUrl, credentials);
  clients.push(client);
  return client;
}

const watch = (credentials: Credentials, goalId: string) =>
  subscribeTo(connect(credentials), GoalProgressDocument, { goalId });

const completeStep = (user: TestUser, id: string) =>
  executeOperationOk(app, CompleteStepDocument, { id }, user);
/** An update that changes nothing but still publishes: used to know the subscription is live. */
const touchStep = (user: TestUser, id: string) =>
  executeOperationOk(app, UpdateStepDocument, { id, input: {} }, user);

async function liveWatch(credentials: Credentials, owner: TestUser, goal: TestGoal) {
  const subscription = watch(credentials, goal.id);
  await untilLive(subscription, () => touchStep(owner, goal.steps[0].id));
  return subscription;
}

describe('goalProgress subscription', () => {
  it('tells the owner the new progress, status and step after completeStep and addStep', async () => {
    const goal = await seedGoal(app, alice, { steps: ['Buy shoes', 'Run 5 km'] });
    const [shoes, run] = goal.steps;
    const updates = await liveWatch(alice.credentials, alice, goal);

    await completeStep(alice, shoes.id);
    const first = await updates.next();
    expect(first?.errors).toBeUndefined();
    expect(first?.data?.goalProgress).toMatchObject({
      goalId: goal.id,
      progress: 50,
      status: 'ACTIVE',
      stepId: shoes.id,
    });
    expect(Number.isNaN(Date.parse(first?.data?.goalProgress.changedAt ?? ''))).toBe(false);

    await completeStep(alice, run.id);
    expect((await updates.next())?.data?.goalProgress).toMatchObject({
      progress: 100,
      status: 'COMPLETED',
      stepId: run.id,
    });

    const added = await executeOperationOk(
      app,
      AddStepDocument,
      { goalId: goal.id, input: { title: 'Cool down' } },
      alice,
    );
    expect((await updates.next())?.data?.goalProgress).toMatchObject({
      goalId: goal.id,
      progress: 66,
      status: 'ACTIVE',
      stepId: added.addStep.id,
    });
  });

  it('publishes after commit, and nothing for a mutation that failed', async () => {
    const goal = await seedGoal(app, alice, { steps: ['One', 'Two'] });
    const [one, two] = goal.steps;
    const updates = await liveWatch(alice.credentials, alice, goal);

    const wrongList = await executeOperation(
      app,
      ReorderStepsDocument,
      { goalId: goal.id, stepIds: [two.id] },
      alice,
    );
    expect(errorCode(wrongList)).toBe('BAD_USER_INPUT');
    expect(await updates.next(400)).toBeNull();

    // When the update arrives, the change must already be visible to everyone else.
    const pending = completeStep(alice, one.id);
    const update = await updates.next();
    const seen = await executeOperationOk(app, GoalDocument, { id: goal.id }, alice);
    await pending;
    expect(update?.data?.goalProgress).toMatchObject({ progress: 50, stepId: one.id });
    expect(seen.goal.progress).toBe(50);
    expect(seen.goal.steps).toContainEqual(expect.objectContaining({ id: one.id, status: 'DONE' }));
  });

  it('refuses Bob on Alice’s goal with NOT_FOUND, as for a goal that does not exist', async () => {
    const goal = await seedGoal(app, alice, { steps: ['Secret step'] });
    const spy = watch(bob.credentials, goal.id);
    const refused = await spy.next();
    expect(refused?.data ?? null).toBeNull();
    expect(refused?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const nowhere = await watch(bob.credentials, randomUUID()).next();
    expect(nowhere?.errors?.map((e) => e.message)).toEqual(refused?.errors?.map((e) => e.message));

    await completeStep(alice, goal.steps[0].id);
    expect(await spy.ended()).toEqual({ kind: 'complete' });
    expect(spy.pending()).toEqual([]);
  });

  it('needs a user: anonymous and bot-without-identity subscriptions are UNAUTHENTICATED', async () => {
    const goal = await seedGoal(app, alice, { steps: ['Step'] });
    for (const credentials of [anonymous, asBot()]) {
      const result = await watch(credentials, goal.id).next();
      expect(result?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it.each([
    ['a bad API token', () => asToken('mxn_forgedforgedforgedforgedforgedfo')],
    [
      'a wrong service key',
      () => ({ headers: {}, connectionParams: { authorization: 'Bearer nope' } }),
    ],
    ['an unknown platform', () => asBot('icq', alice.platformUserId)],
  ])('refuses a connection with %s', async (_name, credentials) => {
    const goal = await seedGoal(app, alice, { steps: ['Step'] });
    const subscription = watch(credentials(), goal.id);
    const ending = await subscription.ended();
    expect(ending).toMatchObject({ kind: 'error', error: { code: 4403 } });
    expect(subscription.pending()).toEqual([]);
  });

  it('lets an API-token holder follow their own goal, but not someone else’s', async () => {
    const created = await executeOperationOk(
      app,
      CreateApiTokenDocument,
      { name: 'Dashboard' },
      alice,
    );
    const { token } = created.createApiToken;
    const goal = await seedGoal(app, alice, { steps: ['Plan', 'Do'] });
    const updates = await liveWatch(asToken(token), alice, goal);

    await completeStep(alice, goal.steps[1].id);
    expect((await updates.next())?.data?.goalProgress).toMatchObject({
      goalId: goal.id,
      progress: 50,
      stepId: goal.steps[1].id,
    });

    const bobGoal = await seedGoal(app, bob, { steps: ['Bob step'] });
    const refused = await watch(asToken(token), bobGoal.id).next();
    expect(refused?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const [{ id }] = (await executeOperationOk(app, ApiTokensDocument, {}, alice)).apiTokens;
    await executeOperationOk(app, RevokeApiTokenDocument, { id }, alice);
    const revoked = await watch(asToken(token), goal.id).ended();
    expect(revoked).toMatchObject({ kind: 'error', error: { code: 4403 } });
  });

  it('closes the open sockets of a token with 4403 as soon as it is revoked', async () => {
    const { token, apiToken } = (
      await executeOperationOk(app, CreateApiTokenDocument, { name: 'Open socket' }, alice)
    ).createApiToken;
    const goal = await seedGoal(app, alice, { steps: ['Plan'] });
    const updates = await liveWatch(asToken(token), alice, goal);

    await executeOperationOk(app, RevokeApiTokenDocument, { id: apiToken.id }, alice);
    expect(await updates.ended(2_000)).toMatchObject({ kind: 'error', error: { code: 4403 } });
  });

  it('re-checks the token before each operation on an open socket', async () => {
    const { token, apiToken } = (
      await executeOperationOk(app, CreateApiTokenDocument, { name: 'Elsewhere' }, alice)
    ).createApiToken;
    const goal = await seedGoal(app, alice, { steps: ['Plan'] });
    const client = connect(asToken(token));
    const first = subscribeTo(client, GoalProgressDocument, { goalId: goal.id });
    await untilLive(first, () => touchStep(alice, goal.steps[0].id));

    // Revoked by another API instance with no shared PubSub: no event reaches this one.
    await app.db.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1', [apiToken.id]);
    await new Promise((resolve) => setTimeout(resolve, TOKEN_STATE_TTL_MS + 200));
    const second = subscribeTo(client, GoalProgressDocument, { goalId: goal.id });
    expect(await second.ended()).toMatchObject({ kind: 'error', error: { code: 4403 } });
    expect(second.pending()).toEqual([]);
  });
});
