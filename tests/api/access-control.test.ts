import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import {
  AddStepDocument,
  ArchiveHabitDocument,
  CheckInDocument,
  CreateHabitDocument,
  DeleteHabitDocument,
  HabitDocument,
  HabitHeatmapDocument,
  GoalProgressChartDocument,
  PauseHabitDocument,
  ResumeHabitDocument,
  UndoCheckInDocument,
  UpdateHabitDocument,
  CompleteStepDocument,
  CreateApiTokenDocument,
  CreateEventDocument,
  DeleteEventDocument,
  DeleteGoalDocument,
  DeleteStepDocument,
  DialogStateDocument,
  EventDocument,
  GoalDocument,
  MeDocument,
  OwnedObjectsDocument,
  RegisterChannelAccountDocument,
  ReorderStepsDocument,
  RevokeApiTokenDocument,
  SetDialogStateDocument,
  UpdateEventDocument,
  UpdateGoalDocument,
  UpdateStepDocument,
} from '../gql/graphql.js';
import {
  seedEvent,
  seedGoal,
  seedHabit,
  seedUser,
  type TestGoal,
  type TestUser,
} from '../support/factories.js';
import {
  anonymous,
  asBot,
  asToken,
  errorCode,
  execute,
  executeOk,
  executeOperation,
  executeOperationOk,
  type Credentials,
  type GraphQLResponse,
} from '../support/graphql-client.js';
import { startTestApp, TEST_SERVICE_KEY, type TestApp } from '../support/test-app.js';
import { CheckInStatus } from '../../src/entities/index.js';
import { addDays, habitDayOf } from '../../src/services/habits/local-date.js';

let app: TestApp;
let alice: TestUser;
let bob: TestUser;
let aliceGoal: TestGoal;
let bobGoal: TestGoal;
let aliceEventId: string;
let bobEventId: string;
let aliceHabitId: string;
let aliceToken: { id: string; token: string };
let bobToken: { id: string; token: string };
let aliceBefore: unknown;

const START = '2099-03-10T10:00:00+03:00';
const RANGE = { from: '2099-03-01T00:00:00Z', to: '2099-04-01T00:00:00Z' };

async function createToken(user: TestUser, name: string) {
  const data = await executeOperationOk(app, CreateApiTokenDocument, { name }, user);
  return { id: data.createApiToken.apiToken.id, token: data.createApiToken.token };
}

const aliceToday = () => habitDayOf(new Date(), 'Europe/Moscow', '00:00');
const aliceNow = () =>
  executeOperationOk(
    app,
    OwnedObjectsDocument,
    {
      goalId: aliceGoal.id,
      eventId: aliceEventId,
      habitId: aliceHabitId,
      from: addDays(aliceToday(), -7),
      to: aliceToday(),
    },
    alice,
  );

beforeAll(async () => {
  app = await startTestApp();
  [alice, bob] = await Promise.all([seedUser(app), seedUser(app)]);
  aliceGoal = await seedGoal(app, alice, { title: 'Alice goal', steps: ['First', 'Second'] });
  bobGoal = await seedGoal(app, bob, { title: 'Bob goal', steps: ['Bob step'] });
  aliceEventId = await seedEvent(app, alice, {
    title: 'Alice event',
    start: START,
    goalId: aliceGoal.id,
    stepId: aliceGoal.steps[0].id,
  });
  bobEventId = await seedEvent(app, bob, { title: 'Bob event', start: START });
  aliceHabitId = await seedHabit(app, alice, {
    startedOn: addDays(aliceToday(), -1),
    target: 2,
    checkIns: { [addDays(aliceToday(), -1)]: CheckInStatus.DONE },
  });
  aliceToken = await createToken(alice, 'Alice integration');
  bobToken = await createToken(bob, 'Bob integration');
  aliceBefore = await aliceNow();
});
afterAll(() => app.stop());

/** What an attack aims at: Alice's objects, or ids that exist nowhere. */
type Target = Record<'goal' | 'step' | 'otherStep' | 'event' | 'token' | 'habit', string>;
type Attack = (t: Target, as: Credentials) => Promise<GraphQLResponse<unknown>>;
const send = executeOperation;

