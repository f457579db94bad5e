import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { CheckInStatus, HabitStatus, Language } from '../../src/entities/index.js';
import { createLogger } from '../../src/logger.js';
import type { OccurrencePayload } from '../../src/jobs/define-job.js';
import type { JobQueue } from '../../src/services/job-queue.js';
import { textsFor } from '../../src/services/notifications/texts.js';
import { DAILY_JOBS, ReminderScheduler } from '../../src/services/reminder-scheduler.js';
import {
  buildGoal,
  buildUser,
  seedHabit,
  type TestGoal,
  type TestUser,
} from '../support/factories.js';
import {
  CompleteStepDocument,
  CreateEventDocument,
  NotificationHistoryDocument,
  PendingNotificationsDocument,
  ScheduledJobsDocument,
  UpdateGoalDocument,
  UpdateSettingsDocument,
  UpdateStepDocument,
  type CreateEventInput,
  type UpdateSettingsInput,
  type ScheduledJobsQuery,
  type UpdateStepInput,
} from '../gql/graphql.js';
import { asBot, executeOperationOk } from '../support/graphql-client.js';
import type { TestApp } from '../support/test-app.js';
import { eventually, outboxOf, startWorkerApp } from './job-helpers.js';

let app: TestApp;

beforeAll(async () => {
  app = await startWorkerApp();
});
afterAll(() => app.stop());

type DailyName = 'morning-digest' | 'deadline-check' | 'overdue-steps';
const DAILY: DailyName[] = ['morning-digest', 'deadline-check', 'overdue-steps'];

interface DailyUser extends TestUser {
  timezone: string;
  language: 'RU' | 'EN';
  /** When each daily job is next due, as set by `makeUser` (10, 11 and 12 hours ahead). */
  next: Record<DailyName, Date>;
}

const updateSettings = (user: TestUser, input: UpdateSettingsInput) =>
  executeOperationOk(app, UpdateSettingsDocument, { input }, user);
const updateStep = (user: TestUser, id: string, input: UpdateStepInput) =>
  executeOperationOk(app, UpdateStepDocument, { id, input }, user);

/**
 * A fresh user whose own daily jobs are due far from now (so the real schedule never fires
 * during the test): digest in 10 h, deadline check in 11 h, evening nudge in 12 h (local).
 * Use zones without DST here, so "the next HH:MM" is exactly that many hours ahead.
 */
async function makeUser(timezone: string, language: 'RU' | 'EN' = 'RU'): Promise<DailyUser> {
  const user = await buildUser(app, { timezone, language });
  const now = DateTime.now().setZone(timezone).startOf('minute');
  const at = (hours: number) => now.plus({ hours });
  await updateSettings(user, {
    digestTime: at(10).toFormat('HH:mm'),
    deadlineCheckTime: at(11).toFormat('HH:mm'),
    eveningNudgeTime: at(12).toFormat('HH:mm'),
  });
  return {
    ...user,
    timezone,
    language,
    next: {
      'morning-digest': at(10).toJSDate(),
      'deadline-check': at(11).toJSDate(),
      'overdue-steps': at(12).toJSDate(),
    },
  };
}

type JobRow = ScheduledJobsQuery['scheduledJobs'][number];

/** Every queued job of `name` (all pages: the worker's reconcile queues every user's jobs). */
async function allJobs(name: string): Promise<JobRow[]> {
  const found: JobRow[] = [];
  for (let offset = 0; ; offset += 100) {
    const { scheduledJobs } = await executeOperationOk(
      app,
      ScheduledJobsDocument,
      { name, offset, limit: 100 },
      asBot(),
    );
    found.push(...scheduledJobs);
    if (scheduledJobs.length < 100) return found;
  }
}

/** The user's own queued daily jobs of `name` (their keys are `<name>:<userId>@<instant>`). */
async function dailyJobsOf(name: DailyName, user: TestUser) {
  return (await allJobs(name)).filter((job) => job.key?.startsWith(`${name}:${user.id}@`));
}

