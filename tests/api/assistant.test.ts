import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { DateTime } from 'luxon';
import {
  AcceptPlanDocument,
  AnalyzeGoalDocument,
  ConversationDocument,
  CreateEventDocument,
  CreateGoalDocument,
  FreeSlotsDocument,
  GeneratePlanDocument,
  GoalDocument,
  GoalsDocument,
  PlanProgressDocument,
  SchedulePlanDocument,
  SendMessageDocument,
  type PlanProgressSubscription,
} from '../gql/graphql.js';
import { seedEvent, seedGoal, seedUser, type TestUser } from '../support/factories.js';
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
const NEW_YORK = 'America/New_York';

let app: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => app.stop());

interface Occurrence {
  start: string;
  end: string;
  event: {
    id: string;
    title: string;
    durationMinutes: number;
    kind: string;
    goalId: string | null;
    stepId: string | null;
    reminderMinutesBefore: number[];
  };
}

async function send(user: TestUser, text: string, on: TestApp = app) {
  return (await executeOperationOk(on, SendMessageDocument, { text }, user)).sendMessage;
}

/** Every event occurrence of the user from yesterday to two months ahead. */
async function eventsOf(user: TestUser, on: TestApp = app): Promise<Occurrence[]> {
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 62 * 86_400_000).toISOString();
  // The occurrence list stays a query string: its shape is being changed to a page.
  const data = await executeOk<{ events: Occurrence[] }>(
    on.graphqlUrl,
    `query ($from: DateTimeISO!, $to: DateTimeISO!) {
      events(from: $from, to: $to) {
        start end event { id title durationMinutes kind goalId stepId reminderMinutesBefore }
      }
    }`,
    { from, to },
    user.credentials,
  );
  return data.events;
}

async function goalsOf(user: TestUser) {
  return (await executeOperationOk(app, GoalsDocument, { limit: 50 }, user)).goals;
}
const readGoal = async (user: TestUser, id: string) =>
  (await executeOperationOk(app, GoalDocument, { id }, user)).goal;

const local = (instant: string, zone: string) => DateTime.fromISO(instant, { zone });
const tomorrowIn = (zone: string) => DateTime.now().setZone(zone).plus({ days: 1 }).toISODate();

/**
 * "в пятницу", said on any day but Friday, means the coming Friday without a doubt; on a
 * Friday it would ask "today or next week", so then Monday is used.
 */
function comingWeekday(): { words: string; date: string } {
  const today = DateTime.now().setZone(MOSCOW);
  const weekday = today.weekday === 5 ? 1 : 5;
  const date = today.plus({ days: (weekday - today.weekday + 7) % 7 || 7 }).toISODate()!;
  return { words: weekday === 5 ? 'в пятницу' : 'в понедельник', date };
}

