import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { buildGoal, buildUser, type TestGoal, type TestUser } from '../support/factories.js';
import {
  anonymous,
  asBot,
  asToken,
  errorCode,
  execute,
  executeOk,
  wsClient,
  type Credentials,
} from '../support/graphql-client.js';
import { subscribe, untilLive, type LiveSubscription } from '../support/subscriptions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let alice: TestUser;
let bob: TestUser;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp();
  [alice, bob] = await Promise.all([buildUser(app), buildUser(app)]);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => app.stop());

const PROGRESS = `subscription ($goalId: ID!) {
  goalProgress(goalId: $goalId) { goalId progress status stepId changedAt }
}`;

function connect(credentials: Credentials): Client {
  const client = wsClient(app.wsUrl, credentials);
  clients.push(client);
  return client;
}

function watch(credentials: Credentials, goalId: string): LiveSubscription<any> {
  return subscribe(connect(credentials), PROGRESS, { goalId });
}

const mutate = (user: TestUser, query: string, variables: Record<string, unknown>) =>
  executeOk(app.graphqlUrl, query, variables, user.credentials);
const completeStep = (user: TestUser, id: string) =>
  mutate(user, `mutation ($id: ID!) { completeStep(id: $id) { id } }`, { id });
/** An update that changes nothing but still publishes: used to know the subscription is live. */
const touchStep = (user: TestUser, id: string) =>
  mutate(user, `mutation ($id: ID!) { updateStep(id: $id, input: {}) { id } }`, { id });

async function liveWatch(credentials: Credentials, owner: TestUser, goal: TestGoal) {
  const subscription = watch(credentials, goal.id);
  await untilLive(subscription, () => touchStep(owner, goal.steps[0].id));
  return subscription;
}

describe('goalProgress subscription', () => {
  it('tells the owner the new progress, status and step after completeStep and addStep', async () => {
    const goal = await buildGoal(app, alice, { steps: ['Buy shoes', 'Run 5 km'] });
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
    expect(Number.isNaN(Date.parse(first?.data?.goalProgress.changedAt))).toBe(false);

    await completeStep(alice, run.id);
    expect((await updates.next())?.data?.goalProgress).toMatchObject({
      progress: 100,
      status: 'COMPLETED',
      stepId: run.id,
    });

    const added = await mutate(
      alice,
      `mutation ($goalId: ID!) { addStep(goalId: $goalId, input: { title: "Cool down" }) { id } }`,
      { goalId: goal.id },
    );
    expect((await updates.next())?.data?.goalProgress).toMatchObject({
      goalId: goal.id,
      progress: 66,
      status: 'ACTIVE',
      stepId: added.addStep.id,
    });
  });

  it('publishes after commit, and nothing for a mutation that failed', async () => {
    const goal = await buildGoal(app, alice, { steps: ['One', 'Two'] });
    const [one, two] = goal.steps;
    const updates = await liveWatch(alice.credentials, alice, goal);

    const wrongList = await execute(
      app.graphqlUrl,
      `mutation ($goalId: ID!, $ids: [ID!]!) { reorderSteps(goalId: $goalId, stepIds: $ids) { id } }`,
      { goalId: goal.id, ids: [two.id] },
      alice.credentials,
    );
    expect(errorCode(wrongList)).toBe('BAD_USER_INPUT');
    expect(await updates.next(400)).toBeNull();

    // When the update arrives, the change must already be visible to everyone else.
    const pending = completeStep(alice, one.id);
    const update = await updates.next();
    const seen = await executeOk(
      app.graphqlUrl,
      `query ($id: ID!) { goal(id: $id) { progress steps { id status } } }`,
      { id: goal.id },
      alice.credentials,
    );
    await pending;
    expect(update?.data?.goalProgress).toMatchObject({ progress: 50, stepId: one.id });
    expect(seen.goal.progress).toBe(50);
    expect(seen.goal.steps).toContainEqual({ id: one.id, status: 'DONE' });
  });

  it('refuses Bob on Alice’s goal with NOT_FOUND, as for a goal that does not exist', async () => {
    const goal = await buildGoal(app, alice, { steps: ['Secret step'] });
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
    const goal = await buildGoal(app, alice, { steps: ['Step'] });
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
    const goal = await buildGoal(app, alice, { steps: ['Step'] });
    const subscription = watch(credentials(), goal.id);
    const ending = await subscription.ended();
    expect(ending).toMatchObject({ kind: 'error', error: { code: 4403 } });
    expect(subscription.pending()).toEqual([]);
  });

  it('lets an API-token holder follow their own goal, but not someone else’s', async () => {
    const created = await mutate(
      alice,
      `mutation { createApiToken(name: "Dashboard") { token } }`,
      {},
    );
    const token = created.createApiToken.token as string;
    const goal = await buildGoal(app, alice, { steps: ['Plan', 'Do'] });
    const updates = await liveWatch(asToken(token), alice, goal);

    await completeStep(alice, goal.steps[1].id);
    expect((await updates.next())?.data?.goalProgress).toMatchObject({
      goalId: goal.id,
      progress: 50,
      stepId: goal.steps[1].id,
    });

    const bobGoal = await buildGoal(app, bob, { steps: ['Bob step'] });
    const refused = await watch(asToken(token), bobGoal.id).next();
    expect(refused?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const [{ id }] = (await mutate(alice, '{ apiTokens { id } }', {})).apiTokens;
    await mutate(alice, 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id });
    const revoked = await watch(asToken(token), goal.id).ended();
    expect(revoked).toMatchObject({ kind: 'error', error: { code: 4403 } });
  });
});
