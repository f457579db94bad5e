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

  it('"сегодня решил задачку на литкоде" checks in the habit, not a step of 50 such tasks', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await seedHabit(chat.app(), user, { title: 'Литкод', startedOn: STARTED });
    await seedGoal(chat.app(), user, {
      title: 'Пройти собеседование',
      steps: ['Прорешать 50 задач на литкоде'],
    });
    expect((await send(user, 'сегодня решил задачку на литкоде')).intent).toBe('habit_check_in');
    const [step] = await chat
      .app()
      .db.query<{ status: string }[]>(
        `SELECT s.status FROM steps s JOIN goals g ON g.id = s.goal_id WHERE g.user_id = $1`,
        [user.id],
      );
    expect(step!.status).toBe('pending');
  });
});
