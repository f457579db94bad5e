import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { EventDocument, SendMessageDocument } from '../gql/graphql.js';
import { seedEvent, seedUser, type TestUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MOSCOW = 'Europe/Moscow';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

async function send(user: TestUser, text: string) {
  return (await executeOperationOk(app, SendMessageDocument, { text }, user)).sendMessage;
}

async function eventOf(user: TestUser, id: string | null | undefined) {
  return (await executeOperationOk(app, EventDocument, { id: id ?? '' }, user)).event;
}

/** Local HH:mm of an instant in Moscow. */
const moscowTime = (instant: string | number | Date) =>
  DateTime.fromJSDate(new Date(instant), { zone: MOSCOW }).toFormat('HH:mm');

describe('"remind me" through the assistant', () => {
  it('reminds at the time said, not 15 minutes early, and says so (RU)', async () => {
    const user = await seedUser(app, { timezone: MOSCOW });
    const before = Date.now();
    const reply = await send(user, 'напомни через 2 часа позвонить маме');
    const event = await eventOf(user, reply.actions[0]?.entityId);
    expect(event).toMatchObject({ title: 'Позвонить маме', reminderMinutesBefore: [0] });
    const start = Date.parse(event!.startsAt);
    expect(start - before).toBeGreaterThanOrEqual(2 * 3600_000 - 60_000);
    expect(start - before).toBeLessThan(2 * 3600_000 + 60_000);
    expect(reply.text).toMatch(
      new RegExp(`^⏰ Напомню (сегодня|завтра) в ${moscowTime(start)}: Позвонить маме$`),
    );
  });

  it('does the same in English', async () => {
    const user = await seedUser(app, { timezone: MOSCOW, language: 'EN' });
    const reply = await send(user, 'remind me in 30 minutes to take the pills');
    const event = await eventOf(user, reply.actions[0]?.entityId);
    expect(event).toMatchObject({ title: 'Take the pills', reminderMinutesBefore: [0] });
    expect(reply.text).toMatch(
      new RegExp(
        `^⏰ I'll remind you (today|tomorrow) at ${moscowTime(event!.startsAt)}: Take the pills$`,
      ),
    );
  });

  it('reminds at the start of an event 3 minutes away, and says so', async () => {
    const user = await seedUser(app, { timezone: MOSCOW });
    const reply = await send(user, 'созвон с командой через 3 минуты');
    const event = await eventOf(user, reply.actions[0]?.entityId);
    expect(event?.reminderMinutesBefore).toEqual([0]);
    expect(reply.text).toMatch(
      /^✅ Добавил: «Созвон с командой» — .+\n🔔 Напомню в момент начала$/,
    );
  });

  it('says the default reminder of an ordinary event, and "none" when asked for none', async () => {
    const user = await seedUser(app, { timezone: MOSCOW });
    const usual = await send(user, 'встреча с Олей завтра в 15:00');
    expect(usual.text).toMatch(/\n🔔 Напомню за 15 мин$/);
    const quiet = await send(user, 'обед с Петей завтра в 13 без напоминания');
    expect(quiet.text).toMatch(/\n🔕 Без напоминания$/);
    expect((await eventOf(user, quiet.actions[0]?.entityId))?.reminderMinutesBefore).toEqual([]);
  });

  it('changes the reminders of an existing event by text', async () => {
    const user = await seedUser(app, { timezone: MOSCOW });
    const id = await seedEvent(app, user, {
      title: 'Стоматолог',
      start: new Date(Date.now() + 3 * 86400_000).toISOString(),
    });
    const reply = await send(user, 'напомни за день до стоматолога');
    expect(reply.text).toBe('🔔 «Стоматолог»: напомню за день');
    expect((await eventOf(user, id))?.reminderMinutesBefore).toEqual([1440]);
    const english = await send(user, 'remind me an hour before the dentist');
    expect(english.actions).toEqual([]);
    const both = await send(user, 'напомни за день и за 2 часа до стоматолога');
    expect(both.text).toBe('🔔 «Стоматолог»: напомню за день и за 2 ч');
    expect((await eventOf(user, id))?.reminderMinutesBefore).toEqual([120, 1440]);
  });
});
