import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { seedGoal, seedHabit, seedUser } from '../support/factories.js';
import { assistantChat } from '../support/assistant-chat.js';

const MOSCOW = 'Europe/Moscow';
const TODAY = DateTime.now().setZone(MOSCOW).startOf('day');
const STARTED = TODAY.minus({ days: 30 }).toISODate()!;

const chat = assistantChat();
const { send } = chat;

describe('a step or a habit told apart in a dialog', () => {
  it('"mark a step done" asks which step even when there are habits', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await seedHabit(chat.app(), user, { title: 'Morning walk', startedOn: STARTED });
    await seedGoal(chat.app(), user, {
      title: 'Get a dog title',
      steps: ['Pass the practice test'],
    });
    const reply = await send(user, 'mark a step done');
    expect(reply.intent).toBe('step_status');
    expect(reply.question).toBeTruthy();
  });

  it('"checked my bp this morning" checks in the blood pressure habit, not the morning one', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    for (const title of ['Morning walk', 'Blood pressure check']) {
      await seedHabit(chat.app(), user, { title, startedOn: STARTED });
    }
    await send(user, 'checked my bp this morning 128/80');
    const rows = await chat
      .app()
      .db.query<{ title: string }[]>(
        `SELECT h.title FROM habit_check_ins c JOIN habits h ON h.id = c.habit_id WHERE h.user_id = $1`,
        [user.id],
      );
    expect(rows).toEqual([{ title: 'Blood pressure check' }]);
  });
});