/** Runs a daily job for `user` half a second from now through the real worker; its `dueAt`. */
async function runDaily(name: DailyName, user: TestUser): Promise<Date> {
  const dueAt = new Date(Date.now() + 500);
  const key = `test:${randomUUID()}`;
  await app.deps.services.jobs.schedule(
    DAILY_JOBS[name].job,
    { key, dueAt: dueAt.toISOString(), userId: user.id },
    dueAt,
  );
  const finished = await eventually(async () => {
    const [job] = (await allJobs(name)).filter((queued) => queued.key === key);
    if (job && job.failCount > 0) throw new Error(`${name} failed: ${job.failReason}`);
    return !job;
  }, 10_000);
  expect(finished).toBe(true);
  return dueAt;
}

/** The user's notifications through the API, oldest first. */
async function historyOf(user: TestUser) {
  const { notificationHistory } = await executeOperationOk(
    app,
    NotificationHistoryDocument,
    { limit: 100 },
    user,
  );
  return [...notificationHistory.items].reverse();
}

const localNow = (user: DailyUser) => DateTime.now().setZone(user.timezone);
const dayLabel = (date: DateTime, language: 'ru' | 'en') =>
  date.setLocale(language).toFormat('d MMMM');

async function createEvent(user: TestUser, input: CreateEventInput): Promise<string> {
  const { createEvent: event } = await executeOperationOk(
    app,
    CreateEventDocument,
    { input: { reminderEnabled: false, ...input } },
    user,
  );
  return event.id;
}

/** A goal with `total` steps of which `done` are completed. */
async function goalWithProgress(
  user: TestUser,
  title: string,
  total: number,
  done: number,
  targetDate?: string,
): Promise<TestGoal> {
  const goal = await buildGoal(app, user, {
    title,
    targetDate,
    steps: Array.from({ length: total }, (_, index) => `${title} ${index + 1}`),
  });
  for (const step of goal.steps.slice(0, done)) {
    await executeOperationOk(app, CompleteStepDocument, { id: step.id }, user);
  }
  return goal;
}