const ATTACKS: Record<string, Attack> = {
  goal: (t, as) => send(app, GoalDocument, { id: t.goal }, as),
  event: (t, as) => send(app, EventDocument, { id: t.event }, as),
  updateGoal: (t, as) =>
    send(
      app,
      UpdateGoalDocument,
      { id: t.goal, input: { title: 'Pwned', status: 'ARCHIVED' } },
      as,
    ),
  deleteGoal: (t, as) => send(app, DeleteGoalDocument, { id: t.goal }, as),
  addStep: (t, as) => send(app, AddStepDocument, { goalId: t.goal, input: { title: 'Pwned' } }, as),
  updateStep: (t, as) =>
    send(app, UpdateStepDocument, { id: t.step, input: { title: 'Pwned', status: 'SKIPPED' } }, as),
  completeStep: (t, as) => send(app, CompleteStepDocument, { id: t.step }, as),
  deleteStep: (t, as) => send(app, DeleteStepDocument, { id: t.step }, as),
  reorderSteps: (t, as) =>
    send(app, ReorderStepsDocument, { goalId: t.goal, stepIds: [t.otherStep, t.step] }, as),
  updateEvent: (t, as) =>
    send(app, UpdateEventDocument, { id: t.event, input: { title: 'Pwned' } }, as),
  deleteEvent: (t, as) => send(app, DeleteEventDocument, { id: t.event }, as),
  revokeApiToken: (t, as) => send(app, RevokeApiTokenDocument, { id: t.token }, as),
  'createEvent with her goalId': (t, as) =>
    send(app, CreateEventDocument, { input: { title: 'Pwned', start: START, goalId: t.goal } }, as),
  'createEvent with her stepId': (t, as) =>
    send(app, CreateEventDocument, { input: { title: 'Pwned', start: START, stepId: t.step } }, as),
  'updateEvent linking his own event to her step': (t, as) =>
    send(app, UpdateEventDocument, { id: bobEventId, input: { stepId: t.step } }, as),
  habit: (t, as) =>
    send(app, HabitDocument, { id: t.habit, from: aliceToday(), to: aliceToday() }, as),
  updateHabit: (t, as) =>
    send(app, UpdateHabitDocument, { id: t.habit, input: { title: 'Pwned', target: 1 } }, as),
  pauseHabit: (t, as) => send(app, PauseHabitDocument, { id: t.habit }, as),
  resumeHabit: (t, as) => send(app, ResumeHabitDocument, { id: t.habit }, as),
  archiveHabit: (t, as) => send(app, ArchiveHabitDocument, { id: t.habit }, as),
  deleteHabit: (t, as) => send(app, DeleteHabitDocument, { id: t.habit }, as),
  checkIn: (t, as) => send(app, CheckInDocument, { habitId: t.habit, input: {} }, as),
  habitHeatmap: (t, as) => send(app, HabitHeatmapDocument, { habitId: t.habit }, as),
  goalProgressChart: (t, as) => send(app, GoalProgressChartDocument, { goalId: t.goal }, as),
  undoCheckIn: (t, as) =>
    send(app, UndoCheckInDocument, { habitId: t.habit, date: addDays(aliceToday(), -1) }, as),
  'createHabit with her goalId': (t, as) =>
    send(
      app,
      CreateHabitDocument,
      { input: { title: 'Pwned', goalId: t.goal, schedule: { kind: 'DAILY' } } },
      as,
    ),
  'updateHabit of his own habit to her goalId': async (t, as) => {
    const own = await executeOperationOk(
      app,
      CreateHabitDocument,
      { input: { title: 'Own', schedule: { kind: 'DAILY' } } },
      as,
    );
    return send(
      app,
      UpdateHabitDocument,
      { id: own.createHabit.id, input: { goalId: t.goal } },
      as,
    );
  },
};

const errorsOf = (result: GraphQLResponse<unknown>) =>
  result.errors?.map(({ message, extensions }) => ({ message, extensions }));
// The occurrence list stays a query string: its shape is being changed to a page.
const BOB_EVENTS = `query ($from: DateTimeISO!, $to: DateTimeISO!) {
  events(from: $from, to: $to) { event { id title goalId stepId } }
}`;

