import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { DateTime } from 'luxon';
import { intentAnswerSchema } from '../../src/assistant/model/intent-schema.js';
import {
  AnalyzeGoalDocument,
  AssistantCapabilitiesDocument,
  CancelPlanGenerationDocument,
  ConversationDocument,
  GeneratePlanDocument,
  GoalDocument,
  GoalsDocument,
  PlanProgressDocument,
  SendMessageDocument,
  SendVoiceDocument,
  type ReplyFieldsFragment,
} from '../gql/graphql.js';
import { seedGoal, seedUser, type TestUser } from '../support/factories.js';
import {
  answer,
  delay,
  type FakeOpenAiServer,
  httpError,
  rawAnswer,
  startFakeOpenAiServer,
  transcript,
} from '../support/fake-openai-server.js';
import {
  errorCode,
  executeOk,
  executeOperation,
  executeOperationOk,
  subscribeTo,
  wsClient,
} from '../support/graphql-client.js';
import { untilLive } from '../support/subscriptions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MOSCOW = 'Europe/Moscow';

let server: FakeOpenAiServer;
/** With the fake model. */
let app: TestApp;
/** Without a model: the offline engine only. */
let offlineApp: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startFakeOpenAiServer();
  // The fake's url already ends in /v1, as the SDK's baseURL must.
  app = await startTestApp({
    MODEL_BASE_URL: server.url,
    MODEL_API_KEY: 'sk-test',
    MODEL_TIMEOUT_MS: '500',
  });
  offlineApp = await startTestApp();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  expect(server.remaining()).toBe(0);
  server.reset();
});
afterAll(async () => {
  await app?.stop();
  await offlineApp?.stop();
  await server?.close();
});

/** A full model answer to the intent prompt: every slot null unless given. */
function intentAnswer(slots: Record<string, unknown>): Record<string, unknown> {
  const nulls = Object.fromEntries(Object.keys(intentAnswerSchema.shape).map((k) => [k, null]));
  return { ...nulls, missing: [], ...slots };
}

type Reply = ReplyFieldsFragment;

async function send(user: TestUser, text: string): Promise<Reply> {
  return (await executeOperationOk(app, SendMessageDocument, { text }, user)).sendMessage;
}

interface Occurrence {
  start: string;
  end: string;
  event: { id: string; title: string; durationMinutes: number };
}

async function eventsOf(user: TestUser): Promise<Occurrence[]> {
  // The occurrence list stays a query string: its shape is being changed to a page.
  const data = await executeOk<{ events: Occurrence[] }>(
    app.graphqlUrl,
    `query ($from: DateTimeISO!, $to: DateTimeISO!) {
      events(from: $from, to: $to) { start end event { id title durationMinutes } }
    }`,
    {
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 62 * 86_400_000).toISOString(),
    },
    user.credentials,
  );
  return data.events;
}

async function messageCount(user: TestUser): Promise<number> {
  const data = await executeOperationOk(app, ConversationDocument, { limit: 50 }, user);
  return data.conversation.length;
}

const tomorrow = () => DateTime.now().setZone(MOSCOW).startOf('day').plus({ days: 1 });
const local = (instant: string) => DateTime.fromISO(instant, { zone: MOSCOW });

/** The offline engine must read this one the same way whatever the model did. */
const OLYA = 'встреча с Олей завтра в 15:00 на час';

async function expectOlyaCreatedOffline(user: TestUser, reply: Reply) {
  expect(reply).toMatchObject({ engine: 'offline', intent: 'event_create', question: null });
  expect(reply.text.startsWith('✅')).toBe(true);
  const events = await eventsOf(user);
  expect(events).toHaveLength(1);
  expect(events[0].event).toMatchObject({ title: 'Встреча с Олей', durationMinutes: 60 });
  expect(reply.actions).toEqual([
    { kind: 'event_created', entityId: events[0].event.id, title: 'Встреча с Олей' },
  ]);
  expect(local(events[0].start).toISO()).toBe(tomorrow().set({ hour: 15 }).toISO());
}

