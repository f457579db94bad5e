import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import {
  ArchiveHabitDocument,
  CheckInDocument,
  CreateHabitDocument,
  DeleteHabitDocument,
  HabitDocument,
  HabitProgressDocument,
  HabitsDocument,
  PauseHabitDocument,
  ResumeHabitDocument,
  SetVacationDocument,
  TodayDocument,
  UndoCheckInDocument,
  UpdateHabitDocument,
  UpdateSettingsDocument,
  type CreateHabitInput,
} from '../gql/graphql.js';
import { CheckInStatus, HabitScheduleKind, HabitStatus, User } from '../../src/entities/index.js';
import { addDays, habitDayOf, isoWeekday } from '../../src/services/habits/local-date.js';
import { seedEvent, seedGoal, seedHabit, seedUser, type TestUser } from '../support/factories.js';
import {
  errorCode,
  executeOperation,
  executeOperationOk,
  subscribeTo,
  wsClient,
} from '../support/graphql-client.js';
import { untilLive } from '../support/subscriptions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TZ = 'Europe/Moscow';
let app: TestApp;
let alice: TestUser;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp();
  alice = await seedUser(app, { timezone: TZ });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => app.stop());

const todayOf = (timezone = TZ, dayStart = '00:00') => habitDayOf(new Date(), timezone, dayStart);
const daily = { kind: 'DAILY' as const };
const create = (user: TestUser, input: Partial<CreateHabitInput> = {}) =>
  executeOperation(
    app,
    CreateHabitDocument,
    { input: { title: 'Stretch', schedule: daily, ...input } },
    user,
  );
const createOk = async (user: TestUser, input: Partial<CreateHabitInput> = {}) =>
  (
    await executeOperationOk(
      app,
      CreateHabitDocument,
      { input: { title: 'Stretch', schedule: daily, ...input } },
      user,
    )
  ).createHabit;
const checkIn = (user: TestUser, habitId: string, input = {}) =>
  executeOperation(app, CheckInDocument, { habitId, input }, user);
const checkInOk = async (user: TestUser, habitId: string, input = {}) =>
  (await executeOperationOk(app, CheckInDocument, { habitId, input }, user)).checkIn;
const habitOf = async (
  user: TestUser,
  id: string,
  from = addDays(todayOf(), -10),
  to = todayOf(),
) => (await executeOperationOk(app, HabitDocument, { id, from, to }, user)).habit;
const userRow = (user: TestUser) => app.db.getRepository(User).findOneByOrFail({ id: user.id });
const messageOf = (result: { errors?: readonly { message: string }[] }) =>
  result.errors?.[0]?.message;

