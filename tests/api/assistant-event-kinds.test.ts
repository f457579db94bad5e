import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { seedEvent, seedUser } from '../support/factories.js';
import { assistantChat } from '../support/assistant-chat.js';

const MOSCOW = 'Europe/Moscow';
/** The day after tomorrow, 10:00 in Moscow. */
const START = DateTime.now().setZone(MOSCOW).startOf('day').plus({ days: 2, hours: 10 });

const chat = assistantChat();
const { send } = chat;

async function startOf(id: string) {
  const [row] = await chat
    .app()
    .db.query<{ starts_at: Date }[]>('SELECT starts_at FROM events WHERE id = $1', [id]);
  return DateTime.fromJSDate(row!.starts_at).setZone(MOSCOW).toFormat('yyyy-MM-dd HH:mm');
}

const at = (time: DateTime) => time.toFormat('yyyy-MM-dd HH:mm');

describe('an event named by its kind or by who comes', () => {
  it('"передвинь врача" finds «Кардиолог в поликлинике»; "в тот же день" keeps the day', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    const id = await seedEvent(chat.app(), user, {
      title: 'Кардиолог в поликлинике',
      start: START.toISO()!,
      durationMinutes: 30,
    });
    await send(user, 'передвинь врача');
    await send(user, 'на 11:00 в тот же день');
    expect(await startOf(id)).toBe(at(START.set({ hour: 11 })));
  });

  it('"inspector\'s coming an hour later" finds «Health inspection»', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    const id = await seedEvent(chat.app(), user, {
      title: 'Health inspection',
      start: START.toISO()!,
      durationMinutes: 60,
    });
    await send(user, "inspector's coming an hour later");
    expect(await startOf(id)).toBe(at(START.plus({ hours: 1 })));
  });
});