describe('assistant with a model', () => {
  it('says the model and voice are available, and not without a model', async () => {
    const user = await seedUser(app);
    const capabilities = async (on: TestApp, as: TestUser) =>
      (await executeOperationOk(on, AssistantCapabilitiesDocument, {}, as)).assistantCapabilities;
    expect(await capabilities(app, user)).toEqual({ model: true, voice: true });
    const offlineUser = await seedUser(offlineApp);
    expect(await capabilities(offlineApp, offlineUser)).toEqual({
      model: false,
      voice: false,
    });
  });

  it('creates the event the model read', async () => {
    const user = await seedUser(app);
    const start = tomorrow().set({ hour: 14, minute: 30 });
    server.script(
      answer(
        intentAnswer({
          intent: 'event_create',
          language: 'ru',
          title: 'Обед с Аней',
          start: start.toISO({ suppressMilliseconds: true }),
          durationMinutes: 45,
        }),
      ),
    );
    const text = 'пообедать с Аней завтра после обеда, минут 45';
    const reply = await send(user, text);

    expect(reply).toMatchObject({ engine: 'model', intent: 'event_create', question: null });
    expect(reply.text.startsWith('✅ Добавил: «Обед с Аней»')).toBe(true);
    const events = await eventsOf(user);
    expect(events).toHaveLength(1);
    expect(events[0].event).toMatchObject({ title: 'Обед с Аней', durationMinutes: 45 });
    expect(reply.actions).toEqual([
      { kind: 'event_created', entityId: events[0].event.id, title: 'Обед с Аней' },
    ]);
    expect(Date.parse(events[0].start)).toBe(start.toMillis());

    const [request] = server.requests;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect((request.body.messages as { role: string; content: string }[])[1]).toEqual({
      role: 'user',
      content: text,
    });
  });

  it('falls back to the offline engine when the model answers with something not JSON', async () => {
    const user = await seedUser(app);
    server.script(rawAnswer('Sure! I will add a meeting with Olya {'));
    const reply = await send(user, OLYA);
    await expectOlyaCreatedOffline(user, reply);
    expect(await messageCount(user)).toBe(2);
  });

  it('falls back to the offline engine when the answer breaks the schema', async () => {
    const user = await seedUser(app);
    server.script(
      answer(intentAnswer({ intent: 'event_create', language: 'ru', start: 'завтра в 15' })),
    );
    await expectOlyaCreatedOffline(user, await send(user, OLYA));
  });

  it('falls back to the offline engine when the model fails twice with 500', async () => {
    const user = await seedUser(app);
    server.script(httpError(500, 1), httpError(500, 1));
    const reply = await send(user, OLYA);
    expect(server.requests).toHaveLength(2); // one retry, then the offline engine
    await expectOlyaCreatedOffline(user, reply);
    expect(await messageCount(user)).toBe(2);
  });

  it('falls back and writes nothing for a message the offline engine does not know', async () => {
    const user = await seedUser(app);
    server.script(httpError(500, 1), httpError(500, 1));
    const reply = await send(user, 'фывапролд');
    expect(reply).toMatchObject({ engine: 'offline', intent: 'unknown', actions: [] });
    expect(await eventsOf(user)).toHaveLength(0);
    const goals = await executeOperationOk(app, GoalsDocument, {}, user);
    expect(goals.goals.totalCount).toBe(0);
  });

  it('processes the transcript of a voice message as a message', async () => {
    const user = await seedUser(app);
    const said = 'встреча с Олей завтра в 15:00 на час';
    const start = tomorrow().set({ hour: 15 });
    server.script(
      transcript(`  ${said}  `),
      answer(
        intentAnswer({
          intent: 'event_create',
          language: 'ru',
          title: 'Встреча с Олей',
          start: start.toISO({ suppressMilliseconds: true }),
          durationMinutes: 60,
        }),
      ),
    );
    const audio = Buffer.from('OggS fake voice').toString('base64');
    const { sendVoice: reply } = await executeOperationOk(app, SendVoiceDocument, { audio }, user);

    expect(reply).toMatchObject({ engine: 'model', intent: 'event_create', question: null });
    const [transcription, completion] = server.requests;
    expect(transcription.path).toBe('/v1/audio/transcriptions');
    expect(transcription.body).toMatchObject({
      model: 'whisper-1',
      language: 'ru',
      file: 'voice.ogg (15 bytes)',
    });
    expect((completion.body.messages as { content: string }[])[1].content).toBe(said);
    const events = await eventsOf(user);
    expect(events).toHaveLength(1);
    expect(events[0].event.title).toBe('Встреча с Олей');
    expect(Date.parse(events[0].start)).toBe(start.toMillis());
    const { conversation } = await executeOperationOk(app, ConversationDocument, {}, user);
    expect(conversation[0]).toMatchObject({ role: 'user', text: said });
  });

  it('refuses voice without a model, and empty audio', async () => {
    const offlineUser = await seedUser(offlineApp);
    const audio = Buffer.from('OggS fake voice').toString('base64');
    const withoutModel = await executeOperation(
      offlineApp,
      SendVoiceDocument,
      { audio },
      offlineUser,
    );
    expect(errorCode(withoutModel)).toBe('BAD_USER_INPUT');

    const user = await seedUser(app);
    const empty = await executeOperation(app, SendVoiceDocument, { audio: '' }, user);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(server.requests).toHaveLength(0);
  });

  it('cancels a plan generation in progress: null, "cancelled" and no proposal', async () => {
    const user = await seedUser(app);
    const goal = await seedGoal(app, user, { title: 'Выучить испанский' });
    const generate = () => executeOperationOk(app, GeneratePlanDocument, { goalId: goal.id }, user);
    const cancelGeneration = () =>
      executeOperationOk(app, CancelPlanGenerationDocument, { goalId: goal.id }, user);
    const client = wsClient(app.wsUrl, user.credentials);
    clients.push(client);
    const updates = subscribeTo(client, PlanProgressDocument, { goalId: goal.id });
    // Unscripted requests get a 418: the offline coach answers at once, enough to go live.
    await untilLive(updates, generate);
    while (await updates.next(300));
    server.reset();
    const proposals = async (): Promise<number> => {
      const [row] = await app.db.query(
        'SELECT count(*)::int AS n FROM plan_proposals WHERE goal_id = $1',
        [goal.id],
      );
      return row.n;
    };
    const before = await proposals();

    const plan = {
      steps: ['Первый урок', 'Сто слов', 'Разговорный клуб'].map((title) => ({
        title,
        estimatedMinutes: 30,
        ifThenCue: 'если вторник 19:00 — урок',
      })),
    };
    // Slower than the 500 ms timeout, on the first try and on the retry: the user cancels
    // long before the generation could end.
    server.script(delay(1_500, answer(plan)), delay(1_500, answer(plan)));
    const running = generate();
    const stages: string[] = [];
    while (!stages.includes('analyzing')) {
      const message = await updates.next();
      stages.push(message!.data!.planProgress.stage);
    }
    const cancel = await cancelGeneration();
    expect(cancel.cancelPlanGeneration).toBe(true);

    expect((await running).generatePlan).toBeNull();
    expect(server.requests).toHaveLength(2); // the model was asked, and retried
    const last = await updates.next();
    expect(last?.data?.planProgress).toEqual({
      goalId: goal.id,
      stage: 'cancelled',
      percent: 100,
      proposalId: null,
    });
    expect(stages).toEqual(['started', 'analyzing']);
    expect(await updates.next(300)).toBeNull();
    expect(await proposals()).toBe(before);

    // Nothing runs any more.
    const again = await cancelGeneration();
    expect(again.cancelPlanGeneration).toBe(false);
  });

  it('stores the model’s SMART review as given, with the mean as the score', async () => {
    const user = await seedUser(app);
    const goal = await seedGoal(app, user, {
      title: 'Пробежать полумарафон',
      targetDate: DateTime.now().plus({ months: 6 }).toISODate()!,
    });
    const review = {
      specific: { score: 80, comment: 'Ясно, что за забег.' },
      measurable: { score: 61, comment: 'Дистанция измерима, время не задано.' },
      achievable: { score: 70, comment: 'Реально за полгода.' },
      relevant: { score: 90, comment: 'Важно для здоровья.' },
      timeBound: { score: 42, comment: 'Срок есть, промежуточных нет.' },
      suggestions: ['Назовите целевое время', 'Добавьте промежуточный забег на 10 км'],
      rewrittenGoal: 'Пробежать полумарафон быстрее 2:10 к маю',
    };
    server.script(answer(review));
    const { analyzeGoal } = await executeOperationOk(
      app,
      AnalyzeGoalDocument,
      { goalId: goal.id },
      user,
    );
    const { analyzedAt, ...stored } = analyzeGoal.smartAnalysis!;
    expect(stored).toEqual({ ...review, score: 69 }); // (80+61+70+90+42)/5 = 68.6
    expect(Math.abs(Date.parse(analyzedAt) - Date.now())).toBeLessThan(60_000);

    const reread = await executeOperationOk(app, GoalDocument, { id: goal.id }, user);
    expect(reread.goal.smartAnalysis).toEqual(analyzeGoal.smartAnalysis);
    const system = (server.requests[0].body.messages as { content: string }[])[0].content;
    expect(system).not.toMatch(/\{\{/u);
    expect(
      JSON.parse((server.requests[0].body.messages as { content: string }[])[1].content),
    ).toMatchObject({ title: 'Пробежать полумарафон' });
  });
});