describe.each([
  ['bot', () => bob.credentials],
  ['API token', () => asToken(bobToken.token)],
])('Bob (via %s) acting on Alice’s objects', (_via, bobCredentials) => {
  it.each(Object.keys(ATTACKS))('%s: NOT_FOUND, as for an id that exists nowhere', async (name) => {
    const attack = ATTACKS[name];
    const [first, second] = aliceGoal.steps;
    const hers: Target = {
      goal: aliceGoal.id,
      step: first.id,
      otherStep: second.id,
      event: aliceEventId,
      token: aliceToken.id,
      habit: aliceHabitId,
    };
    const result = await attack(hers, bobCredentials());
    expect(errorCode(result)).toBe('NOT_FOUND');
    expect(result.data).toBeNull();

    const nowhere = Object.fromEntries(Object.keys(hers).map((key) => [key, randomUUID()]));
    const unknown = await attack(nowhere as Target, bobCredentials());
    expect(errorsOf(result)).toEqual(errorsOf(unknown));

    expect(await aliceNow()).toEqual(aliceBefore);
    const bobEvents = await executeOk(app.graphqlUrl, BOB_EVENTS, RANGE, bob.credentials);
    expect(bobEvents.events).toEqual([
      { event: { id: bobEventId, title: 'Bob event', goalId: null, stepId: null } },
    ]);
  });

  it('lists only his own goals, events, tokens and himself', async () => {
    const lists = await executeOk(
      app.graphqlUrl,
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
    const me = await executeOperationOk(app, MeDocument, {}, asToken(aliceToken.token));
    expect(me.me.id).toBe(alice.id);
    const snapshot = await aliceNow();
    expect(snapshot.goal.steps.map((step) => step.title)).toEqual(['First', 'Second']);
    expect(snapshot.event).toMatchObject({ goalId: aliceGoal.id, stepId: aliceGoal.steps[0].id });
  });
});

const NOWHERE = randomUUID();
/**
 * One call of every query and mutation that acts for a user. Query strings, not documents:
 * the table is checked against the schema's field list below, and holds the list queries
 * whose shape is being changed.
 */
const USER_OPERATIONS: Record<string, string> = {
  me: '{ me { id } }',
  goals: '{ goals { totalCount } }',
  goal: `{ goal(id: "${NOWHERE}") { id } }`,
  step: `{ step(id: "${NOWHERE}") { id } }`,
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
  habits: '{ habits { totalCount } }',
  habit: `{ habit(id: "${NOWHERE}") { id } }`,
  today: '{ today { date } }',
  createHabit: 'mutation { createHabit(input: { title: "x", schedule: { kind: DAILY } }) { id } }',
  updateHabit: `mutation { updateHabit(id: "${NOWHERE}", input: { title: "x" }) { id } }`,
  pauseHabit: `mutation { pauseHabit(id: "${NOWHERE}") { id } }`,
  resumeHabit: `mutation { resumeHabit(id: "${NOWHERE}") { id } }`,
  archiveHabit: `mutation { archiveHabit(id: "${NOWHERE}") { id } }`,
  deleteHabit: `mutation { deleteHabit(id: "${NOWHERE}") }`,
  checkIn: `mutation { checkIn(habitId: "${NOWHERE}") { targetReached } }`,
  undoCheckIn: `mutation { undoCheckIn(habitId: "${NOWHERE}") { id } }`,
  setVacation: 'mutation { setVacation(from: "2099-01-01", to: "2099-01-02") { id } }',
  habitHeatmap: `{ habitHeatmap(habitId: "${NOWHERE}") { url } }`,
  goalProgressChart: `{ goalProgressChart(goalId: "${NOWHERE}") { url } }`,
  createWebSignInLink: 'mutation { createWebSignInLink { url } }',
  calendarFeed: '{ calendarFeed { id } }',
  createCalendarFeed: 'mutation { createCalendarFeed { url } }',
  revokeCalendarFeed: `mutation { revokeCalendarFeed(id: "${NOWHERE}") { id } }`,
  calendarConnections: '{ calendarConnections { id } }',
  externalBusy: `{ externalBusy(from: "${RANGE.from}", to: "${RANGE.to}") { startsAt } }`,
  subscribeIcsCalendar:
    'mutation { subscribeIcsCalendar(url: "https://example.com/cal.ics") { id } }',
  syncCalendarConnection: `mutation { syncCalendarConnection(id: "${NOWHERE}") { id } }`,
  disconnectCalendarConnection: `mutation { disconnectCalendarConnection(id: "${NOWHERE}") }`,
  connectCalDavCalendar:
    'mutation { connectCalDavCalendar(input: { url: "https://example.com/", username: "u", password: "p" }) { id } }',
  googleCalendarConnectUrl: '{ googleCalendarConnectUrl }',
  connectionCalendars: `{ connectionCalendars(id: "${NOWHERE}") { id } }`,
  chooseConnectionCalendars: `mutation { chooseConnectionCalendars(id: "${NOWHERE}", busyCalendarIds: []) { id } }`,
};
/** Operator operations: FORBIDDEN to everyone but ADMIN_IDS identities and admin tokens. */
const ADMIN_OPERATIONS: Record<string, string> = {
  adminStats: '{ adminStats { usersTotal } }',
  adminUser: '{ adminUser(query: "telegram:1") { id } }',
  adminUsers: '{ adminUsers(query: "telegram:1") { id } }',
  broadcastAudience: '{ broadcastAudience }',
  blockUser: `mutation { blockUser(userId: "${NOWHERE}") { id } }`,
  unblockUser: `mutation { unblockUser(userId: "${NOWHERE}") { id } }`,
  startBroadcast: 'mutation { startBroadcast(text: "hi") { delivered } }',
  broadcast: `{ broadcast(id: "${NOWHERE}") { delivered } }`,
  cancelBroadcast: `mutation { cancelBroadcast(id: "${NOWHERE}") { delivered } }`,
  auditEvents: '{ auditEvents { id } }',
};
/** Operations for bots holding the service key (tested in tests/jobs/). */
const SERVICE_OPERATIONS = ['pendingNotifications', 'scheduledJobs', 'acknowledgeNotification'];
const newIdentity = () => ({
  platform: 'TELEGRAM' as 'TELEGRAM' | 'MAX',
  platformUserId: randomUUID(),
  chatId: '42',
});
const register = (credentials: Credentials) =>
  executeOperation(app, RegisterChannelAccountDocument, { input: newIdentity() }, credentials);
const registerOk = (input: ReturnType<typeof newIdentity> & { displayName?: string }) =>
  executeOperationOk(app, RegisterChannelAccountDocument, { input }, asBot());
const withServiceKey = (headers: Record<string, string>): Credentials => ({
  headers: { authorization: `Bearer ${TEST_SERVICE_KEY}`, ...headers },
  connectionParams: {},
});

async function expectEveryUserOperation(credentials: Credentials, code: string) {
  for (const [name, query] of Object.entries(USER_OPERATIONS)) {
    const result = await execute(app.graphqlUrl, query, {}, credentials);
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
      ...Object.keys(ADMIN_OPERATIONS),
      'registerChannelAccount',
      'dialogState',
      'setDialogState',
      // false for anyone but an operator (tests/api/admin.test.ts)
      'isOperator',
    ];
    expect(fields.sort()).toEqual(covered.sort());
  });

  it('operator operations: UNAUTHENTICATED anonymous, FORBIDDEN for users, bots and tokens', async () => {
    const callers: [string, Credentials, string][] = [
      ['anonymous', anonymous, 'UNAUTHENTICATED'],
      ['a bot acting for a user', alice.credentials, 'FORBIDDEN'],
      ['a bot acting for no one', asBot(), 'FORBIDDEN'],
      ['a user’s API token', asToken(aliceToken.token), 'FORBIDDEN'],
    ];
    for (const [who, credentials, code] of callers) {
      for (const [name, query] of Object.entries(ADMIN_OPERATIONS)) {
        const result = await execute(app.graphqlUrl, query, {}, credentials);
        // A nullable field (adminUser) answers { field: null } instead of data: null.
        const data = Object.values(result.data ?? {}).every((v) => v === null) ? null : result.data;
        expect({ who, name, code: errorCode(result), data }).toEqual({
          who,
          name,
          code,
          data: null,
        });
      }
    }
    const adminToken = await execute(
      app.graphqlUrl,
      'mutation { createApiToken(name: "ops", scope: ADMIN) { token } }',
      {},
      alice.credentials,
    );
    expect(errorCode(adminToken)).toBe('FORBIDDEN');
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
      const me = await executeOperation(app, MeDocument, {}, withServiceKey(headers));
      expect({ headers, code: errorCode(me) }).toEqual({ headers, code: 'BAD_USER_INPUT' });
    }
  });
});

