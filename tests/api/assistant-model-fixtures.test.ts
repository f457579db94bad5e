/**
 * Recorded, real-shaped model answers (tests/fixtures/model-answers/*.json) served by the
 * fake model server: the model path parses them into the same typed result as the offline
 * engine, its prompt carries today's date in the user's timezone and the user's own item
 * names, and a broken answer falls back to the offline engine.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { Goal, StepStatus } from '../../src/entities/index.js';
import { AnalyzeGoalDocument, GeneratePlanDocument, SendMessageDocument } from '../gql/graphql.js';
import { seedEvent, seedGoal, seedUser, type TestUser } from '../support/factories.js';
import {
  answer,
  type FakeOpenAiServer,
  startFakeOpenAiServer,
} from '../support/fake-openai-server.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MOSCOW = 'Europe/Moscow';
const DIR = new URL('../fixtures/model-answers/', import.meta.url);

interface Fixture {
  description: string;
  message?: string;
  goal?: { title: string; daysToDeadline: number };
  answer: unknown;
  expect: Record<string, string | number>;
}

/** A fixture with `{{tomorrow}}` set to tomorrow's local date. */
function load(name: string): Fixture {
  const tomorrow = DateTime.now().setZone(MOSCOW).plus({ days: 1 }).toISODate()!;
  return JSON.parse(
    readFileSync(new URL(name, DIR), 'utf8').replaceAll('{{tomorrow}}', tomorrow),
  ) as Fixture;
}

let server: FakeOpenAiServer;
let app: TestApp;

beforeAll(async () => {
  server = await startFakeOpenAiServer();
  app = await startTestApp({
    MODEL_BASE_URL: server.url,
    MODEL_API_KEY: 'sk-test',
    MODEL_TIMEOUT_MS: '500',
  });
});
afterEach(() => {
  expect(server.remaining()).toBe(0);
  server.reset();
});
afterAll(async () => {
  await app?.stop();
  await server?.close();
});

/** A user with a goal (and its step) and an event, whose names the prompt must carry. */
async function userWithItems(): Promise<TestUser> {
  const user = await seedUser(app, { timezone: MOSCOW });
  await seedGoal(app, user, { title: 'Пробежать марафон', steps: ['Buy running shoes'] });
  await seedEvent(app, user, {
    title: 'Стоматолог',
    start: DateTime.now().plus({ days: 3 }).toISO()!,
  });
  return user;
}

function systemPrompt(index = 0): string {
  return (server.requests[index]!.body.messages as { content: string }[])[0]!.content;
}

describe('recorded model answers (tests/fixtures/model-answers)', () => {
  it('creates the event a recorded answer describes, at its local time', async () => {
    const fixture = load('intent-event-create.ru.json');
    const user = await userWithItems();
    server.script(answer(fixture.answer));
    const { sendMessage } = await executeOperationOk(
      app,
      SendMessageDocument,
      { text: fixture.message! },
      user,
    );
    expect(sendMessage).toMatchObject({ engine: 'model', intent: fixture.expect.intent });
    const events = await app.db.query(
      `SELECT title, starts_at FROM events WHERE user_id = $1 AND title = 'Ужин с Олей'`,
      [user.id],
    );
    expect(events).toHaveLength(1);
    const local = DateTime.fromJSDate(events[0].starts_at as Date, { zone: MOSCOW });
    expect(local.toFormat("yyyy-MM-dd'T'HH:mm")).toBe(fixture.expect.eventAt);
  });

  it("puts today's date in the user's timezone and their items' names into the prompt", async () => {
    const fixture = load('intent-goal-progress.ru.json');
    const user = await userWithItems();
    server.script(answer(fixture.answer));
    const { sendMessage } = await executeOperationOk(
      app,
      SendMessageDocument,
      { text: fixture.message! },
      user,
    );
    expect(sendMessage.intent).toBe(fixture.expect.intent);
    expect(sendMessage.text).toContain(fixture.expect.replyContains);
    const prompt = systemPrompt();
    expect(prompt).toContain(`Today is ${DateTime.now().setZone(MOSCOW).toISODate()}`);
    expect(prompt).toContain(MOSCOW);
    expect(prompt).toMatch(/Goals: "Пробежать марафон"/u);
    expect(prompt).toMatch(/Upcoming events: "Стоматолог"/u);
    expect(prompt).toMatch(/Habits: none/u);
  });

  it('marks the step a recorded answer names', async () => {
    const fixture = load('intent-step-done.en.json');
    const user = await userWithItems();
    server.script(answer(fixture.answer));
    const { sendMessage } = await executeOperationOk(
      app,
      SendMessageDocument,
      { text: fixture.message! },
      user,
    );
    expect(sendMessage).toMatchObject({ engine: 'model', intent: fixture.expect.intent });
    const [step] = await app.db.query(
      `SELECT s.status FROM steps s JOIN goals g ON g.id = s.goal_id
        WHERE g.user_id = $1 AND s.title = $2`,
      [user.id, fixture.expect.stepDone],
    );
    expect(step).toEqual({ status: StepStatus.DONE });
  });

  it('stores a recorded SMART review, with the offline date and measure to offer', async () => {
    const fixture = load('smart-review.ru.json');
    const user = await seedUser(app, { timezone: MOSCOW });
    const deadline = DateTime.now().setZone(MOSCOW).plus({ days: fixture.goal!.daysToDeadline });
    const goal = await seedGoal(app, user, {
      title: fixture.goal!.title,
      targetDate: deadline.toISODate()!,
    });
    server.script(answer(fixture.answer));
    const { analyzeGoal } = await executeOperationOk(
      app,
      AnalyzeGoalDocument,
      { goalId: goal.id },
      user,
    );
    expect(analyzeGoal.smartAnalysis?.score).toBe(fixture.expect.score);
    expect(analyzeGoal.smartAnalysis?.achievable.comment).toMatch(/нереально/u);
    const stored = await app.db.getRepository(Goal).findOneByOrFail({ id: goal.id });
    // The model has no date field: the offline heuristics give the realistic one.
    const suggested = (stored.smartAnalysis as { suggestedDeadline?: string }).suggestedDeadline;
    expect(suggested! > deadline.toISODate()!).toBe(true);
  });

  it('proposes the steps of a recorded plan answer', async () => {
    const fixture = load('plan.data-analyst.en.json');
    const user = await seedUser(app, { timezone: MOSCOW, language: 'EN' });
    const goal = await seedGoal(app, user, { title: fixture.goal!.title });
    server.script(answer(fixture.answer));
    const { generatePlan } = await executeOperationOk(
      app,
      GeneratePlanDocument,
      { goalId: goal.id },
      user,
    );
    expect(generatePlan?.source).toBe(fixture.expect.source);
    expect(generatePlan?.steps).toHaveLength(Number(fixture.expect.steps));
    expect(generatePlan?.steps.map((s) => s.title).join(' ')).toMatch(/SQL[\s\S]*pandas/u);
  });
  // Last: a failed answer counts towards the model's circuit breaker.
  it('answers with the offline engine when the recorded answer breaks the schema', async () => {
    const fixture = load('intent-invalid.json');
    const user = await userWithItems();
    server.script(answer(fixture.answer));
    const { sendMessage } = await executeOperationOk(
      app,
      SendMessageDocument,
      { text: fixture.message! },
      user,
    );
    expect(sendMessage).toMatchObject({
      engine: fixture.expect.engine,
      intent: fixture.expect.intent,
    });
  });
});
