import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import { buildGoal, buildUser, type TestGoal, type TestUser } from '../support/factories.js';
import {
  anonymous,
  asBot,
  asToken,
  errorCode,
  execute,
  executeOk,
  type Credentials,
  type GraphQLResponse,
} from '../support/graphql-client.js';
import { startTestApp, TEST_SERVICE_KEY, type TestApp } from '../support/test-app.js';

let app: TestApp;
let alice: TestUser;
let bob: TestUser;
let aliceGoal: TestGoal;
let bobGoal: TestGoal;
let aliceEventId: string;
let bobEventId: string;
let aliceToken: { id: string; token: string };
let bobToken: { id: string; token: string };
let aliceBefore: unknown;

const START = '2099-03-10T10:00:00+03:00';
const RANGE = { from: '2099-03-01T00:00:00Z', to: '2099-04-01T00:00:00Z' };
const CREATE_EVENT = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`;

const run = (query: string, variables: Record<string, unknown>, credentials: Credentials) =>
  execute(app.graphqlUrl, query, variables, credentials);
const runOk = (query: string, variables: Record<string, unknown>, credentials: Credentials) =>
  executeOk(app.graphqlUrl, query, variables, credentials);

async function createToken(user: TestUser, name: string) {
  const data = await runOk(
    `mutation ($name: String!) { createApiToken(name: $name) { token apiToken { id } } }`,
    { name },
    user.credentials,
  );
  return { id: data.createApiToken.apiToken.id as string, token: data.createApiToken.token };
}

const ALICE_SNAPSHOT = `query ($goalId: ID!, $eventId: ID!) {
  goal(id: $goalId) { id title status progress steps { id title status position } }
  event(id: $eventId) { id title startsAt goalId stepId }
  goals { totalCount }
  apiTokens { id name revokedAt }
}`;
const aliceNow = () =>
  runOk(ALICE_SNAPSHOT, { goalId: aliceGoal.id, eventId: aliceEventId }, alice.credentials);

beforeAll(async () => {
  app = await startTestApp();
  [alice, bob] = await Promise.all([buildUser(app), buildUser(app)]);
  aliceGoal = await buildGoal(app, alice, { title: 'Alice goal', steps: ['First', 'Second'] });
  bobGoal = await buildGoal(app, bob, { title: 'Bob goal', steps: ['Bob step'] });
  const input = { title: 'Alice event', start: START, stepId: aliceGoal.steps[0].id };
  aliceEventId = (await runOk(CREATE_EVENT, { input }, alice.credentials)).createEvent.id;
  const bobInput = { title: 'Bob event', start: START };
  bobEventId = (await runOk(CREATE_EVENT, { input: bobInput }, bob.credentials)).createEvent.id;
  aliceToken = await createToken(alice, 'Alice integration');
  bobToken = await createToken(bob, 'Bob integration');
  aliceBefore = await aliceNow();
});
afterAll(() => app.stop());

/** What an attack aims at: Alice's objects, or ids that exist nowhere. */
type Target = Record<'goal' | 'step' | 'otherStep' | 'event' | 'token', string>;
type Attack = [query: string, variables: (t: Target) => Record<string, unknown>];

const ATTACKS: Record<string, Attack> = {
  goal: ['query ($id: ID!) { goal(id: $id) { id title } }', (t) => ({ id: t.goal })],
  event: ['query ($id: ID!) { event(id: $id) { id title } }', (t) => ({ id: t.event })],
  updateGoal: [
    'mutation ($id: ID!) { updateGoal(id: $id, input: { title: "Pwned", status: ARCHIVED }) { id } }',
    (t) => ({ id: t.goal }),
  ],
  deleteGoal: ['mutation ($id: ID!) { deleteGoal(id: $id) }', (t) => ({ id: t.goal })],
  addStep: [
    'mutation ($id: ID!) { addStep(goalId: $id, input: { title: "Pwned" }) { id } }',
    (t) => ({ id: t.goal }),
  ],
  updateStep: [
    'mutation ($id: ID!) { updateStep(id: $id, input: { title: "Pwned", status: SKIPPED }) { id } }',
    (t) => ({ id: t.step }),
  ],
  completeStep: ['mutation ($id: ID!) { completeStep(id: $id) { id } }', (t) => ({ id: t.step })],
  deleteStep: ['mutation ($id: ID!) { deleteStep(id: $id) }', (t) => ({ id: t.step })],
  reorderSteps: [
    'mutation ($id: ID!, $ids: [ID!]!) { reorderSteps(goalId: $id, stepIds: $ids) { id } }',
    (t) => ({ id: t.goal, ids: [t.otherStep, t.step] }),
  ],
  updateEvent: [
    'mutation ($id: ID!) { updateEvent(id: $id, input: { title: "Pwned" }) { id } }',
    (t) => ({ id: t.event }),
  ],
  deleteEvent: ['mutation ($id: ID!) { deleteEvent(id: $id) }', (t) => ({ id: t.event })],
  revokeApiToken: [
    'mutation ($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }',
    (t) => ({ id: t.token }),
  ],
  'createEvent with her goalId': [
    CREATE_EVENT,
    (t) => ({ input: { title: 'Pwned', start: START, goalId: t.goal } }),
  ],
  'createEvent with her stepId': [
    CREATE_EVENT,
    (t) => ({ input: { title: 'Pwned', start: START, stepId: t.step } }),
  ],
  'updateEvent linking his own event to her step': [
    'mutation ($id: ID!, $stepId: ID!) { updateEvent(id: $id, input: { stepId: $stepId }) { id } }',
    (t) => ({ id: bobEventId, stepId: t.step }),
  ],
};

const errorsOf = (result: GraphQLResponse<unknown>) =>
  result.errors?.map(({ message, extensions }) => ({ message, extensions }));
const BOB_EVENTS = `query ($from: DateTimeISO!, $to: DateTimeISO!) {
  events(from: $from, to: $to) { event { id title goalId stepId } }
}`;

describe.each([
  ['bot', () => bob.credentials],
  ['API token', () => asToken(bobToken.token)],
])('Bob (via %s) acting on Alice’s objects', (_via, bobCredentials) => {
  it.each(Object.keys(ATTACKS))('%s: NOT_FOUND, as for an id that exists nowhere', async (name) => {
    const [query, variables] = ATTACKS[name];
    const [first, second] = aliceGoal.steps;
    const hers: Target = {
      goal: aliceGoal.id,
      step: first.id,
      otherStep: second.id,
      event: aliceEventId,
      token: aliceToken.id,
    };
    const result = await run(query, variables(hers), bobCredentials());
    expect(errorCode(result)).toBe('NOT_FOUND');
    expect(result.data).toBeNull();

    const nowhere = Object.fromEntries(Object.keys(hers).map((key) => [key, randomUUID()]));
    const unknown = await run(query, variables(nowhere as Target), bobCredentials());
    expect(errorsOf(result)).toEqual(errorsOf(unknown));

    expect(await aliceNow()).toEqual(aliceBefore);
    const bobEvents = await runOk(BOB_EVENTS, RANGE, bob.credentials);
    expect(bobEvents.events).toEqual([
      { event: { id: bobEventId, title: 'Bob event', goalId: null, stepId: null } },
    ]);
  });

  it('lists only his own goals, events, tokens and himself', async () => {
    const lists = await runOk(
      `query ($from: DateTimeISO!, $to: DateTimeISO!) {
        me { id }
        goals { items { id } totalCount }
        events(from: $from, to: $to) { event { id } }
        apiTokens { id }
      }`,
      RANGE,
      bobCredentials(),
    );
    expect(lists).toEqual({
      me: { id: bob.id },
      goals: { items: [{ id: bobGoal.id }], totalCount: 1 },
      events: [{ event: { id: bobEventId } }],
      apiTokens: [{ id: bobToken.id }],
    });
  });
});

describe('Alice afterwards', () => {
  it('still has her goal, its steps, her event and a working token', async () => {
    const me = await runOk('{ me { id } }', {}, asToken(aliceToken.token));
    expect(me.me.id).toBe(alice.id);
    const snapshot = await aliceNow();
    expect(snapshot.goal.steps.map((step: { title: string }) => step.title)).toEqual([
      'First',
      'Second',
    ]);
    expect(snapshot.event).toMatchObject({ goalId: aliceGoal.id, stepId: aliceGoal.steps[0].id });
  });
});

const NOWHERE = randomUUID();
/** One call of every query and mutation that acts for a user. */
const USER_OPERATIONS: Record<string, string> = {
  me: '{ me { id } }',
  goals: '{ goals { totalCount } }',
  goal: `{ goal(id: "${NOWHERE}") { id } }`,
  events: `{ events(from: "${RANGE.from}", to: "${RANGE.to}") { start } }`,
  event: `{ event(id: "${NOWHERE}") { id } }`,
  apiTokens: '{ apiTokens { id } }',
  createGoal: 'mutation { createGoal(input: { title: "Sneaky" }) { id } }',
  updateGoal: `mutation { updateGoal(id: "${NOWHERE}", input: { title: "x" }) { id } }`,
  deleteGoal: `mutation { deleteGoal(id: "${NOWHERE}") }`,
  addStep: `mutation { addStep(goalId: "${NOWHERE}", input: { title: "x" }) { id } }`,
  updateStep: `mutation { updateStep(id: "${NOWHERE}", input: { title: "x" }) { id } }`,
  completeStep: `mutation { completeStep(id: "${NOWHERE}") { id } }`,
  deleteStep: `mutation { deleteStep(id: "${NOWHERE}") }`,
  reorderSteps: `mutation { reorderSteps(goalId: "${NOWHERE}", stepIds: []) { id } }`,
  createEvent: `mutation { createEvent(input: { title: "x", start: "${START}" }) { id } }`,
  updateEvent: `mutation { updateEvent(id: "${NOWHERE}", input: { title: "x" }) { id } }`,
  deleteEvent: `mutation { deleteEvent(id: "${NOWHERE}") }`,
  updateSettings: 'mutation { updateSettings(input: { language: EN }) { id } }',
  createApiToken: 'mutation { createApiToken(name: "x") { token } }',
  revokeApiToken: `mutation { revokeApiToken(id: "${NOWHERE}") { id } }`,
  reminder: `{ reminder(id: "${NOWHERE}") { id } }`,
  reminders: '{ reminders { hasMore } }',
  createReminder: `mutation { createReminder(input: { type: ONE_TIME, text: "x", triggerAt: "${START}" }) { id } }`,
  pauseReminder: `mutation { pauseReminder(id: "${NOWHERE}") { id } }`,
  resumeReminder: `mutation { resumeReminder(id: "${NOWHERE}") { id } }`,
  cancelReminder: `mutation { cancelReminder(id: "${NOWHERE}") { id } }`,
  deleteReminder: `mutation { deleteReminder(id: "${NOWHERE}") }`,
  notificationHistory: '{ notificationHistory { items { id } } }',
  snoozeNotification: `mutation { snoozeNotification(id: "${NOWHERE}", minutes: 10) { id } }`,
  webhooks: '{ webhooks { id } }',
  webhookDeliveries: `{ webhookDeliveries(notificationId: "${NOWHERE}") { id } }`,
  registerWebhook: 'mutation { registerWebhook(url: "https://example.com/hook") { secret } }',
  deleteWebhook: `mutation { deleteWebhook(id: "${NOWHERE}") }`,
  sendMessage: 'mutation { sendMessage(text: "привет") { text } }',
  sendVoice: 'mutation { sendVoice(audioBase64: "AAAA") { text } }',
  assistantCapabilities: '{ assistantCapabilities { model } }',
  conversation: '{ conversation { text } }',
  analyzeGoal: `mutation { analyzeGoal(goalId: "${NOWHERE}") { id } }`,
  generatePlan: `mutation { generatePlan(goalId: "${NOWHERE}") { id } }`,
  cancelPlanGeneration: `mutation { cancelPlanGeneration(goalId: "${NOWHERE}") }`,
  acceptPlan: `mutation { acceptPlan(proposalId: "${NOWHERE}") { id } }`,
  schedulePlan: `mutation { schedulePlan(goalId: "${NOWHERE}") { feasible } }`,
  freeSlots: `{ freeSlots(from: "${RANGE.from}", to: "${RANGE.to}") { start } }`,
};
/** Operations for bots holding the service key (tested in tests/jobs/). */
const SERVICE_OPERATIONS = ['pendingNotifications', 'scheduledJobs', 'acknowledgeNotification'];
const REGISTER = `mutation ($input: RegisterChannelAccountInput!) {
  registerChannelAccount(input: $input) { id }
}`;
const newIdentity = () => ({ platform: 'TELEGRAM', platformUserId: randomUUID(), chatId: '42' });
const register = (credentials: Credentials) => run(REGISTER, { input: newIdentity() }, credentials);
const withServiceKey = (headers: Record<string, string>): Credentials => ({
  headers: { authorization: `Bearer ${TEST_SERVICE_KEY}`, ...headers },
  connectionParams: {},
});

async function expectEveryUserOperation(credentials: Credentials, code: string) {
  for (const [name, query] of Object.entries(USER_OPERATIONS)) {
    const result = await run(query, {}, credentials);
    // A nullable field (generatePlan) answers { field: null } instead of data: null.
    const fields = Object.values(result.data ?? {});
    const data = fields.every((value) => value === null) ? null : result.data;
    expect({ name, code: errorCode(result), data }).toEqual({
      name,
      code,
      data: null,
    });
  }
}

describe('callers without a user', () => {
  it('the operations above are every query and mutation of the schema', () => {
    const schema = buildSchema(readFileSync('src/schema/schema.graphql', 'utf8'));
    const fields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.keys(type.getFields()),
    );
    const covered = [
      ...Object.keys(USER_OPERATIONS),
      ...SERVICE_OPERATIONS,
      'registerChannelAccount',
      'dialogState',
      'setDialogState',
    ];
    expect(fields.sort()).toEqual(covered.sort());
  });

  it('anonymous callers get UNAUTHENTICATED on every operation', async () => {
    await expectEveryUserOperation(anonymous, 'UNAUTHENTICATED');
    expect(errorCode(await register(anonymous))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['an unknown secret', 'Bearer not-the-key'],
    ['the service key with a typo', `Bearer ${TEST_SERVICE_KEY}x`],
    ['a forged API token', 'Bearer mxn_forgedforgedforgedforgedforgedfo'],
  ])('%s is UNAUTHENTICATED, also for registerChannelAccount', async (_name, authorization) => {
    const credentials = { headers: { authorization }, connectionParams: {} };
    await expectEveryUserOperation(credentials, 'UNAUTHENTICATED');
    expect(errorCode(await register(credentials))).toBe('UNAUTHENTICATED');
  });

  it('a bot with no acting identity, or an unregistered one, is UNAUTHENTICATED', async () => {
    await expectEveryUserOperation(asBot(), 'UNAUTHENTICATED');
    await expectEveryUserOperation(asBot('max', 'never-registered'), 'UNAUTHENTICATED');
  });

  it('a bad acting identity is BAD_USER_INPUT', async () => {
    const identities: Record<string, string>[] = [
      { 'x-maxon-platform': 'icq', 'x-maxon-platform-user-id': '123' },
      { 'x-maxon-platform': 'telegram' },
      { 'x-maxon-platform-user-id': '123' },
    ];
    for (const headers of identities) {
      const registered = await register(withServiceKey(headers));
      expect({ headers, code: errorCode(registered) }).toEqual({ headers, code: 'BAD_USER_INPUT' });
      const me = await run('{ me { id } }', {}, withServiceKey(headers));
      expect({ headers, code: errorCode(me) }).toEqual({ headers, code: 'BAD_USER_INPUT' });
    }
  });
});

describe('registerChannelAccount', () => {
  const accountsOf = (platformUserId: string) =>
    app.db.query(
      'SELECT platform, user_id, chat_id FROM channel_accounts WHERE platform_user_id = $1',
      [platformUserId],
    );

  it('is for bots only: an API token is FORBIDDEN and registers nothing', async () => {
    const input = newIdentity();
    const result = await run(REGISTER, { input }, asToken(aliceToken.token));
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
    expect(await accountsOf(input.platformUserId)).toEqual([]);
  });

  it('is idempotent: the same identity keeps its user, and the chat id is updated', async () => {
    const input = { ...newIdentity(), platform: 'MAX', chatId: 'chat-1', displayName: 'Carol' };
    const first = await runOk(REGISTER, { input }, asBot());
    const again = { ...input, chatId: 'chat-2', displayName: 'Someone else' };
    const second = await runOk(REGISTER, { input: again }, asBot());
    const userId = first.registerChannelAccount.id;
    expect(second.registerChannelAccount.id).toBe(userId);
    expect(await accountsOf(input.platformUserId)).toEqual([
      { platform: 'max', user_id: userId, chat_id: 'chat-2' },
    ]);
    const me = await runOk('{ me { id displayName } }', {}, asBot('max', input.platformUserId));
    expect(me.me).toEqual({ id: userId, displayName: 'Carol' });

    const sameIdOnTelegram = { ...input, platform: 'TELEGRAM' };
    const other = await runOk(REGISTER, { input: sameIdOnTelegram }, asBot());
    expect(other.registerChannelAccount.id).not.toBe(userId);
  });
});

describe('dialogState', () => {
  const SET = `mutation ($state: JSONObject) { setDialogState(state: $state) }`;
  const GET = `{ dialogState }`;

  it('belongs to one messenger account: saved, read back, cleared, never shared', async () => {
    const carol = newIdentity();
    const dave = newIdentity();
    await runOk(REGISTER, { input: carol }, asBot());
    await runOk(REGISTER, { input: dave }, asBot());
    const asCarol = asBot('telegram', carol.platformUserId);
    const asDave = asBot('telegram', dave.platformUserId);

    const state = { kind: 'goal_title', goalId: randomUUID() };
    expect((await runOk(SET, { state }, asCarol)).setDialogState).toBe(true);
    expect((await runOk(GET, {}, asCarol)).dialogState).toEqual(state);
    expect((await runOk(GET, {}, asDave)).dialogState).toBeNull();

    await runOk(SET, { state: null }, asCarol);
    expect((await runOk(GET, {}, asCarol)).dialogState).toBeNull();
  });

  it('refuses API tokens (FORBIDDEN) and oversized states (BAD_USER_INPUT), keeping the old one', async () => {
    expect(errorCode(await run(GET, {}, asToken(aliceToken.token)))).toBe('FORBIDDEN');
    expect(errorCode(await run(SET, { state: { a: 1 } }, asToken(aliceToken.token)))).toBe(
      'FORBIDDEN',
    );
    const erin = newIdentity();
    await runOk(REGISTER, { input: erin }, asBot());
    const asErin = asBot('telegram', erin.platformUserId);
    await runOk(SET, { state: { kind: 'add_step' } }, asErin);
    const huge = { text: 'x'.repeat(5000) };
    expect(errorCode(await run(SET, { state: huge }, asErin))).toBe('BAD_USER_INPUT');
    expect((await runOk(GET, {}, asErin)).dialogState).toEqual({ kind: 'add_step' });
  });
});