describe('morning digest', () => {
  it('lists today’s events in local time, active goals with progress and a motivation (RU)', async () => {
    const user = await makeUser('Asia/Vladivostok');
    const today = localNow(user).startOf('day');
    const standup = await createEvent(user, {
      title: 'Стендап',
      start: today.set({ hour: 9, minute: 30 }).toUTC().toISO()!,
    });
    const birthday = await createEvent(user, {
      title: 'День рождения мамы',
      start: today.toUTC().toISO()!,
      allDay: true,
    });
    await createEvent(user, {
      title: 'Завтрашняя встреча',
      start: today.plus({ days: 1, hours: 9 }).toUTC().toISO()!,
    });
    const spanish = await goalWithProgress(user, 'Выучить испанский', 3, 1);
    const paused = await buildGoal(app, user, { title: 'Отложенная цель' });
    await executeOperationOk(
      app,
      UpdateGoalDocument,
      { id: paused.id, input: { status: 'PAUSED' } },
      user,
    );
    // The digest time is "now" (to the minute), so the next one is tomorrow at this time.
    const digestAt = localNow(user).startOf('minute');
    await updateSettings(user, { digestTime: digestAt.toFormat('HH:mm') });
    await app.deps.services.jobs.cancel(DAILY_JOBS['morning-digest'].job, { userId: user.id });
    expect(await dailyJobsOf('morning-digest', user)).toEqual([]);

    const dueAt = await runDaily('morning-digest', user);

    const notifications = await historyOf(user);
    expect(notifications).toHaveLength(1);
    const [digest] = notifications;
    expect(digest).toMatchObject({
      kind: 'MORNING_DIGEST',
      status: 'PENDING',
      attempts: 1,
      occurrenceAt: dueAt.toISOString(),
      actions: [],
    });
    expect(digest.refs.eventIds).toEqual([birthday, standup]);
    expect(digest.refs.goalIds).toEqual([spanish.id]);
    const lines = digest.text.split('\n');
    const date = DateTime.fromJSDate(dueAt, { zone: user.timezone });
    expect(lines.slice(0, -1)).toEqual([
      `☀️ Доброе утро! План на ${dayLabel(date, 'ru')}:`,
      '📅 День рождения мамы',
      '⏰ 09:30 Стендап',
      '',
      'Цели:',
      '🎯 Выучить испанский ▓▓▓░░░░░░░ 33%',
      '',
    ]);
    expect(textsFor(Language.RU).motivation).toContain(lines.at(-1));

    const next = await dailyJobsOf('morning-digest', user);
    expect(next.map((job) => job.nextRunAt)).toEqual([digestAt.plus({ days: 1 }).toUTC().toISO()]);
  });

  it('speaks English, in the user’s timezone, and says when there are no events', async () => {
    const user = await makeUser('America/Los_Angeles', 'EN');
    await goalWithProgress(
      user,
      'Ship the MVP',
      2,
      1,
      localNow(user).plus({ days: 30 }).toISODate()!,
    );
    await buildGoal(app, user, { title: 'Read more' });
    const dueAt = await runDaily('morning-digest', user);
    const [digest, ...rest] = await historyOf(user);
    expect(rest).toEqual([]);
    expect(digest.kind).toBe('MORNING_DIGEST');
    const lines = digest.text.split('\n');
    const date = DateTime.fromJSDate(dueAt, { zone: user.timezone });
    expect(lines.slice(0, -1)).toEqual([
      `☀️ Good morning! Your plan for ${dayLabel(date, 'en')}:`,
      'No events today.',
      '',
      'Goals:',
      // Goals with a deadline first.
      '🎯 Ship the MVP ▓▓▓▓▓░░░░░ 50%',
      '🎯 Read more ░░░░░░░░░░ 0%',
      '',
    ]);
    expect(textsFor(Language.EN).motivation).toContain(lines.at(-1));

    const english = await makeUser('Asia/Tokyo', 'EN');
    const start = localNow(english).startOf('day').set({ hour: 18, minute: 5 });
    await createEvent(english, { title: 'Dentist', start: start.toUTC().toISO()! });
    await runDaily('morning-digest', english);
    const [withEvent] = await historyOf(english);
    expect(withEvent.text.split('\n').slice(1, 2)).toEqual(['⏰ 18:05 Dentist']);
    expect(withEvent.text).not.toContain('Goals:');
  });

  it('says nothing to a user with no events today and no active goal, and keeps the chain', async () => {
    const user = await makeUser('Europe/Moscow');
    const archived = await buildGoal(app, user, { title: 'Старая цель' });
    await executeOperationOk(
      app,
      UpdateGoalDocument,
      { id: archived.id, input: { status: 'ARCHIVED' } },
      user,
    );
    await createEvent(user, {
      title: 'Послезавтра',
      start: localNow(user).startOf('day').plus({ days: 2, hours: 10 }).toUTC().toISO()!,
    });
    await app.deps.services.jobs.cancel(DAILY_JOBS['morning-digest'].job, { userId: user.id });
    await runDaily('morning-digest', user);
    expect(await outboxOf(app, user.id)).toEqual([]);
    const next = await dailyJobsOf('morning-digest', user);
    expect(next.map((job) => Date.parse(job.nextRunAt!))).toEqual([
      user.next['morning-digest'].getTime(),
    ]);
  });
});

