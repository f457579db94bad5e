import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateEventDocument,
  DeleteEventDocument,
  DeleteGoalDocument,
  EventDocument,
  MoreCEventsBetweenDocument,
  UpdateEventDocument,
  type CreateEventInput,
  type UpdateEventInput,
} from '../gql/graphql.js';
import { seedGoal, seedUser, type TestUser } from '../support/factories.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const START = '2026-05-10T10:00:00+03:00';
const YEAR_2026 = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
const NO_LINKS = { goalId: null, stepId: null, goal: null, step: null };

const createEvent = async (user: TestUser, input: CreateEventInput) =>
  (await executeOperationOk(app, CreateEventDocument, { input }, user)).createEvent;
const attemptCreate = (user: TestUser, input: CreateEventInput) =>
  executeOperation(app, CreateEventDocument, { input }, user);
const updateEvent = (user: TestUser, id: string, input: UpdateEventInput) =>
  executeOperation(app, UpdateEventDocument, { id, input }, user);
const readEvent = (user: TestUser, id: string) =>
  executeOperation(app, EventDocument, { id }, user);
const deleteEvent = (user: TestUser, id: string) =>
  executeOperation(app, DeleteEventDocument, { id }, user);
const range = (user: TestUser, from: string, to: string) =>
  executeOperation(app, MoreCEventsBetweenDocument, { from, to }, user);

/** Titles of the user's occurrences in 2026, to check what was (not) written. */
async function titlesIn2026(user: TestUser): Promise<string[]> {
  const data = await executeOperationOk(app, MoreCEventsBetweenDocument, YEAR_2026, user);
  return data.events.map((occurrence) => occurrence.event.title);
}