describe('createWebSignInLink', () => {
  it('is for bots only: an API token cannot mint a web session link (FORBIDDEN)', async () => {
    const query = USER_OPERATIONS.createWebSignInLink;
    const result = await execute(app.graphqlUrl, query, {}, asToken(aliceToken.token));
    expect({ code: errorCode(result), data: result.data }).toEqual({
      code: 'FORBIDDEN',
      data: null,
    });
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
    const result = await executeOperation(
      app,
      RegisterChannelAccountDocument,
      { input },
      asToken(aliceToken.token),
    );
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
    expect(await accountsOf(input.platformUserId)).toEqual([]);
  });

  it('registers only the identity a bot acts for: another one is FORBIDDEN and registers nothing', async () => {
    const input = newIdentity();
    const registerAs = (credentials: Credentials) =>
      executeOperation(app, RegisterChannelAccountDocument, { input }, credentials);
    for (const other of [asBot('telegram', randomUUID()), asBot('max', input.platformUserId)]) {
      const refused = await registerAs(other);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
    expect(await accountsOf(input.platformUserId)).toEqual([]);

    const own = await registerAs(asBot('telegram', input.platformUserId));
    expect(own.errors).toBeUndefined();
    expect(await accountsOf(input.platformUserId)).toEqual([
      { platform: 'telegram', user_id: own.data?.registerChannelAccount.id, chat_id: '42' },
    ]);
  });

  it('is idempotent: the same identity keeps its user, and the chat id is updated', async () => {
    const input = {
      ...newIdentity(),
      platform: 'MAX' as const,
      chatId: 'chat-1',
      displayName: 'Carol',
    };
    const first = await registerOk(input);
    const again = { ...input, chatId: 'chat-2', displayName: 'Someone else' };
    const second = await registerOk(again);
    const userId = first.registerChannelAccount.id;
    expect(second.registerChannelAccount.id).toBe(userId);
    expect(await accountsOf(input.platformUserId)).toEqual([
      { platform: 'max', user_id: userId, chat_id: 'chat-2' },
    ]);
    const me = await executeOperationOk(app, MeDocument, {}, asBot('max', input.platformUserId));
    expect(me.me).toEqual({ id: userId, displayName: 'Carol' });

    const sameIdOnTelegram = { ...input, platform: 'TELEGRAM' as const };
    const other = await registerOk(sameIdOnTelegram);
    expect(other.registerChannelAccount.id).not.toBe(userId);
  });
});

describe('dialogState', () => {
  const set = (state: Record<string, unknown> | null, as: Credentials) =>
    executeOperation(app, SetDialogStateDocument, { state }, as);
  const get = (as: Credentials) => executeOperation(app, DialogStateDocument, {}, as);
  const setOk = (state: Record<string, unknown> | null, as: Credentials) =>
    executeOperationOk(app, SetDialogStateDocument, { state }, as);
  const getOk = (as: Credentials) => executeOperationOk(app, DialogStateDocument, {}, as);

  it('belongs to one messenger account: saved, read back, cleared, never shared', async () => {
    const carol = newIdentity();
    const dave = newIdentity();
    await registerOk(carol);
    await registerOk(dave);
    const asCarol = asBot('telegram', carol.platformUserId);
    const asDave = asBot('telegram', dave.platformUserId);

    const state = { kind: 'goal_title', goalId: randomUUID() };
    expect((await setOk(state, asCarol)).setDialogState).toBe(true);
    expect((await getOk(asCarol)).dialogState).toEqual(state);
    expect((await getOk(asDave)).dialogState).toBeNull();

    await setOk(null, asCarol);
    expect((await getOk(asCarol)).dialogState).toBeNull();
  });

  it('refuses API tokens (FORBIDDEN) and oversized states (BAD_USER_INPUT), keeping the old one', async () => {
    expect(errorCode(await get(asToken(aliceToken.token)))).toBe('FORBIDDEN');
    expect(errorCode(await set({ a: 1 }, asToken(aliceToken.token)))).toBe('FORBIDDEN');
    const erin = newIdentity();
    await registerOk(erin);
    const asErin = asBot('telegram', erin.platformUserId);
    await setOk({ kind: 'add_step' }, asErin);
    const huge = { text: 'x'.repeat(5000) };
    expect(errorCode(await set(huge, asErin))).toBe('BAD_USER_INPUT');
    expect((await getOk(asErin)).dialogState).toEqual({ kind: 'add_step' });
  });
});