describe('sendMessage with the offline engine', () => {
  it('creates an event from a Russian message', async () => {
    const user = await seedUser(app);
    const reply = await send(user, 'встреча с Олей завтра в 15:00 на час');

    expect(reply.engine).toBe('offline');
    expect(reply.intent).toBe('event_create');
    expect(reply.question).toBeNull();
    expect(reply.text.startsWith('✅')).toBe(true);
    expect(reply.text).toContain('Встреча с Олей');
    const [occurrence, ...others] = await eventsOf(user);
    expect(others).toHaveLength(0);
    expect(reply.actions[0]).toEqual({
      kind: 'event_created',
      entityId: occurrence.event.id,
      title: 'Встреча с Олей',
    });
    expect(occurrence.event).toMatchObject({ title: 'Встреча с Олей', durationMinutes: 60 });
    const start = local(occurrence.start, MOSCOW);
    expect(start.toISODate()).toBe(tomorrowIn(MOSCOW));
    expect(start.toFormat('HH:mm')).toBe('15:00');
    expect(local(occurrence.end, MOSCOW).diff(start, 'minutes').minutes).toBe(60);
  });

  it('creates an event from an English message, in the user’s own timezone', async () => {
    const user = await seedUser(app, { language: 'EN', timezone: NEW_YORK });
    const reply = await send(user, 'lunch with Ann tomorrow at 1pm');

    expect(reply).toMatchObject({ engine: 'offline', intent: 'event_create', question: null });
    expect(reply.text.startsWith('✅ Added: "Lunch with Ann"')).toBe(true);
    const [occurrence, ...others] = await eventsOf(user);
    expect(others).toHaveLength(0);
    expect(reply.actions).toEqual([
      { kind: 'event_created', entityId: occurrence.event.id, title: 'Lunch with Ann' },
    ]);
    expect(occurrence.event.durationMinutes).toBe(60);
    const start = local(occurrence.start, NEW_YORK);
    expect(start.toISODate()).toBe(tomorrowIn(NEW_YORK));
    expect(start.toFormat('HH:mm')).toBe('13:00');
  });

  it('asks for the time, then completes the event with the answer', async () => {
    const user = await seedUser(app);
    const day = comingWeekday();
    const question = await send(user, `встреча с Олей ${day.words}`);

    expect(question).toMatchObject({
      question: 'На какое время?',
      text: 'На какое время?',
      intent: 'event_create',
      actions: [],
      quickReplies: ['Отмена'],
    });
    expect(await eventsOf(user)).toHaveLength(0);

    const done = await send(user, 'в 15');
    expect(done.question).toBeNull();
    expect(done.text.startsWith('✅')).toBe(true);
    expect(done.actions[0].kind).toBe('event_created');
    const [occurrence, ...others] = await eventsOf(user);
    expect(others).toHaveLength(0);
    expect(occurrence.event.id).toBe(done.actions[0].entityId);
    expect(occurrence.event.title).toBe('Встреча с Олей');
    const start = local(occurrence.start, MOSCOW);
    expect(start.toISODate()).toBe(day.date);
    expect(start.toFormat('HH:mm')).toBe('15:00');

    // The question is answered: the next message stands on its own.
    expect(await send(user, 'в 16')).toMatchObject({ intent: 'unknown', actions: [] });
    expect(await eventsOf(user)).toHaveLength(1);
  });

  it('reads the next message as the answer first: morning or evening, then a new request', async () => {
    const user = await seedUser(app);
    const asked = await send(user, 'пробежка завтра в 6');
    expect(asked).toMatchObject({ question: 'Утра или вечера?', actions: [] });
    expect(await eventsOf(user)).toHaveLength(0);

    const done = await send(user, 'вечера');
    expect(done.actions[0]?.kind).toBe('event_created');
    const [occurrence, ...others] = await eventsOf(user);
    expect(others).toHaveLength(0);
    expect(occurrence.event.title).toBe('Пробежка');
    expect(local(occurrence.start, MOSCOW).toFormat('HH:mm')).toBe('18:00');

    // A question, then a request that is clearly another one: the request is handled.
    expect((await send(user, 'ужин с Олей завтра вечером')).question).toBe('На какое время?');
    const listed = await send(user, 'как мои цели?');
    expect(listed).toMatchObject({ intent: 'goal_search', question: null });
    expect(await eventsOf(user)).toHaveLength(1);
  });

  it('finds items by their words in the database, and asks which when several fit', async () => {
    const user = await seedUser(app);
    const tomorrow = DateTime.now().setZone(MOSCOW).plus({ days: 1 }).startOf('day');
    const at = (hour: number) => tomorrow.set({ hour }).toUTC().toISO()!;
    await seedEvent(app, user, { title: 'Встреча с Мариной', start: at(11) });
    await seedEvent(app, user, { title: 'Встреча с Артемом', start: at(15) });
    await seedEvent(app, user, { title: 'Стоматолог', start: at(18) });
    await seedGoal(app, user, { title: 'Выучить испанский' });

    // One fits: acted on at once, found by its stem ("стоматолога" ~ «Стоматолог»).
    const deleted = await send(user, 'удали стоматолога');
    expect(deleted.actions).toEqual([
      expect.objectContaining({ kind: 'event_deleted', title: 'Стоматолог' }),
    ]);
    // Two fit: nothing changes until the person picks one of the buttons.
    const asked = await send(user, 'отмени встречу завтра');
    expect(asked.question).toBe('Нашёл несколько. Какое событие?');
    expect(asked.quickReplies).toHaveLength(3);
    expect(asked.quickReplies[2]).toBe('Отмена');
    expect(await eventsOf(user)).toHaveLength(2);
    const artem = asked.quickReplies.find((label) => label.startsWith('Встреча с Артемом'))!;
    const picked = await send(user, artem);
    expect(picked.actions).toEqual([
      expect.objectContaining({ kind: 'event_deleted', title: 'Встреча с Артемом' }),
    ]);
    expect((await eventsOf(user)).map((o) => o.event.title)).toEqual(['Встреча с Мариной']);
    // A goal by another form of its words.
    const step = await send(user, 'добавь шаг в цель по испанскому: купить учебник');
    expect(step.text).toContain('Выучить испанский');
  });

  it('undoes exactly what it did: a created, a moved and a deleted event', async () => {
    const user = await seedUser(app);
    const created = await send(user, 'ужин с Олей завтра в 20:00');
    expect(created.quickReplies).toEqual(['↩️ Отменить', '✏️ Изменить']);
    expect(await eventsOf(user)).toHaveLength(1);
    expect(await send(user, '↩️ Отменить')).toMatchObject({ intent: 'undo', question: null });
    expect(await eventsOf(user)).toHaveLength(0);
    expect((await send(user, 'undo')).text).toMatch(/^Отменять нечего/u);

    await send(user, 'стоматолог завтра в 10:00 на полчаса');
    const [before] = await eventsOf(user);
    await send(user, 'перенеси стоматолога на 12:00');
    const [moved] = await eventsOf(user);
    expect(local(moved.start, MOSCOW).toFormat('HH:mm')).toBe('12:00');
    await send(user, 'спасибо'); // small talk in between keeps what undo knows
    await send(user, 'верни как было');
    const [restored, ...others] = await eventsOf(user);
    expect(others).toHaveLength(0);
    expect(restored).toEqual(before);

    await send(user, 'удали стоматолога');
    expect(await eventsOf(user)).toHaveLength(0);
    await send(user, '↩️ Отменить');
    const [back] = await eventsOf(user);
    expect({ ...back, event: { ...back.event, id: 'same' } }).toEqual({
      ...before,
      event: { ...before.event, id: 'same' },
    });
  });

  it('edits the event it just made: the next message is the change', async () => {
    const user = await seedUser(app);
    await send(user, 'ужин с Олей завтра в 20:00');
    const asked = await send(user, '✏️ Изменить');
    expect(asked.question).toMatch(/^Что изменить в «Ужин с Олей»/u);
    const moved = await send(user, 'на 21:30');
    expect(moved.actions[0]).toMatchObject({ kind: 'event_updated', title: 'Ужин с Олей' });
    const [event, ...others] = await eventsOf(user);
    expect(others).toHaveLength(0);
    expect(local(event.start, MOSCOW).toFormat('HH:mm')).toBe('21:30');
  });

  it('drops the pending question on "отмена"', async () => {
    const user = await seedUser(app);
    const day = comingWeekday();
    expect((await send(user, `встреча с Олей ${day.words}`)).question).toBe('На какое время?');

    const cancelled = await send(user, 'отмена');
    expect(cancelled).toMatchObject({
      text: 'Хорошо, отменил.',
      intent: 'cancel',
      question: null,
      actions: [],
    });
    // Nothing is awaited any more: a bare time does not complete the old request.
    const after = await send(user, 'в 15');
    expect(after.intent).toBe('unknown');
    expect(after.actions).toEqual([]);
    expect(await eventsOf(user)).toHaveLength(0);
  });

  it('keeps the pending question across a restart of the app', async () => {
    const first = await startTestApp();
    const user = await seedUser(first);
    const day = comingWeekday();
    try {
      expect((await send(user, `встреча с Олей ${day.words}`, first)).question).toBe(
        'На какое время?',
      );
    } finally {
      await first.stop();
    }

    const second = await startTestApp();
    try {
      const done = await send(user, 'в 15', second);
      expect(done.text.startsWith('✅')).toBe(true);
      expect(done.actions[0].kind).toBe('event_created');
      const [occurrence, ...others] = await eventsOf(user, second);
      expect(others).toHaveLength(0);
      const start = local(occurrence.start, MOSCOW);
      expect(start.toISODate()).toBe(day.date);
      expect(start.toFormat('HH:mm')).toBe('15:00');
    } finally {
      await second.stop();
    }
  });

  it('asks what nonsense means, with buttons, and writes nothing', async () => {
    const user = await seedUser(app);
    const reply = await send(user, 'фывапролд');

    expect(reply).toMatchObject({
      intent: 'unknown',
      engine: 'offline',
      actions: [],
      question: 'Не уверен, что вы имеете в виду. Это событие, цель или привычка?',
      quickReplies: ['📅 Событие', '🎯 Цель', '🔁 Привычка', 'Отмена'],
    });
    expect(await eventsOf(user)).toHaveLength(0);
    expect((await goalsOf(user)).totalCount).toBe(0);
  });

  it('refuses a blank message', async () => {
    const user = await seedUser(app);
    for (const text of ['', '   \n ']) {
      const result = await executeOperation(app, SendMessageDocument, { text }, user);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
    }
    const tooLong = await executeOperation(
      app,
      SendMessageDocument,
      { text: 'а'.repeat(2001) },
      user,
    );
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    const history = await executeOperationOk(app, ConversationDocument, {}, user);
    expect(history.conversation).toEqual([]);
  });

  it('sets a goal from words and lists it when asked', async () => {
    const user = await seedUser(app);
    const created = await send(user, 'хочу выучить испанский к лету');

    expect(created.intent).toBe('goal_create');
    expect(created.text).toContain('Выучить испанский');
    expect(created.quickReplies).toEqual(['Разбить на шаги', 'Проверить по SMART']);
    const goals = await goalsOf(user);
    expect(goals.items).toHaveLength(1);
    const [goal] = goals.items;
    expect(created.actions).toEqual([
      { kind: 'goal_created', entityId: goal.id, title: 'Выучить испанский' },
    ]);
    expect(goal.title).toBe('Выучить испанский');
    // "к лету": by the first of June.
    expect(goal.targetDate).toMatch(/^\d{4}-06-01$/u);

    const listed = await send(user, 'как мои цели?');
    expect(listed.intent).toBe('goal_search');
    expect(listed.text).toContain('Ваши цели:');
    expect(listed.text).toContain('🎯 Выучить испанский');
    expect(listed.actions).toEqual([]);
  });
});