describe('deadline warnings', () => {
  it('warns 7, 3, 1 and 0 local days ahead, not 2, and not for inactive goals (RU)', async () => {
    // Far east: the local date is usually not the UTC date.
    const user = await makeUser('Pacific/Kiritimati');
    const today = localNow(user).startOf('day');
    const goals = new Map<number, TestGoal>();
    for (const days of [7, 3, 2, 1, 0]) {
      goals.set(
        days,
        await buildGoal(app, user, {
          title: `Цель ${days}`,
          targetDate: today.plus({ days }).toISODate()!,
        }),
      );
    }
    const done = await buildGoal(app, user, {
      title: 'Завершённая',
      targetDate: today.plus({ days: 3 }).toISODate()!,
    });
    await executeOperationOk(
      app,
      UpdateGoalDocument,
      { id: done.id, input: { status: 'COMPLETED' } },
      user,
    );

    const dueAt = await runDaily('deadline-check', user);
    const due = DateTime.fromJSDate(dueAt, { zone: user.timezone }).startOf('day');
    const rows = await historyOf(user);
    const byGoal = new Map(rows.map((row) => [row.refs.goalId as string, row]));
    expect(rows).toHaveLength(4);
    expect(byGoal.has(goals.get(2)!.id)).toBe(false);
    expect(byGoal.has(done.id)).toBe(false);
    const advice = 'Прогресс 0%. Выберите один шаг и сделайте его сегодня.';
    const label = (days: number) => dayLabel(due.plus({ days }), 'ru');
    const expected: [number, string][] = [
      [7, `🎯 Цель 7: до дедлайна 7 дней (${label(7)}). ${advice}`],
      [3, `🎯 Цель 3: до дедлайна 3 дня (${label(3)}). ${advice}`],
      [1, `🎯 Цель 1: до дедлайна 1 день (${label(1)}). ${advice}`],
      [0, `🎯 Цель 0: дедлайн сегодня (${label(0)}). ${advice}`],
    ];
    for (const [days, text] of expected) {
      const row = byGoal.get(goals.get(days)!.id);
      expect(row).toMatchObject({
        kind: 'DEADLINE_WARNING',
        text,
        refs: { daysLeft: days, progress: 0 },
        // Done, the snoozes (and, in the bots, its goal).
        actions: expect.arrayContaining([
          expect.objectContaining({ kind: 'DONE', label: 'Готово' }),
          expect.objectContaining({ kind: 'SNOOZE', snooze: 'THIS_EVENING' }),
        ]),
      });
    }
  });

  it('speaks English, with the finishing advice from 80 %', async () => {
    const user = await makeUser('Asia/Tokyo', 'EN');
    const today = localNow(user).startOf('day');
    const date = (days: number) => today.plus({ days }).toISODate()!;
    const launch = await goalWithProgress(user, 'Launch', 5, 4, date(3));
    const today0 = await buildGoal(app, user, { title: 'Taxes', targetDate: date(0) });
    const tomorrow = await buildGoal(app, user, { title: 'Visa', targetDate: date(1) });
    const week = await buildGoal(app, user, { title: 'Move', targetDate: date(7) });
    await buildGoal(app, user, { title: 'Two days', targetDate: date(2) });
    const dueAt = await runDaily('deadline-check', user);
    const due = DateTime.fromJSDate(dueAt, { zone: user.timezone }).startOf('day');
    const label = (days: number) => dayLabel(due.plus({ days }), 'en');
    const texts = new Map((await historyOf(user)).map((row) => [row.refs.goalId, row.text]));
    expect(texts.size).toBe(4);
    const advice = 'Progress 0%. Pick one step and do it today.';
    expect(texts.get(launch.id)).toBe(
      `🎯 Launch: 3 days to the deadline (${label(3)}). Progress 80%. The finish line is close — push through!`,
    );
    expect(texts.get(today0.id)).toBe(`🎯 Taxes: the deadline is today (${label(0)}). ${advice}`);
    expect(texts.get(tomorrow.id)).toBe(`🎯 Visa: 1 day to the deadline (${label(1)}). ${advice}`);
    expect(texts.get(week.id)).toBe(`🎯 Move: 7 days to the deadline (${label(7)}). ${advice}`);
  });
});

