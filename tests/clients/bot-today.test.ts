import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  BotCheckCreateEventDocument,
  BotCheckCreateGoalDocument,
  BotCheckCreateHabitDocument,
  BotCheckHabitDoneDocument,
  BotCheckTimeSettingsDocument,
} from '../gql/graphql.js';
import { journeyBot } from '../support/bot-journey.js';
import { labels, type BotUser } from '../support/bot-user.js';
import { useOwnDatabase } from '../support/own-database.js';

// Issue 15: /today (and the menu's "☀️ Сегодня") is one view of the user's day — habits due
// with ✅/⬜ and the streak, steps planned today, events today — from the API's `today` query.

await useOwnDatabase();

const context = journeyBot();

/** Today at a local time in a zone (a Russian user's default is Moscow). */
const todayAt = (hour: number, minute = 0, zone = 'Europe/Moscow') =>
  DateTime.now().setZone(zone).set({ hour, minute, second: 0, millisecond: 0 });

/** A daily habit, a goal with a step planned today at 09:30 and an event today at 15:00. */
async function busyDay(user: BotUser) {
  const { me } = await user.op(BotCheckTimeSettingsDocument, {});
  const zone = me.settings.timezone;
  const { createHabit } = await user.op(BotCheckCreateHabitDocument, {
    input: { title: 'Зарядка', schedule: { kind: 'DAILY' } },
  });
  const { createGoal } = await user.op(BotCheckCreateGoalDocument, {
    input: { title: 'Выучить испанский', steps: [{ title: 'Купить учебник' }] },
  });
  // The step's planned time is set in the database: what is under test is the view of it.
  await context.app.db.query(`UPDATE steps SET planned_start = $1 WHERE goal_id = $2`, [
    todayAt(9, 30, zone).toJSDate(),
    createGoal.id,
  ]);
  await user.op(BotCheckCreateEventDocument, {
    input: { title: 'Встреча', start: todayAt(15, 0, zone).toISO()!, durationMinutes: 120 },
  });
  return { habitId: createHabit.id };
}

describe('/today', () => {
  it('shows habits, steps and events of the day, each one tap away', async () => {
    const { user } = await context.steps.started();
    const { habitId } = await busyDay(user);
    const day = await user.say('/today');
    expect(day.text).toContain(`Сегодня, `);
    expect(day.text).toContain(todayAt(12).toFormat('dd.MM'));
    expect(day.text).toContain('🔁 Привычки · 0 из 1');
    expect(day.text).toContain('⬜ Зарядка · 🔥0');
    expect(day.text).toContain('🎯 Шаги');
    expect(day.text).toContain('⬜ 09:30 Купить учебник');
    expect(day.text).toContain('📅 События');
    expect(day.text).toContain('⏰ 15:00 Встреча (2ч)');

    // Tap the pending habit: checked in, the screen re-renders with the new mark and streak.
    const pending = user.dataOf(day, /⬜ Зарядка/);
    expect(await user.pressData(day, pending)).toBe('✅ Отмечено · 🔥 1');
    expect(user.now(day).text).toContain('✅ Зарядка · 🔥1');
    expect(user.now(day).text).toContain('🔁 Привычки · 1 из 1');
    // The same (stale) button again: no second check-in, no error.
    expect(await user.pressData(day, pending)).toBe('✅ Уже отмечено');
    expect(user.now(day).text).toContain('✅ Зарядка · 🔥1');
    const { habit } = await user.op(BotCheckHabitDoneDocument, { id: habitId });
    expect(habit?.doneCount).toBe(1);

    // A checked habit opens its card; a step and an event open theirs; the day opens in the calendar.
    await user.press(day, /✅ Зарядка/);
    expect(user.now(day).text).toContain('🔁 Зарядка');
    await user.say('/today');
    const again = user.last();
    await user.press(again, /Купить учебник/);
    expect(user.now(again).text).toContain('Купить учебник');
    expect(labels(user.now(again))).toEqual(expect.arrayContaining(['🎯 К цели']));
    const third = await user.say('/today');
    await user.press(third, /⏰ 15:00 Встреча/);
    expect(labels(user.now(third))).toEqual(expect.arrayContaining(['📅 Дата', '⏰ Время']));
    const fourth = await user.say('/today');
    await user.press(fourth, /День в календаре/);
    expect(user.now(fourth).text).toContain(`${todayAt(12).toFormat('dd.MM')} ━━━`);
    expect(user.now(fourth).text).toContain('⏰ 15:00 Встреча (2ч)');
    context.steps.expectNoApology(user);
  }, 30_000);

  it('says an empty day is empty and offers an event or a habit', async () => {
    const { user, menu } = await context.steps.started();
    await user.press(menu, /Сегодня/);
    const day = user.now(menu);
    expect(day.text).toContain('На сегодня ничего не запланировано');
    expect(labels(day)).toEqual(
      expect.arrayContaining(['➕ Событие', '🔁 Привычки', '📅 День в календаре']),
    );
    await user.press(day, /Привычки/);
    expect(user.now(day).text).toContain('Привычек пока нет');
    await user.press(day, /Меню/);
    await user.press(day, /Сегодня/);
    await user.press(day, /Событие/);
    expect(user.last().text).toContain('Что и когда?');
  });

  it('speaks English to an English user', async () => {
    const { user, menu } = await context.steps.started('en');
    await user.press(menu, /Today/);
    expect(user.now(menu).text).toContain('Nothing planned for today');
    expect(labels(user.now(menu))).toEqual(expect.arrayContaining(['➕ Event', '🔁 Habits']));
    await busyDay(user);
    const day = await user.say('/today');
    expect(day.text).toContain('Today, ');
    expect(day.text).toContain('🔁 Habits · 0 of 1');
    expect(day.text).toContain('🎯 Steps');
    expect(day.text).toContain('📅 Events');
    expect(day.text).toContain('⏰ 15:00 Встреча (2h)');
    expect(await user.press(day, /⬜ Зарядка/)).toBe('✅ Done · 🔥 1');
    expect(user.now(day).text).toContain('✅ Зарядка · 🔥1');
  });
});