describe('conversation', () => {
  it('returns the last messages, oldest first, with their roles', async () => {
    const user = await seedUser(app);
    await send(user, 'привет');
    await send(user, 'фывапролд');
    await send(user, 'спасибо');

    const { conversation } = await executeOperationOk(
      app,
      ConversationDocument,
      { limit: 4 },
      user,
    );
    expect(conversation.map(({ role, intent }) => [role, intent])).toEqual([
      ['user', 'unknown'],
      ['assistant', 'unknown'],
      ['user', 'small_talk'],
      ['assistant', 'small_talk'],
    ]);
    expect(conversation[0].text).toBe('фывапролд');
    expect(conversation[1].text).toMatch(/^Не уверен/u);
    expect(conversation[2].text).toBe('спасибо');
    expect(conversation[3].text).toBe('Пожалуйста! Обращайтесь.');

    const all = await executeOperationOk(app, ConversationDocument, {}, user);
    expect(all.conversation.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });
});

describe('analyzeGoal', () => {
  it('stores a SMART review on the goal', async () => {
    const user = await seedUser(app);
    const goal = await seedGoal(app, user, { title: 'Пробежать полумарафон' });
    const { analyzeGoal } = await executeOperationOk(
      app,
      AnalyzeGoalDocument,
      { goalId: goal.id },
      user,
    );
    expect(analyzeGoal.id).toBe(goal.id);
    const review = analyzeGoal.smartAnalysis!;
    expect(review.score).toBeGreaterThanOrEqual(0);
    expect(review.score).toBeLessThanOrEqual(100);
    for (const name of ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const) {
      expect(review[name].score).toBeGreaterThanOrEqual(0);
      expect(review[name].score).toBeLessThanOrEqual(100);
      expect(review[name].comment.length).toBeGreaterThan(0);
    }
    expect(Array.isArray(review.suggestions)).toBe(true);
    expect(review.suggestions.length).toBeGreaterThan(0);
    expect(Math.abs(Date.parse(review.analyzedAt) - Date.now())).toBeLessThan(60_000);

    // Stored: read back through the goal.
    const stored = await readGoal(user, goal.id);
    expect(stored.smartAnalysis).toMatchObject({
      score: review.score,
      analyzedAt: review.analyzedAt,
    });
  });

  it('does not reveal another user’s goal', async () => {
    const [owner, stranger] = await Promise.all([seedUser(app), seedUser(app)]);
    const goal = await seedGoal(app, owner);
    const result = await executeOperation(app, AnalyzeGoalDocument, { goalId: goal.id }, stranger);
    expect(errorCode(result)).toBe('NOT_FOUND');
    expect((await readGoal(owner, goal.id)).smartAnalysis).toBeNull();
  });
});

const generatePlan = async (user: TestUser, goalId: string) =>
  (await executeOperationOk(app, GeneratePlanDocument, { goalId }, user)).generatePlan!;

describe('generatePlan and acceptPlan', () => {
  it('proposes 3–10 steps and adds them once accepted, only once', async () => {
    const user = await seedUser(app);
    const goal = await seedGoal(app, user, { title: 'Пробежать полумарафон' });
    const proposal = await generatePlan(user, goal.id);

    expect(proposal).toMatchObject({ goalId: goal.id, status: 'proposed' });
    expect(proposal.source).toMatch(/^offline/u);
    expect(proposal.steps.length).toBeGreaterThanOrEqual(3);
    expect(proposal.steps.length).toBeLessThanOrEqual(10);
    for (const step of proposal.steps) {
      expect(step.title.length).toBeGreaterThan(0);
      expect(step.estimatedMinutes).toBeGreaterThan(0);
      expect(step.ifThenCue.length).toBeGreaterThan(0);
    }
    // Nothing is added before the user accepts.
    expect((await goalsOf(user)).items[0].steps).toHaveLength(0);

    const accept = { proposalId: proposal.id };
    const { acceptPlan } = await executeOperationOk(app, AcceptPlanDocument, accept, user);
    expect(acceptPlan.id).toBe(goal.id);
    expect(acceptPlan.steps).toEqual(
      proposal.steps.map((step, position) => ({ ...step, position })),
    );

    const again = await executeOperation(app, AcceptPlanDocument, accept, user);
    expect(errorCode(again)).toBe('CONFLICT');
    expect((await goalsOf(user)).items[0].steps).toHaveLength(proposal.steps.length);

    const stranger = await seedUser(app);
    const foreign = await executeOperation(app, AcceptPlanDocument, accept, stranger);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
  });

  it('reports progress on planProgress, ending with done and the proposal', async () => {
    const user = await seedUser(app);
    const goal = await seedGoal(app, user, { title: 'Выучить испанский' });
    const client = wsClient(app.wsUrl, user.credentials);
    clients.push(client);
    const updates = subscribeTo(client, PlanProgressDocument, { goalId: goal.id });
    // The offline plan is instant: generate until the subscription hears, then start clean.
    await untilLive(updates, () => generatePlan(user, goal.id));
    while (await updates.next(300));

    const proposal = await generatePlan(user, goal.id);
    const seen: PlanProgressSubscription['planProgress'][] = [];
    for (;;) {
      const message = await updates.next();
      expect(message?.errors).toBeUndefined();
      const update = message!.data!.planProgress;
      seen.push(update);
      if (update.stage === 'done') break;
    }
    expect(seen.map((update) => update.stage)).toEqual([
      'started',
      'analyzing',
      'validating',
      'done',
    ]);
    expect(seen.every((update) => update.goalId === goal.id)).toBe(true);
    const percents = seen.map((update) => update.percent);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(seen.at(-1)).toEqual({
      goalId: goal.id,
      stage: 'done',
      percent: 100,
      proposalId: proposal.id,
    });
  });
});

describe('freeSlots', () => {
  it('leaves out events and stays inside the working hours', async () => {
    const user = await seedUser(app);
    // A weekday at least two days ahead, so none of it has passed.
    let day = DateTime.now().setZone(MOSCOW).startOf('day').plus({ days: 2 });
    while (day.weekday > 5) day = day.plus({ days: 1 });
    const eventStart = day.set({ hour: 12, minute: 30 });
    const input = { title: 'Стоматолог', start: eventStart.toISO()!, durationMinutes: 60 };
    await executeOperationOk(app, CreateEventDocument, { input }, user);
    const freeSlots = (days: number) =>
      executeOperation(
        app,
        FreeSlotsDocument,
        { from: day.toISO()!, to: day.plus({ days }).toISO()!, minMinutes: 30 },
        user,
      );

    const oneDay = (await freeSlots(1)).data!;
    expect(
      oneDay.freeSlots.map((slot) => [
        local(slot.start, MOSCOW).toFormat('yyyy-MM-dd HH:mm'),
        local(slot.end, MOSCOW).toFormat('HH:mm'),
        slot.minutes,
      ]),
    ).toEqual([
      [`${day.toISODate()} 09:00`, '12:30', 210],
      [`${day.toISODate()} 13:30`, '18:00', 270],
    ]);

    const week = (await freeSlots(7)).data!;
    expect(week.freeSlots).toHaveLength(6); // five working days, one of them split
    const eventEnd = eventStart.plus({ minutes: 60 });
    for (const slot of week.freeSlots) {
      const start = local(slot.start, MOSCOW);
      const end = local(slot.end, MOSCOW);
      expect(start.weekday).toBeLessThanOrEqual(5);
      expect(end.toISODate()).toBe(start.toISODate());
      expect(start.toFormat('HH:mm') >= '09:00').toBe(true);
      expect(end.toFormat('HH:mm') <= '18:00').toBe(true);
      expect(slot.minutes).toBe(end.diff(start, 'minutes').minutes);
      expect(slot.minutes).toBeGreaterThanOrEqual(30);
      expect(end <= eventStart || start >= eventEnd).toBe(true);
    }

    const tooLong = await freeSlots(63);
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
  });
});

const schedulePlan = async (user: TestUser, goalId: string) =>
  (await executeOperationOk(app, SchedulePlanDocument, { goalId }, user)).schedulePlan;

async function goalWithSteps(
  user: TestUser,
  targetDate: string,
  steps: { title: string; estimatedMinutes: number }[],
) {
  const input = { title: 'Подготовить доклад', targetDate, steps };
  const data = await executeOperationOk(app, CreateGoalDocument, { input }, user);
  return data.createGoal;
}

describe('schedulePlan', () => {
  it('places the steps into working time and saves them as step events', async () => {
    const user = await seedUser(app);
    const targetDate = DateTime.now().setZone(MOSCOW).plus({ days: 21 }).toISODate()!;
    const goal = await goalWithSteps(
      user,
      targetDate,
      ['Собрать материалы', 'Написать черновик', 'Сделать слайды'].map((title) => ({
        title,
        estimatedMinutes: 60,
      })),
    );
    const report = await schedulePlan(user, goal.id);

    expect(report).toMatchObject({ feasible: true, applied: true, deadlineDate: targetDate });
    expect(report.placements).toHaveLength(3);
    expect(report.placements.map((p) => p.stepId)).toEqual(goal.steps.map((step) => step.id));
    for (const placement of report.placements) {
      expect(placement).toMatchObject({ chunk: 1, chunks: 1 });
      expect(placement.explanation.length).toBeGreaterThan(0);
      const start = local(placement.start, MOSCOW);
      const end = local(placement.end, MOSCOW);
      expect(end.diff(start, 'minutes').minutes).toBe(60);
      expect(start.weekday).toBeLessThanOrEqual(5);
      expect(start.toFormat('HH:mm') >= '09:00').toBe(true);
      expect(end.toFormat('HH:mm') <= '18:00').toBe(true);
      expect(start.toISODate()! <= targetDate).toBe(true);
    }

    const events = await eventsOf(user);
    expect(events).toHaveLength(3);
    for (const placement of report.placements) {
      const event = events.find((o) => o.event.stepId === placement.stepId);
      // Created by EventService like any event: the same default reminder, or at the start
      // when the step was placed less than 15 minutes from now (a run at the workday's start).
      const ahead = (Date.parse(placement.start) - Date.now()) / 60_000;
      expect(event?.event).toMatchObject({ kind: 'STEP', goalId: goal.id, durationMinutes: 60 });
      const allowed = ahead > 16 ? [[15]] : ahead < 14 ? [[0]] : [[0], [15]];
      expect(allowed).toContainEqual(event?.event.reminderMinutesBefore);
      expect(Date.parse(event!.start)).toBe(Date.parse(placement.start));
    }
    const stored = await readGoal(user, goal.id);
    expect(stored.isScheduled).toBe(true);
    for (const [index, step] of stored.steps.entries()) {
      expect(Date.parse(step.plannedStart!)).toBe(Date.parse(report.placements[index].start));
      expect(step.plannedDurationMinutes).toBe(60);
    }
  });

  it('paces an accepted plan until the deadline, keeps cue times and makes daily practice recur', async () => {
    const user = await seedUser(app);
    const targetDate = DateTime.now().setZone(MOSCOW).plus({ weeks: 8 }).toISODate()!;
    const goal = await seedGoal(app, user, { title: 'Выучить испанский', targetDate });
    const proposal = await generatePlan(user, goal.id);
    await executeOperationOk(app, AcceptPlanDocument, { proposalId: proposal.id }, user);
    const report = await schedulePlan(user, goal.id);
    expect(report).toMatchObject({ feasible: true, applied: true });

    const byTitle = new Map(proposal.steps.map((step, n) => [step.title, n]));
    const steps = (await readGoal(user, goal.id)).steps;
    const placementOf = (title: string) => {
      const id = steps[byTitle.get(title)!]!.id;
      return report.placements.find((p) => p.stepId === id)!;
    };
    // "каждый день" → one recurring event; "2 раза в неделю" with "если вторник 19:00" → Tuesdays at 19:00.
    expect(placementOf('Учить 15 новых слов на испанском каждый день').recurrence).toMatch(
      /^FREQ=/u,
    );
    const grammar = placementOf('Урок грамматики испанского 2 раза в неделю');
    expect(grammar.recurrence).toMatch(/^FREQ=WEEKLY;BYDAY=TU,/u);
    expect(local(grammar.start, MOSCOW).toFormat('ccc HH:mm', { locale: 'en' })).toBe('Tue 19:00');
    expect(grammar.explanation).toContain('время из подсказки шага');
    // Single steps are spread over the weeks, not put on one day.
    const single = report.placements.filter((p) => !p.recurrence);
    const days = new Set(single.map((p) => local(p.start, MOSCOW).toISODate()));
    expect(days.size).toBe(single.length);
    const span = local(single.at(-1)!.start, MOSCOW).diff(
      local(single[0]!.start, MOSCOW),
      'days',
    ).days;
    expect(span).toBeGreaterThan(0.6 * 7 * 8 * 0.6);

    const events = await eventsOf(user);
    const grammarEvents = events.filter((o) => o.event.stepId === grammar.stepId);
    expect(grammarEvents.length).toBeGreaterThan(4); // occurrences of one recurring event
    expect(new Set(grammarEvents.map((o) => o.event.id)).size).toBe(1);
  });

  it('reports what is missing and saves nothing when the steps do not fit', async () => {
    const user = await seedUser(app);
    const goal = await goalWithSteps(
      user,
      tomorrowIn(MOSCOW)!,
      Array.from({ length: 10 }, (_, index) => ({
        title: `Большой шаг ${index + 1}`,
        estimatedMinutes: 600,
      })),
    );
    const report = await schedulePlan(user, goal.id);

    expect(report).toMatchObject({ feasible: false, applied: false, neededMinutes: 6000 });
    expect(report.freeMinutes).toBeLessThan(6000);
    expect(report.message).toMatch(/Нужно 100 ч, до дедлайна свободно/u);
    const move = report.options.find((option) => option.kind === 'move_deadline');
    expect((move?.newDeadline ?? '') > tomorrowIn(MOSCOW)!).toBe(true);
    expect(move?.description.length).toBeGreaterThan(0);

    expect(await eventsOf(user)).toHaveLength(0);
    const stored = await readGoal(user, goal.id);
    expect(stored.steps.every((step) => !step.plannedStart)).toBe(true);
  });
});