describe('overdue steps', () => {
  it('lists undone steps planned before today, grouped by goal, with buttons (RU)', async () => {
    const user = await makeUser('Asia/Tokyo');
    const today = localNow(user).startOf('day');
    const marathon = await buildGoal(app, user, {
      title: 'Марафон',
      steps: ['Купить кроссовки', 'Записаться', 'Пробежать 5 км', 'Без даты'],
    });
    const book = await buildGoal(app, user, {
      title: 'Книга',
      steps: ['Написать план', 'Выбрать издателя'],
    });
    const [shoes, signUp, run5k] = marathon.steps;
    const [outline, publisher] = book.steps;
    const plan = (id: string, at: DateTime, extra: UpdateStepInput = {}) =>
      updateStep(user, id, { plannedStart: at.toUTC().toISO(), ...extra });
    // Yesterday 01:00 local is two UTC dates back: the label must use the local date.
    const yesterday = today.minus({ days: 1 }).set({ hour: 1 });
    await plan(shoes.id, yesterday);
    await plan(signUp.id, today.minus({ days: 3 }).set({ hour: 10 }), { status: 'DONE' });
    await plan(run5k.id, today.set({ hour: 0, minute: 30 }));
    const twoDaysAgo = today.minus({ days: 2 }).set({ hour: 18 });
    await plan(outline.id, twoDaysAgo, { status: 'IN_PROGRESS' });
    await plan(publisher.id, twoDaysAgo, { status: 'SKIPPED' });

    await runDaily('overdue-steps', user);

    const rows = await historyOf(user);
    expect(rows).toHaveLength(1);
    const [overdue] = rows;
    const short = (at: DateTime) => at.setLocale('ru').toFormat('d MMM');
    expect(overdue.kind).toBe('OVERDUE_STEPS');
    expect(overdue.text).toBe(
      [
        'Просроченные шаги:',
        '',
        '🎯 Марафон',
        `• Купить кроссовки (${short(yesterday)})`,
        '',
        '🎯 Книга',
        `• Написать план (${short(twoDaysAgo)})`,
        '',
        'Отметьте сделанное или перенесите — план должен быть честным.',
      ].join('\n'),
    );
    expect(overdue.refs).toEqual({
      stepIds: [shoes.id, outline.id],
      goalIds: [marathon.id, book.id],
    });
    expect(overdue.actions.map(({ kind, stepId, label }) => ({ kind, stepId, label }))).toEqual([
      { kind: 'COMPLETE_STEP', stepId: shoes.id, label: '✅ Купить кроссовки' },
      { kind: 'COMPLETE_STEP', stepId: outline.id, label: '✅ Написать план' },
      { kind: 'DONE', stepId: null, label: 'Готово' },
      { kind: 'SNOOZE', stepId: null, label: 'Через 10 мин' },
      { kind: 'SNOOZE', stepId: null, label: 'Через час' },
      { kind: 'SNOOZE', stepId: null, label: 'Вечером' },
      { kind: 'SNOOZE', stepId: null, label: 'Завтра утром' },
    ]);
  });

  it('speaks English, and says nothing when no step is overdue', async () => {
    const user = await makeUser('Europe/London', 'EN');
    const goal = await buildGoal(app, user, { title: 'Garden', steps: ['Dig', 'Plant'] });
    const lastWeek = localNow(user).startOf('day').minus({ days: 7 }).set({ hour: 12 });
    await updateStep(user, goal.steps[0].id, { plannedStart: lastWeek.toUTC().toISO() });
    await runDaily('overdue-steps', user);
    const [overdue, ...rest] = await historyOf(user);
    expect(rest).toEqual([]);
    expect(overdue.text).toBe(
      [
        'Overdue steps:',
        '',
        '🎯 Garden',
        `• Dig (${lastWeek.setLocale('en').toFormat('d MMM')})`,
        '',
        'Mark what is done or move it — keep the plan honest.',
      ].join('\n'),
    );
    expect(overdue.actions.map((action) => action.label)).toEqual([
      '✅ Dig',
      'Done',
      'In 10 min',
      'In 1 hour',
      'This evening',
      'Tomorrow morning',
    ]);

    const onTrack = await makeUser('Europe/Moscow');
    const upcoming = await buildGoal(app, onTrack, {
      title: 'Вовремя',
      steps: ['Сегодня', 'Потом'],
    });
    const tomorrow = localNow(onTrack).startOf('day').plus({ days: 1, hours: 9 });
    await updateStep(onTrack, upcoming.steps[0].id, { plannedStart: tomorrow.toUTC().toISO() });
    await runDaily('overdue-steps', onTrack);
    expect(await outboxOf(app, onTrack.id)).toEqual([]);
  });
});