describe('events', () => {
  it('creates an event with defaults and with all fields, reads, updates, deletes it', async () => {
    const user = await seedUser(app, { timezone: 'Asia/Tokyo' });
    const dentist = { title: ' Dentist ', start: '2026-05-10T09:00:00+09:00' };
    const plain = await createEvent(user, dentist);
    expect(plain).toMatchObject({
      title: 'Dentist',
      startsAt: '2026-05-10T00:00:00.000Z',
      timezone: 'Asia/Tokyo',
      allDay: false,
      durationMinutes: 60,
      recurrence: null,
      notes: null,
      kind: 'USER',
      goalId: null,
      stepId: null,
      reminderMinutesBefore: [15],
      reminderEnabled: true,
    });

    const fields = { timezone: 'Europe/Berlin', durationMinutes: 90, notes: 'Bring the book' };
    const event = await createEvent(user, {
      ...fields,
      title: 'Spanish class',
      start: '2026-05-11T18:30:00+02:00',
      recurrence: 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE',
      kind: 'STEP',
      reminderMinutesBefore: [60, 10, 60, 0],
      reminderEnabled: false,
    });
    expect(event).toMatchObject({
      ...fields,
      startsAt: '2026-05-11T16:30:00.000Z',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE',
      kind: 'STEP',
      reminderMinutesBefore: [0, 10, 60],
      reminderEnabled: false,
    });
    expect((await readEvent(user, event.id)).data?.event).toEqual({ ...event, ...NO_LINKS });

    const edit = { title: 'Spanish B1', notes: null, recurrence: null };
    const updated = await updateEvent(user, event.id, { ...edit, reminderMinutesBefore: [30, 5] });
    expect(updated.data?.updateEvent).toEqual({
      ...event,
      ...edit,
      reminderMinutesBefore: [5, 30],
    });
    const move = { start: '2026-06-01T07:00:00Z', timezone: 'America/New_York' };
    const moved = await updateEvent(user, event.id, move);
    expect(moved.data?.updateEvent).toMatchObject({
      startsAt: '2026-06-01T07:00:00.000Z',
      timezone: 'America/New_York',
      durationMinutes: 90,
      reminderEnabled: false,
    });

    const stranger = await seedUser(app);
    expect(errorCode(await readEvent(stranger, event.id))).toBe('NOT_FOUND');
    expect(errorCode(await updateEvent(stranger, event.id, { title: 'Mine' }))).toBe('NOT_FOUND');
    expect(errorCode(await deleteEvent(stranger, event.id))).toBe('NOT_FOUND');
    expect((await readEvent(user, event.id)).data?.event.title).toBe('Spanish B1');

    expect((await deleteEvent(user, event.id)).data?.deleteEvent).toBe(event.id);
    expect(errorCode(await readEvent(user, event.id))).toBe('NOT_FOUND');
    expect(errorCode(await deleteEvent(user, event.id))).toBe('NOT_FOUND');
    expect(await titlesIn2026(user)).toEqual(['Dentist']);
  });

  it('starts all-day events at local midnight of their timezone, lasting a day', async () => {
    const user = await seedUser(app, { timezone: 'Europe/Moscow' });
    const span = (event: any) =>
      `${event.allDay ? 'all day' : 'timed'} ${event.startsAt} +${event.durationMinutes}m`;
    // 01:30 on March 11 in Moscow: the day starts at 21:00Z on March 10
    const birthday = { title: 'Birthday', start: '2026-03-10T22:30:00Z', allDay: true };
    expect(span(await createEvent(user, birthday))).toBe('all day 2026-03-10T21:00:00.000Z +1440m');
    // 23:00 on March 9 in New York, already on daylight time (UTC-4); the given duration is kept
    const trip = { title: 'Trip', start: '2026-03-10T03:00:00Z', timezone: 'America/New_York' };
    const longTrip = await createEvent(user, { ...trip, allDay: true, durationMinutes: 2880 });
    expect(span(longTrip)).toBe('all day 2026-03-09T04:00:00.000Z +2880m');

    const talk = await createEvent(user, { title: 'Talk', start: '2026-04-02T15:45:00+03:00' });
    expect(span(talk)).toBe('timed 2026-04-02T12:45:00.000Z +60m');
    const updated = await updateEvent(user, talk.id, { allDay: true });
    expect(span(updated.data?.updateEvent)).toBe('all day 2026-04-01T21:00:00.000Z +1440m');
  });

  it('links events to the user’s own goal or step only, writing nothing otherwise', async () => {
    const user = await seedUser(app);
    const goal = await seedGoal(app, user, { steps: ['Buy shoes', 'Run 5 km'] });
    const reading = await seedGoal(app, user, { title: 'Read more' });
    const foreign = await seedGoal(app, await seedUser(app), { steps: ['Not yours'] });

    const stepId = goal.steps[1]?.id;
    const run = await createEvent(user, { title: 'Run', start: START, stepId });
    expect(run).toMatchObject({ goalId: goal.id, stepId });
    expect((await readEvent(user, run.id)).data?.event).toMatchObject({
      goal: { id: goal.id },
      step: { id: stepId, title: 'Run 5 km' },
    });
    const book = { title: 'Book', start: '2026-05-11T10:00:00+03:00', goalId: reading.id };
    expect(await createEvent(user, book)).toMatchObject({ goalId: reading.id, stepId: null });

    for (const link of [{ goalId: foreign.id }, { stepId: foreign.steps[0]?.id }]) {
      const created = await attemptCreate(user, { title: 'Nope', start: START, ...link });
      expect({ link, code: errorCode(created) }).toEqual({ link, code: 'NOT_FOUND' });
      const updated = await updateEvent(user, run.id, { title: 'Changed', ...link });
      expect({ link, code: errorCode(updated) }).toEqual({ link, code: 'NOT_FOUND' });
    }
    expect(await titlesIn2026(user)).toEqual(['Run', 'Book']);
    expect((await readEvent(user, run.id)).data?.event).toMatchObject({ title: 'Run', stepId });

    const moved = await updateEvent(user, run.id, { goalId: reading.id });
    expect(moved.data?.updateEvent).toMatchObject({ goalId: reading.id, stepId: null });

    const unlinked = await updateEvent(user, run.id, { goalId: null, stepId: null });
    expect(unlinked.data?.updateEvent).toMatchObject({ goalId: null, stepId: null });
  });

  it('rejects bad input with BAD_USER_INPUT and writes nothing', async () => {
    const user = await seedUser(app);
    const cases: Partial<CreateEventInput>[] = [
      { recurrence: 'garbage' },
      { recurrence: 'FREQ=SECONDLY' },
      { recurrence: 'FREQ=WEEKLY;BYDAY=XX' },
      { recurrence: 'FREQ=DAILY;DTSTART=20260510T070000Z' },
      { recurrence: 'DTSTART:20260510T070000Z\nRRULE:FREQ=DAILY' },
      { recurrence: 'FREQ=DAILY;INTERVAL=-1' },
      { timezone: 'Mars/Olympus_Mons' },
      { durationMinutes: 0 },
      { title: '' },
      { title: '   ' },
    ];
    for (const fields of cases) {
      const result = await attemptCreate(user, { title: 'Bad', start: START, ...fields });
      expect({ fields, code: errorCode(result) }).toEqual({ fields, code: 'BAD_USER_INPUT' });
    }
    expect(await titlesIn2026(user)).toEqual([]);

    const kept = await createEvent(user, {
      title: 'Daily',
      start: START,
      recurrence: 'FREQ=DAILY',
    });
    for (const fields of cases) {
      const result = await updateEvent(user, kept.id, fields);
      expect({ fields, code: errorCode(result) }).toEqual({ fields, code: 'BAD_USER_INPUT' });
    }
    expect((await readEvent(user, kept.id)).data?.event).toEqual({ ...kept, ...NO_LINKS });

    const badRanges = [
      ['2026-05-10T00:00:00Z', '2026-05-10T00:00:00Z'],
      ['2026-05-10T00:00:00Z', '2026-05-09T00:00:00Z'],
      ['2026-01-01T00:00:00Z', '2027-02-05T00:00:01Z'], // 400 days and a second
    ];
    for (const [from = '', to = ''] of badRanges) {
      const code = errorCode(await range(user, from, to));
      expect({ from, to, code }).toEqual({ from, to, code: 'BAD_USER_INPUT' });
    }
    // exactly 400 days is allowed: the daily event runs May 10, 2026 … February 4, 2027
    const longest = await range(user, '2026-01-01T00:00:00Z', '2027-02-05T00:00:00Z');
    expect(longest.data?.events).toHaveLength(271);
  });

  it('lists occurrences overlapping [from, to) by start, startLocal in the user zone', async () => {
    const user = await seedUser(app, { timezone: 'Asia/Tokyo' });
    await createEvent(await seedUser(app), { title: 'Not mine', start: '2026-05-10T05:00:00Z' });
    await createEvent(user, { title: 'Ended at from', start: '2026-05-09T23:00:00Z' });
    await createEvent(user, { title: 'Later', start: '2026-05-10T12:00:00Z', durationMinutes: 30 });
    await createEvent(user, { title: 'Still running', start: '2026-05-09T23:30:00Z' });
    await createEvent(user, { title: 'Starts at to', start: '2026-05-11T00:00:00Z' });
    const standup = { title: 'Standup', start: '2026-05-01T09:00:00+03:00', durationMinutes: 15 };
    await createEvent(user, { ...standup, timezone: 'Europe/Moscow', recurrence: 'FREQ=DAILY' });
    await createEvent(user, { title: 'Early', start: '2026-05-10T03:00:00Z' });

    const result = await range(user, '2026-05-10T00:00:00Z', '2026-05-11T00:00:00Z');
    const events = result.data?.events ?? [];
    expect(events.map((o) => `${o.event.title}: ${o.start} – ${o.end}`)).toEqual([
      'Still running: 2026-05-09T23:30:00.000Z – 2026-05-10T00:30:00.000Z',
      'Early: 2026-05-10T03:00:00.000Z – 2026-05-10T04:00:00.000Z',
      'Standup: 2026-05-10T06:00:00.000Z – 2026-05-10T06:15:00.000Z',
      'Later: 2026-05-10T12:00:00.000Z – 2026-05-10T12:30:00.000Z',
    ]);
    expect(events.map((o) => o.startLocal)).toEqual([
      '2026-05-10T08:30:00.000+09:00',
      '2026-05-10T12:00:00.000+09:00',
      '2026-05-10T15:00:00.000+09:00',
      '2026-05-10T21:00:00.000+09:00',
    ]);
  });

  it('deleteGoal removes its STEP and DEADLINE events, keeps USER ones unlinked', async () => {
    const user = await seedUser(app);
    const goal = await seedGoal(app, user, { steps: ['Find a coach'] });
    const otherGoal = await seedGoal(app, user, { title: 'Other goal' });
    const stepId = goal.steps[0]?.id;
    const at = { start: START };
    const planned = await createEvent(user, { ...at, title: 'Slot', kind: 'STEP', stepId });
    const due = await createEvent(user, { ...at, title: 'Due', kind: 'DEADLINE', goalId: goal.id });
    const session = await createEvent(user, { ...at, title: 'Session', goalId: goal.id });
    const call = await createEvent(user, { ...at, title: 'Coach call', stepId });
    const other = { ...at, title: 'Other', kind: 'DEADLINE' as const, goalId: otherGoal.id };
    const elsewhere = await createEvent(user, other);

    await executeOperationOk(app, DeleteGoalDocument, { id: goal.id }, user);

    expect(errorCode(await readEvent(user, planned.id))).toBe('NOT_FOUND');
    expect(errorCode(await readEvent(user, due.id))).toBe('NOT_FOUND');
    for (const kept of [session, call]) {
      expect((await readEvent(user, kept.id)).data?.event).toEqual({ ...kept, ...NO_LINKS });
    }
    expect((await readEvent(user, elsewhere.id)).data?.event).toMatchObject({
      kind: 'DEADLINE',
      goal: { id: otherGoal.id },
    });
  });
});