describe('habit CRUD', () => {
  it('creates, reads, lists with filters, updates, pauses, resumes, archives and deletes', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const goal = await seedGoal(app, user, { title: 'Be fit' });
    const habit = await createOk(user, {
      title: '  Push-ups ',
      goalId: goal.id,
      schedule: { kind: 'WEEKDAYS', weekdays: [5, 1, 3, 3] },
      reminderTimes: ['20:00', '08:00', '20:00'],
      target: 21,
    });
    expect(habit).toMatchObject({
      title: 'Push-ups',
      goalId: goal.id,
      status: 'ACTIVE',
      startedOn: todayOf(),
      target: 21,
      reminderTimes: ['08:00', '20:00'],
      currentStreak: 0,
      doneCount: 0,
      schedule: { kind: 'WEEKDAYS', weekdays: [1, 3, 5], count: null },
    });
    const other = await createOk(user, {
      title: 'Read',
      schedule: { kind: 'TIMES_PER_WEEK', count: 3, weekdays: [2] },
    });
    expect(other.schedule).toEqual({ kind: 'TIMES_PER_WEEK', weekdays: [], count: 3 });

    const all = await executeOperationOk(app, HabitsDocument, { limit: 1 }, user);
    expect(all.habits).toEqual({
      items: [{ id: other.id, title: 'Read', status: 'ACTIVE' }],
      hasMore: true,
      nextOffset: 1,
      totalCount: 2,
    });
    const forGoal = await executeOperationOk(app, HabitsDocument, { goalId: goal.id }, user);
    expect(forGoal.habits.items.map((h) => h.id)).toEqual([habit.id]);

    const updated = await executeOperationOk(
      app,
      UpdateHabitDocument,
      {
        id: habit.id,
        input: {
          title: 'Push-ups ×20',
          goalId: null,
          schedule: { kind: 'EVERY_N_DAYS', count: 2 },
        },
      },
      user,
    );
    expect(updated.updateHabit).toMatchObject({
      title: 'Push-ups ×20',
      goalId: null,
      schedule: { kind: 'EVERY_N_DAYS', weekdays: [], count: 2 },
    });

    const paused = await executeOperationOk(app, PauseHabitDocument, { id: habit.id }, user);
    expect(paused.pauseHabit.status).toBe('PAUSED');
    const pausedList = await executeOperationOk(app, HabitsDocument, { status: 'PAUSED' }, user);
    expect(pausedList.habits.items.map((h) => h.id)).toEqual([habit.id]);
    expect(errorCode(await executeOperation(app, PauseHabitDocument, { id: habit.id }, user))).toBe(
      'BAD_USER_INPUT',
    );
    expect(messageOf(await checkIn(user, habit.id))).toBe('The habit is paused');
    const resumed = await executeOperationOk(app, ResumeHabitDocument, { id: habit.id }, user);
    expect(resumed.resumeHabit.status).toBe('ACTIVE');
    const archived = await executeOperationOk(app, ArchiveHabitDocument, { id: other.id }, user);
    expect(archived.archiveHabit.status).toBe('ARCHIVED');

    await checkInOk(user, habit.id);
    expect(
      (await executeOperationOk(app, DeleteHabitDocument, { id: habit.id }, user)).deleteHabit,
    ).toBe(habit.id);
    expect(
      errorCode(
        await executeOperation(
          app,
          HabitDocument,
          { id: habit.id, from: todayOf(), to: todayOf() },
          user,
        ),
      ),
    ).toBe('NOT_FOUND');
    const rows = await app.db.query(
      'SELECT count(*)::int AS n FROM habit_check_ins WHERE habit_id = $1',
      [habit.id],
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it.each([
    [{ title: '   ' }, 'title must not be blank'],
    [
      { schedule: { kind: 'WEEKDAYS' as const } },
      'A WEEKDAYS schedule needs weekdays, ISO 1 (Monday) … 7 (Sunday)',
    ],
    [
      { schedule: { kind: 'TIMES_PER_WEEK' as const, count: 8 } },
      'A TIMES_PER_WEEK schedule needs a count from 1 to 7',
    ],
    [
      { schedule: { kind: 'EVERY_N_DAYS' as const } },
      'A EVERY_N_DAYS schedule needs a count from 2 to 365',
    ],
    [{ target: 0 }, 'target must not be less than 1'],
    [
      { reminderTimes: ['07:00', '08:00', '09:00', '10:00', '11:00', '12:00'] },
      'reminderTimes must contain no more than 5 elements',
    ],
    [
      { startedOn: addDays(todayOf(), -2) },
      'A habit starts yesterday at the earliest: earlier days are final',
    ],
  ])('refuses %j with BAD_USER_INPUT: %s', async (input, message) => {
    const result = await create(alice, input);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toContain(message);
    expect(result.data).toBeNull();
  });

  it('refuses another user’s goal as NOT_FOUND', async () => {
    const bob = await seedUser(app);
    const bobGoal = await seedGoal(app, bob);
    expect(errorCode(await create(alice, { goalId: bobGoal.id }))).toBe('NOT_FOUND');
  });
});

describe('check-ins', () => {
  it('are idempotent per day: checking in twice keeps one check-in, the last one', async () => {
    const habit = await createOk(alice, { title: 'Meditate' });
    const first = await checkInOk(alice, habit.id, { value: 10, note: 'calm' });
    expect(first).toMatchObject({
      checkIn: { localDate: todayOf(), status: 'DONE', value: 10, note: 'calm', source: 'API' },
      habit: { currentStreak: 1, bestStreak: 1, doneCount: 1 },
      targetReached: false,
    });
    expect(first.habit.strength).toBeCloseTo(1 - Math.pow(0.5, 1 / 13), 10);
    const second = await checkInOk(alice, habit.id, { value: 15, source: 'BOT' });
    expect(second.checkIn).toMatchObject({ status: 'DONE', value: 15, note: null, source: 'BOT' });
    expect(second.habit).toMatchObject({ currentStreak: 1, doneCount: 1 });
    const rows = await app.db.query(
      'SELECT count(*)::int AS n FROM habit_check_ins WHERE habit_id = $1',
      [habit.id],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it.each([
    [{ date: addDays(todayOf(), 1) }, 'That day has not come yet'],
    [
      { date: addDays(todayOf(), -2) },
      'Only today and yesterday can be changed; earlier days are final',
    ],
    [{ date: addDays(todayOf(), -1) }, 'The habit had not started on that day'],
    [{ value: -1 }, 'value must not be less than 0'],
    [{ source: 'SYSTEM' }, 'source must be API, BOT or REMINDER'],
  ])('refuses %j with BAD_USER_INPUT: %s', async (input, message) => {
    const habit = await createOk(alice);
    const result = await checkIn(alice, habit.id, input);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toContain(message);
  });

  it('late check-off: yesterday counts as missed until checked off, then the streak is whole', async () => {
    const today = todayOf();
    const id = await seedHabit(app, alice, {
      startedOn: addDays(today, -3),
      checkIns: {
        [addDays(today, -3)]: CheckInStatus.DONE,
        [addDays(today, -2)]: CheckInStatus.DONE,
      },
    });
    const untouched = await checkInOk(alice, id, { status: 'SKIPPED' });
    expect(untouched.habit).toMatchObject({ currentStreak: 0, bestStreak: 2, doneCount: 2 });
    const late = await checkInOk(alice, id, { date: addDays(today, -1) });
    expect(late.checkIn.localDate).toBe(addDays(today, -1));
    expect(late.habit).toMatchObject({ currentStreak: 3, bestStreak: 3, doneCount: 3 });
    const habit = await habitOf(alice, id);
    expect(habit.checkIns.map((c) => [c.localDate, c.status])).toEqual([
      [addDays(today, -3), 'DONE'],
      [addDays(today, -2), 'DONE'],
      [addDays(today, -1), 'DONE'],
      [today, 'SKIPPED'],
    ]);
    expect(habit.completionRates).toEqual({ last7Days: 1, last30Days: 1, last90Days: 1 });
  });

  it('undo removes the check-in and restores the stats; undoing nothing is NOT_FOUND', async () => {
    const today = todayOf();
    const id = await seedHabit(app, alice, {
      startedOn: addDays(today, -1),
      checkIns: { [addDays(today, -1)]: CheckInStatus.DONE },
    });
    await checkInOk(alice, id);
    const undone = await executeOperationOk(app, UndoCheckInDocument, { habitId: id }, alice);
    expect(undone.undoCheckIn).toMatchObject({ currentStreak: 1, doneCount: 1 });
    expect(
      errorCode(await executeOperation(app, UndoCheckInDocument, { habitId: id }, alice)),
    ).toBe('NOT_FOUND');
    const yesterday = await executeOperationOk(
      app,
      UndoCheckInDocument,
      { habitId: id, date: addDays(today, -1) },
      alice,
    );
    expect(yesterday.undoCheckIn).toMatchObject({ currentStreak: 0, doneCount: 0, strength: 0 });
  });

  it('reaching the target completes the habit once; a higher target keeps it going', async () => {
    const today = todayOf();
    const id = await seedHabit(app, alice, {
      startedOn: addDays(today, -1),
      target: 2,
      checkIns: { [addDays(today, -1)]: CheckInStatus.DONE },
    });
    const done = await checkInOk(alice, id);
    expect(done.targetReached).toBe(true);
    expect(done.habit).toMatchObject({ status: 'COMPLETED', doneCount: 2 });
    expect(done.habit.completedAt).not.toBeNull();
    expect(messageOf(await checkIn(alice, id))).toBe(
      'The habit is completed; raise its target to go on',
    );
    const more = await executeOperationOk(
      app,
      UpdateHabitDocument,
      { id, input: { target: 30 } },
      alice,
    );
    expect(more.updateHabit).toMatchObject({ status: 'ACTIVE', target: 30, completedAt: null });
    expect((await checkInOk(alice, id, { value: 5 })).targetReached).toBe(false);
  });
});

describe('the end of a day: markMissedDays', () => {
  it('writes the missed days once (idempotent) and resets the streak', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const today = todayOf();
    const id = await seedHabit(app, user, {
      startedOn: addDays(today, -4),
      checkIns: {
        [addDays(today, -4)]: CheckInStatus.DONE,
        [addDays(today, -3)]: CheckInStatus.DONE,
      },
    });
    const monthlyId = await seedHabit(app, user, {
      startedOn: addDays(today, -4),
      schedule: { kind: HabitScheduleKind.TIMES_PER_MONTH, count: 1 },
    });
    const service = app.deps.services.habitCheckIns;
    const row = await userRow(user);
    expect(await service.markMissedDays(row, addDays(today, -1))).toBe(2);
    expect(await service.markMissedDays(row, addDays(today, -1))).toBe(0);
    const habit = await habitOf(user, id);
    expect(habit).toMatchObject({ currentStreak: 0, bestStreak: 2, doneCount: 2 });
    expect(habit.checkIns.filter((c) => c.status === 'MISSED')).toEqual([
      {
        localDate: addDays(today, -2),
        status: 'MISSED',
        value: null,
        note: null,
        source: 'SYSTEM',
      },
      {
        localDate: addDays(today, -1),
        status: 'MISSED',
        value: null,
        note: null,
        source: 'SYSTEM',
      },
    ]);
    // Once a month can still be reached (or was, before the month turned): nothing missed yet
    // unless the month ended in between.
    const monthly = await habitOf(user, monthlyId);
    const monthEnded = addDays(today, -4).slice(0, 7) !== today.slice(0, 7);
    expect(monthly.checkIns.length > 0).toBe(monthEnded);
    // Yesterday can still be checked off, replacing the missed row.
    const late = await checkInOk(user, id, { date: addDays(today, -1) });
    expect(late.habit).toMatchObject({ currentStreak: 1, doneCount: 3 });
  });

  it('takes as many SQL statements for 6 habits as for 1 (set-based), skipping vacations', async () => {
    const today = todayOf();
    const statementsFor = async (habits: number) => {
      const user = await seedUser(app, { timezone: TZ });
      const ids = [];
      for (let i = 0; i < habits; i += 1) {
        ids.push(await seedHabit(app, user, { startedOn: addDays(today, -5) }));
      }
      // Two days of vacation in the middle: neither missed nor counted.
      await app.db.query(
        `INSERT INTO vacations (user_id, from_date, to_date) VALUES ($1, $2, $3)`,
        [user.id, addDays(today, -4), addDays(today, -3)],
      );
      const row = await userRow(user);
      const before = app.sqlQueries();
      expect(await app.deps.services.habitCheckIns.markMissedDays(row, addDays(today, -2))).toBe(
        2 * habits,
      );
      const statements = app.sqlQueries() - before;
      const habit = await habitOf(user, ids.at(-1)!);
      expect(habit.checkIns.map((c) => c.localDate)).toEqual([
        addDays(today, -5),
        addDays(today, -2),
      ]);
      expect(habit).toMatchObject({ currentStreak: 0, doneCount: 0 });
      return statements;
    };
    const one = await statementsFor(1);
    expect(await statementsFor(6)).toBe(one);
    expect(one).toBeLessThanOrEqual(8);
  });

  it('ends the days of users due together in one batch, each by their own zone, day start, vacation and pause', async () => {
    const at = new Date();
    const service = app.deps.services.habitCheckIns;
    const missedOf = async (habitId: string) =>
      (
        (await app.db.query(
          `SELECT to_char(local_date, 'YYYY-MM-DD') AS d FROM habit_check_ins
            WHERE habit_id = $1 AND status = 'missed' ORDER BY local_date`,
          [habitId],
        )) as { d: string }[]
      ).map((row) => row.d);
    const withHabit = async (timezone: string, settings = {}, habit = {}) => {
      const user = await seedUser(app, { timezone, settings });
      const today = habitDayOf(
        at,
        timezone,
        (settings as { dayStart?: string }).dayStart ?? '00:00',
      );
      const habitId = await seedHabit(app, user, { startedOn: addDays(today, -5), ...habit });
      return { user, habitId, today };
    };
    const moscow = await withHabit(TZ);
    // Another zone whose day starts at 03:00: its own days, however far from Moscow's.
    const owl = await withHabit('America/Los_Angeles', { dayStart: '03:00' });
    const away = await withHabit(TZ);
    await app.db.query(`INSERT INTO vacations (user_id, from_date, to_date) VALUES ($1, $2, $3)`, [
      away.user.id,
      addDays(away.today, -4),
      addDays(away.today, -3),
    ]);
    const paused = await withHabit(TZ, {}, { status: HabitStatus.PAUSED });
    const gone = '00000000-0000-4000-8000-000000000000';

    const before = app.sqlQueries();
    const closed = await service.closeDays(
      [moscow, owl, away, paused, moscow]
        .map(({ user }) => ({ userId: user.id, at }))
        .concat({ userId: gone, at }),
    );
    const statements = app.sqlQueries() - before;
    expect(closed.map((user) => user?.id ?? null)).toEqual([
      moscow.user.id,
      owl.user.id,
      away.user.id,
      null, // no active habit: the chain ends
      moscow.user.id, // twice in a batch: one day end
      null, // deleted meanwhile
    ]);
    const days = (from: string, offsets: number[]) => offsets.map((n) => addDays(from, n));
    expect(await missedOf(moscow.habitId)).toEqual(days(moscow.today, [-5, -4, -3, -2]));
    expect(await missedOf(owl.habitId)).toEqual(days(owl.today, [-5, -4, -3, -2]));
    expect(await missedOf(away.habitId)).toEqual(days(away.today, [-5, -2]));
    expect(await missedOf(paused.habitId)).toEqual([]);
    expect((await habitOf(moscow.user, moscow.habitId)).currentStreak).toBe(0);

    // The same statements for one user as for the five: set-based across users too.
    const single = await withHabit(TZ);
    const one = app.sqlQueries();
    await service.closeDays([{ userId: single.user.id, at }]);
    expect(app.sqlQueries() - one).toBe(statements);
    // Nothing twice: a batch run again writes nothing.
    await service.closeDays([moscow, owl, away].map(({ user }) => ({ userId: user.id, at })));
    expect(await missedOf(moscow.habitId)).toHaveLength(4);
  });
});

describe('vacation and day start', () => {
  it('vacation days are not due and cannot be checked in; a bad range is BAD_USER_INPUT', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const habit = await createOk(user);
    const today = todayOf();
    const set = await executeOperationOk(
      app,
      SetVacationDocument,
      { from: today, to: addDays(today, 3) },
      user,
    );
    expect(set.setVacation).toMatchObject({ fromDate: today, toDate: addDays(today, 3) });
    expect((await executeOperationOk(app, TodayDocument, {}, user)).today.habits).toEqual([]);
    expect(messageOf(await checkIn(user, habit.id))).toBe('That day is a vacation day');
    const backwards = await executeOperation(
      app,
      SetVacationDocument,
      { from: today, to: addDays(today, -1) },
      user,
    );
    expect(messageOf(backwards)).toBe('"to" must not be before "from"');
    // A vacation from yesterday forgives yesterday: the streak is whole again, in the same write.
    const other = await seedUser(app, { timezone: TZ });
    const streaky = await seedHabit(app, other, {
      startedOn: addDays(today, -2),
      checkIns: { [addDays(today, -2)]: CheckInStatus.DONE },
    });
    const before = await executeOperationOk(
      app,
      UpdateHabitDocument,
      { id: streaky, input: {} },
      other,
    );
    expect(before.updateHabit).toMatchObject({ currentStreak: 0, bestStreak: 1 });
    await executeOperationOk(
      app,
      SetVacationDocument,
      { from: addDays(today, -1), to: today },
      other,
    );
    expect(await habitOf(other, streaky)).toMatchObject({ currentStreak: 1, doneCount: 1 });
    const past = await executeOperation(
      app,
      SetVacationDocument,
      { from: addDays(today, -5), to: today },
      user,
    );
    expect(messageOf(past)).toBe(
      'A vacation starts yesterday at the earliest: earlier days are final',
    );
  });

  it('a day start after the current local time files today under yesterday', async () => {
    // A fixed-offset zone where it is now between 01:00 and 09:59, so a day start two hours
    // later is still before noon, whatever time the test runs.
    const utcHour = new Date().getUTCHours();
    const offset = [...Array(24).keys()]
      .map((h) => h - 11)
      .find((h) => {
        const local = (((utcHour + h) % 24) + 24) % 24;
        return local >= 1 && local <= 9;
      })!;
    const zone = `Etc/GMT${offset >= 0 ? '-' : '+'}${Math.abs(offset)}`;
    const localHour = (((utcHour + offset) % 24) + 24) % 24;
    const dayStart = `${String(localHour + 2).padStart(2, '0')}:00`;
    const user = await seedUser(app, { timezone: zone });
    const changed = await executeOperationOk(
      app,
      UpdateSettingsDocument,
      { input: { dayStart } },
      user,
    );
    expect(changed.updateSettings.settings.dayStart).toBe(dayStart);
    const habit = await createOk(user);
    const calendarToday = habitDayOf(new Date(), zone, '00:00');
    expect(habit.startedOn).toBe(addDays(calendarToday, -1));
    const done = await checkInOk(user, habit.id);
    expect(done.checkIn.localDate).toBe(addDays(calendarToday, -1));
    const late = await executeOperation(
      app,
      UpdateSettingsDocument,
      { input: { dayStart: '13:00' } },
      user,
    );
    expect(messageOf(late)).toBe('dayStart must be between 00:00 and 12:00');
  });
});

describe('today', () => {
  it('lists habits due today with their check-in, steps planned today and events today', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const today = todayOf();
    const due = await createOk(user, { title: 'Walk' });
    const notToday = await createOk(user, {
      title: 'Swim',
      schedule: { kind: 'WEEKDAYS', weekdays: [(isoWeekday(today) % 7) + 1] },
    });
    await checkInOk(user, due.id);
    const goal = await seedGoal(app, user, { steps: ['Plan week', 'Later'] });
    const noon = `${today}T12:00:00+03:00`;
    await app.db.query('UPDATE steps SET planned_start = $1 WHERE id = $2', [
      noon,
      goal.steps[0].id,
    ]);
    await app.db.query('UPDATE steps SET planned_start = $1 WHERE id = $2', [
      `${addDays(today, 1)}T12:00:00+03:00`,
      goal.steps[1].id,
    ]);
    const eventId = await seedEvent(app, user, { title: 'Dentist', start: noon });
    await seedEvent(app, user, { title: 'Tomorrow', start: `${addDays(today, 1)}T12:00:00+03:00` });

    const view = (await executeOperationOk(app, TodayDocument, {}, user)).today;
    expect(view.date).toBe(today);
    expect(view.habits).toEqual([{ habit: { id: due.id, title: 'Walk' }, checkIn: 'DONE' }]);
    expect(view.habits.map((h) => h.habit.id)).not.toContain(notToday.id);
    expect(view.steps.map((s) => s.title)).toEqual(['Plan week']);
    expect(view.events.map((e) => e.event.id)).toEqual([eventId]);
  });
});

describe('habitProgress subscription', () => {
  it('tells the owner after each check-in, and nobody else', async () => {
    const bob = await seedUser(app, { timezone: TZ });
    const habit = await createOk(alice, { title: 'Journal' });
    const bobHabit = await createOk(bob, { title: 'Bob habit' });
    const aliceClient = wsClient(app.wsUrl, alice.credentials);
    const bobClient = wsClient(app.wsUrl, bob.credentials);
    clients.push(aliceClient, bobClient);
    const touch = (user: TestUser, id: string) =>
      executeOperationOk(app, UpdateHabitDocument, { id, input: {} }, user);
    const updates = subscribeTo(aliceClient, HabitProgressDocument, {});
    await untilLive(updates, () => touch(alice, habit.id));
    const bobUpdates = subscribeTo(bobClient, HabitProgressDocument, {});
    await untilLive(bobUpdates, () => touch(bob, bobHabit.id));
    // Drain what the triggers published, so what follows comes from the check-in.
    while (await updates.next(100));
    while (await bobUpdates.next(100));

    await checkInOk(alice, habit.id);
    expect((await updates.next())?.data?.habitProgress).toMatchObject({
      habitId: habit.id,
      date: todayOf(),
      status: 'ACTIVE',
      currentStreak: 1,
      doneCount: 1,
      targetReached: false,
    });
    expect(await bobUpdates.next(300)).toBeNull();
  });
});