describe('the evening nudge: habits pending today', () => {
  it('lists the habits due today not yet checked in, each with a one-tap button (RU)', async () => {
    const user = await makeUser('Asia/Tokyo');
    const today = localNow(user).toISODate()!;
    const since = localNow(user).minus({ days: 3 }).toISODate()!;
    const water = await seedHabit(app, user, { title: 'Вода', startedOn: since });
    await seedHabit(app, user, {
      title: 'Зарядка',
      startedOn: since,
      checkIns: { [today]: CheckInStatus.DONE },
    });
    await seedHabit(app, user, { title: 'Пауза', startedOn: since, status: HabitStatus.PAUSED });
    const reading = await seedHabit(app, user, { title: 'Чтение', startedOn: since });

    await runDaily('overdue-steps', user);

    const [nudge, ...rest] = await historyOf(user);
    expect(rest).toEqual([]);
    expect(nudge.kind).toBe('OVERDUE_STEPS');
    expect(nudge.text).toBe(
      [
        '🔁 Привычки, ещё не отмеченные сегодня:',
        '⬜ Вода',
        '⬜ Чтение',
        '',
        'Ещё есть время — отметьте одним нажатием.',
      ].join('\n'),
    );
    expect(nudge.refs).toEqual({
      stepIds: [],
      goalIds: [],
      habitIds: [water, reading],
      localDate: today,
    });
    const [row] = await outboxOf(app, user.id);
    expect(row!.payload.actions.filter((action) => action.kind === 'check_in_habit')).toEqual([
      { kind: 'check_in_habit', habitId: water, label: '✅ Вода' },
      { kind: 'check_in_habit', habitId: reading, label: '✅ Чтение' },
    ]);
  });

  it('puts habits under the overdue steps (EN), and says nothing once everything is done', async () => {
    const user = await makeUser('Europe/London', 'EN');
    const goal = await buildGoal(app, user, { title: 'Garden', steps: ['Dig'] });
    const lastWeek = localNow(user).startOf('day').minus({ days: 7 }).set({ hour: 12 });
    await updateStep(user, goal.steps[0].id, { plannedStart: lastWeek.toUTC().toISO() });
    const yoga = await seedHabit(app, user, {
      title: 'Yoga',
      startedOn: localNow(user).toISODate()!,
    });
    await runDaily('overdue-steps', user);
    const [nudge] = await historyOf(user);
    expect(nudge.text).toBe(
      [
        'Overdue steps:',
        '',
        '🎯 Garden',
        `• Dig (${lastWeek.setLocale('en').toFormat('d MMM')})`,
        '',
        'Mark what is done or move it — keep the plan honest.',
        '',
        '🔁 Habits not checked off today yet:',
        '⬜ Yoga',
        '',
        'There is still time — one tap each.',
      ].join('\n'),
    );
    expect(nudge.actions.map((action) => action.label).slice(0, 3)).toEqual([
      '✅ Dig',
      '✅ Yoga',
      'Done',
    ]);

    const allDone = await makeUser('Europe/Moscow');
    await seedHabit(app, allDone, {
      title: 'Зарядка',
      startedOn: localNow(allDone).toISODate()!,
      checkIns: { [localNow(allDone).toISODate()!]: CheckInStatus.SKIPPED },
    });
    await runDaily('overdue-steps', allDone);
    expect(await outboxOf(app, allDone.id)).toEqual([]);
    expect(yoga).toBeTruthy();
  });

  it('runs while either switch is on, and lists only what its switch allows', async () => {
    const user = await makeUser('Asia/Tokyo');
    const goal = await buildGoal(app, user, { title: 'Марафон', steps: ['Кроссовки'] });
    const lastWeek = localNow(user).startOf('day').minus({ days: 7 }).set({ hour: 12 });
    await updateStep(user, goal.steps[0].id, { plannedStart: lastWeek.toUTC().toISO() });
    await seedHabit(app, user, { title: 'Вода', startedOn: localNow(user).toISODate()! });

    await updateSettings(user, { overdueStepRemindersEnabled: false });
    expect(await dailyJobsOf('overdue-steps', user)).toHaveLength(1);
    await runDaily('overdue-steps', user);
    const [habitsOnly] = await historyOf(user);
    expect(habitsOnly.text).toMatch(/^🔁 Привычки, ещё не отмеченные сегодня:\n⬜ Вода\n/u);
    expect(habitsOnly.text).not.toContain('Кроссовки');

    await updateSettings(user, { habitRemindersEnabled: false });
    expect(await dailyJobsOf('overdue-steps', user)).toEqual([]);
    await updateSettings(user, { overdueStepRemindersEnabled: true });
    expect(await dailyJobsOf('overdue-steps', user)).toHaveLength(1);
    await runDaily('overdue-steps', user);
    const [, stepsOnly] = await historyOf(user);
    expect(stepsOnly.text).toContain('• Кроссовки');
    expect(stepsOnly.text).not.toContain('Вода');
  });
});

