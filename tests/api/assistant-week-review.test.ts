import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { CheckInStatus, Step } from '../../src/entities/index.js';
import { seedGoal, seedHabit, seedUser } from '../support/factories.js';
import { assistantChat } from '../support/assistant-chat.js';

const ZONE = 'Asia/Tokyo';
const chat = assistantChat();
const { send } = chat;

describe('the assistant answers "how was my week?" with the weekly review', () => {
  it('sums up the week from real data, with the review’s buttons as actions', async () => {
    const user = await seedUser(chat.app(), { timezone: ZONE });
    const today = DateTime.now().setZone(ZONE).startOf('day');
    const day = (offset: number) => today.plus({ days: offset }).toISODate()!;
    const habitId = await seedHabit(chat.app(), user, {
      title: 'Чтение',
      startedOn: day(-13),
      checkIns: Object.fromEntries(
        [-6, -5, -4, -3, -2].map((offset) => [day(offset), CheckInStatus.DONE]),
      ),
    });
    const goal = await seedGoal(chat.app(), user, { title: 'Испанский', steps: ['Учебник'] });
    await chat
      .app()
      .db.getRepository(Step)
      .update(goal.steps[0]!.id, { plannedStart: today.plus({ days: -2, hours: 10 }).toJSDate() });

    const reply = await send(user, 'как прошла неделя?');
    expect(reply.intent).toBe('week_review');
    const lines = reply.text.split('\n');
    expect(lines[0]).toMatch(/^📊 Итоги недели /);
    expect(lines.find((line) => line.startsWith('• Чтение'))).toMatch(/^• Чтение: 5\/7 ✅ · 🔥 0/);
    expect(lines).toContain('⏳ Не успели:');
    expect(lines).toContain('• Испанский: Учебник');
    expect(reply.actions).toEqual([
      { kind: 'review_plan_goal', entityId: goal.id, title: '📆 Спланировать: Испанский' },
      { kind: 'review_open_habit', entityId: habitId, title: '🔁 Чтение' },
    ]);

    // Asked in English, answered in English, whatever the user's language setting.
    const english = await send(user, 'how was my week?');
    expect(english.intent).toBe('week_review');
    expect(english.text).toMatch(/^📊 Your week, /);
    expect(english.text).toContain('🔁 Habits:');
  });

  it('says so when there is nothing to review, and changes nothing', async () => {
    const user = await seedUser(chat.app(), { timezone: ZONE });
    const reply = await send(user, 'итоги недели');
    expect(reply).toMatchObject({ intent: 'week_review', actions: [] });
    expect(reply.text).toBe(
      '📊 За неделю пока нечего подводить: ни привычек, ни шагов, ни событий.',
    );
  });
});
