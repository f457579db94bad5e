import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { seedEvent, seedUser } from '../support/factories.js';
import { assistantChat } from '../support/assistant-chat.js';

const MOSCOW = 'Europe/Moscow';
/** The day after tomorrow, 19:30 in Moscow: a time the changes below keep in the future. */
const START = DateTime.now().setZone(MOSCOW).startOf('day').plus({ days: 2, hours: 19.5 });

const chat = assistantChat();
const { send } = chat;

async function eventOf(id: string) {
  const [row] = await chat
    .app()
    .db.query<{ title: string; starts_at: Date; duration_minutes: number }[]>(
      'SELECT title, starts_at, duration_minutes FROM events WHERE id = $1',
      [id],
    );
  return {
    title: row!.title,
    start: DateTime.fromJSDate(row!.starts_at).setZone(MOSCOW).toFormat('yyyy-MM-dd HH:mm'),
    minutes: row!.duration_minutes,
  };
}

async function dinner(language: 'RU' | 'EN') {
  const user = await seedUser(chat.app(), { timezone: MOSCOW, language });
  const id = await seedEvent(chat.app(), user, {
    title: language === 'RU' ? 'Ужин с Лешей' : 'Dinner with Alex',
    start: START.toISO()!,
    durationMinutes: 90,
  });
  return { user, id };
}

const at = (time: DateTime) => time.toFormat('yyyy-MM-dd HH:mm');

describe('an event changed by an amount, an end or a name keeps everything else', () => {
  it('"на 45 минут дольше" adds to the duration; "на час короче" takes from it', async () => {
    const { user, id } = await dinner('RU');
    await send(user, 'ужин с лешей сделай на 45 минут дольше');
    expect(await eventOf(id)).toEqual({ title: 'Ужин с Лешей', start: at(START), minutes: 135 });
    await send(user, 'ужин на час короче');
    expect((await eventOf(id)).minutes).toBe(75);
  });

  it('"продли до 23" sets the end on the event\'s day', async () => {
    const { user, id } = await dinner('RU');
    await send(user, 'ужин с лешей продли до 23');
    expect(await eventOf(id)).toMatchObject({ start: at(START), minutes: 210 });
  });

  it('"rename … to …" changes only the title', async () => {
    const { user, id } = await dinner('EN');
    const reply = await send(user, 'rename dinner with alex to dinner at nobu');
    expect(reply.actions).toEqual([expect.objectContaining({ kind: 'event_updated' })]);
    expect(await eventOf(id)).toEqual({ title: 'Dinner at nobu', start: at(START), minutes: 90 });
  });

  it('"pushed a week" moves it by a week; a bare new hour stays in the evening', async () => {
    const { user, id } = await dinner('EN');
    await send(user, 'the dinner with alex got pushed a week');
    expect((await eventOf(id)).start).toBe(at(START.plus({ weeks: 1 })));
    await send(user, 'dinner with alex starts at 8 now');
    expect((await eventOf(id)).start).toBe(
      at(START.plus({ weeks: 1 }).set({ hour: 20, minute: 0 })),
    );
  });
});

describe('changes said in everyday words, through the real database', () => {
  it('"груминг бублика на 13:30" moves the one upcoming event of that name', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    const id = await seedEvent(chat.app(), user, {
      title: 'Груминг Бублика',
      start: START.toISO()!,
      durationMinutes: 90,
    });
    const reply = await send(user, 'груминг бублика на 13:30');
    expect(reply.actions).toEqual([expect.objectContaining({ kind: 'event_updated' })]);
    expect(await eventOf(id)).toMatchObject({
      start: at(START.set({ hour: 13, minute: 30 })),
      minutes: 90,
    });
  });

  it('"OB moved to 11:15" finds «OB checkup» by its abbreviation', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    const id = await seedEvent(chat.app(), user, {
      title: 'OB checkup',
      start: START.set({ hour: 9, minute: 45 }).toISO()!,
      durationMinutes: 30,
    });
    await send(user, 'OB moved to 11:15');
    expect((await eventOf(id)).start).toBe(at(START.set({ hour: 11, minute: 15 })));
  });

  it('"пусть встреча будет до пяти" of a meeting at 15:00 ends it at 17:00', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    const start = START.set({ hour: 15, minute: 0 });
    const id = await seedEvent(chat.app(), user, {
      title: 'Встреча с юристом',
      start: start.toISO()!,
      durationMinutes: 60,
    });
    await send(user, 'с юристом засидимся, пусть встреча будет до пяти');
    expect(await eventOf(id)).toMatchObject({ start: at(start), minutes: 120 });
  });

  it('"which one?" answered by day and time deletes that one', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    const first = await seedEvent(chat.app(), user, {
      title: 'Встреча с юристом',
      start: START.set({ hour: 15, minute: 0 }).toISO()!,
    });
    const second = await seedEvent(chat.app(), user, {
      title: 'Встреча с врачом',
      start: START.plus({ days: 1 }).set({ hour: 11, minute: 0 }).toISO()!,
    });
    const asked = await send(user, 'встречу убрать надо');
    expect(asked.question).toBeTruthy();
    const weekday = [
      '',
      'в понедельник',
      'во вторник',
      'в среду',
      'в четверг',
      'в пятницу',
      'в субботу',
      'в воскресенье',
    ][START.weekday];
    await send(user, `которая ${weekday} в три`);
    const left = await chat
      .app()
      .db.query<{ id: string }[]>('SELECT id FROM events WHERE user_id = $1', [user.id]);
    expect(left.map((row) => row.id)).toEqual([second]);
    expect(left.map((row) => row.id)).not.toContain(first);
  });

  it('"стоп, сначала покажи …" instead of an answer lists that day and writes nothing', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await send(user, 'надо записаться на маникюр');
    const listed = await send(user, 'стоп, сначала покажи завтра, что там уже есть');
    expect(listed.intent).toBe('event_search');
    const events = await chat
      .app()
      .db.query<{ id: string }[]>('SELECT id FROM events WHERE user_id = $1', [user.id]);
    expect(events).toEqual([]);
  });
});