describe('switches', () => {
  it('a switched-off digest writes nothing and does not schedule its next run', async () => {
    const user = await makeUser('Europe/Moscow');
    await buildGoal(app, user, { title: 'Активная цель' });
    await updateSettings(user, { morningDigestEnabled: false });
    expect(await dailyJobsOf('morning-digest', user)).toEqual([]);
    expect(await dailyJobsOf('deadline-check', user)).toHaveLength(1);
    await runDaily('morning-digest', user);
    expect(await outboxOf(app, user.id)).toEqual([]);
    expect(await dailyJobsOf('morning-digest', user)).toEqual([]);
  });

  it('the master switch cancels every daily job; turning it on schedules them again', async () => {
    const user = await makeUser('Asia/Tokyo');
    await buildGoal(app, user, {
      title: 'Дедлайн сегодня',
      targetDate: localNow(user).toISODate()!,
    });
    const dueTimes = async () =>
      Object.fromEntries(
        await Promise.all(
          DAILY.map(
            async (name) =>
              [
                name,
                (await dailyJobsOf(name, user)).map((job) => Date.parse(job.nextRunAt!)),
              ] as const,
          ),
        ),
      );
    expect(await dueTimes()).toEqual({
      'morning-digest': [user.next['morning-digest'].getTime()],
      'deadline-check': [user.next['deadline-check'].getTime()],
      'overdue-steps': [user.next['overdue-steps'].getTime()],
    });

    await updateSettings(user, { notificationsEnabled: false });
    expect(await dueTimes()).toEqual({
      'morning-digest': [],
      'deadline-check': [],
      'overdue-steps': [],
    });
    await runDaily('deadline-check', user);
    expect(await outboxOf(app, user.id)).toEqual([]);
    expect(await dailyJobsOf('deadline-check', user)).toEqual([]);

    await updateSettings(user, { notificationsEnabled: true });
    expect(await dueTimes()).toEqual({
      'morning-digest': [user.next['morning-digest'].getTime()],
      'deadline-check': [user.next['deadline-check'].getTime()],
      'overdue-steps': [user.next['overdue-steps'].getTime()],
    });
  });
});

describe('quiet hours', () => {
  it('holds the notification until they end, with a release job at that moment', async () => {
    const user = await makeUser('Europe/Moscow');
    await buildGoal(app, user, { title: 'Тихая цель' });
    const now = localNow(user).startOf('minute');
    const quietEnd = now.plus({ hours: 1 });
    await updateSettings(user, {
      quietHoursStart: now.minus({ hours: 1 }).toFormat('HH:mm'),
      quietHoursEnd: quietEnd.toFormat('HH:mm'),
    });

    await runDaily('morning-digest', user);

    const [held, ...rest] = await outboxOf(app, user.id);
    expect(rest).toEqual([]);
    expect(held).toMatchObject({ kind: 'morning_digest', status: 'pending', attempts: 0 });
    expect(held.availableAt.toISOString()).toBe(quietEnd.toUTC().toISO());

    const { pendingNotifications } = await executeOperationOk(
      app,
      PendingNotificationsDocument,
      { platform: 'TELEGRAM' },
      asBot(),
    );
    expect(pendingNotifications.map((row) => row.id)).not.toContain(held.id);
    const [after] = await outboxOf(app, user.id);
    expect(after).toMatchObject({ id: held.id, attempts: 0 });

    const release = (await allJobs('release-notification')).filter(
      (job) => job.key === `release:${held.id}`,
    );
    expect(release.map((job) => job.nextRunAt)).toEqual([quietEnd.toUTC().toISO()]);
  });
});

describe('local time of the daily jobs across DST', () => {
  /** A scheduler on a queue that only records, to replay moments already past. */
  function recordingScheduler() {
    const scheduled: { name: string; at: Date; data: OccurrencePayload }[] = [];
    const queue: JobQueue = {
      schedule: async (job, data, at) => {
        scheduled.push({ name: job.name, at, data });
      },
      scheduleMany: async (job, items) => {
        for (const { payload, at } of items) scheduled.push({ name: job.name, at, data: payload });
      },
      cancel: async () => 0,
      list: async () => [],
    };
    return {
      reminderScheduler: new ReminderScheduler(app.db, queue, createLogger('silent')),
      scheduled,
    };
  }

  async function digestAfter(userId: string, now: string) {
    const { reminderScheduler, scheduled } = recordingScheduler();
    await reminderScheduler.syncUser(userId, new Date(now));
    return scheduled
      .filter((job) => job.name === 'morning-digest')
      .map((job) => job.at.toISOString());
  }

  it('keeps 08:00 local on both sides of the 2026 changes in New York; Moscow stays put', async () => {
    const newYork = await buildUser(app, { timezone: 'America/New_York' });
    const moscow = await buildUser(app, { timezone: 'Europe/Moscow' });
    for (const user of [newYork, moscow]) {
      await updateSettings(user, { digestTime: '08:00' });
    }
    // DST starts on Sunday 2026-03-08 and ends on Sunday 2026-11-01.
    expect(await digestAfter(newYork.id, '2026-03-06T15:00:00Z')).toEqual([
      '2026-03-07T13:00:00.000Z',
    ]);
    expect(await digestAfter(newYork.id, '2026-03-07T15:00:00Z')).toEqual([
      '2026-03-08T12:00:00.000Z',
    ]);
    expect(await digestAfter(newYork.id, '2026-10-30T15:00:00Z')).toEqual([
      '2026-10-31T12:00:00.000Z',
    ]);
    expect(await digestAfter(newYork.id, '2026-10-31T15:00:00Z')).toEqual([
      '2026-11-01T13:00:00.000Z',
    ]);
    expect(await digestAfter(moscow.id, '2026-03-07T15:00:00Z')).toEqual([
      '2026-03-08T05:00:00.000Z',
    ]);
    expect(await digestAfter(moscow.id, '2026-10-31T15:00:00Z')).toEqual([
      '2026-11-01T05:00:00.000Z',
    ]);
  });

  /** The next local dates (after a few days) on which New York springs forward and falls back. */
  function upcomingChanges(): { spring: DateTime; fall: DateTime } {
    let day = DateTime.now().setZone('America/New_York').startOf('day').plus({ days: 3 });
    let spring: DateTime | undefined;
    let fall: DateTime | undefined;
    for (let i = 0; i < 800 && !(spring && fall); i += 1, day = day.plus({ days: 1 })) {
      const before = day.minus({ days: 1 }).set({ hour: 12 }).offset;
      const after = day.set({ hour: 12 }).offset;
      if (after > before) spring ??= day;
      if (after < before) fall ??= day;
    }
    if (!spring || !fall) throw new Error('no DST change found in New York');
    return { spring, fall };
  }

  it('queues the digest at 08:00 local around the next real changes (syncUser, real queue)', async () => {
    const user = await buildUser(app, { timezone: 'America/New_York', language: 'EN' });
    const moscow = await buildUser(app, { timezone: 'Europe/Moscow' });
    const { reminderScheduler } = app.deps.services;
    const { spring, fall } = upcomingChanges();
    const digestAfter = async (target: TestUser, localMorning: DateTime) => {
      await reminderScheduler.syncUser(target.id, localMorning.set({ hour: 10 }).toJSDate());
      const jobs = await dailyJobsOf('morning-digest', target);
      expect(jobs).toHaveLength(1);
      return jobs[0].nextRunAt;
    };
    const utc = (day: DateTime, time: string) => `${day.toISODate()}T${time}:00.000Z`;
    // 08:00 EST is 13:00 UTC, 08:00 EDT is 12:00 UTC.
    expect(await digestAfter(user, spring.minus({ days: 2 }))).toBe(
      utc(spring.minus({ days: 1 }), '13:00'),
    );
    expect(await digestAfter(user, spring.minus({ days: 1 }))).toBe(utc(spring, '12:00'));
    expect(await digestAfter(user, fall.minus({ days: 2 }))).toBe(
      utc(fall.minus({ days: 1 }), '12:00'),
    );
    expect(await digestAfter(user, fall.minus({ days: 1 }))).toBe(utc(fall, '13:00'));
    const moscowDay = spring.setZone('Europe/Moscow', { keepLocalTime: true });
    expect(await digestAfter(moscow, moscowDay.minus({ days: 1 }))).toBe(utc(moscowDay, '05:00'));
    // The other daily jobs follow their own local times.
    const deadline = await dailyJobsOf('deadline-check', user);
    expect(deadline.map((job) => job.nextRunAt)).toEqual([utc(fall, '14:00')]);
  });
});
