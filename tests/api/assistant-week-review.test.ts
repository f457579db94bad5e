import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { CheckInStatus, Step, StepStatus, User } from '../../src/entities/index.js';
import { SendMessageDocument } from '../gql/graphql.js';
import { seedEvent, seedGoal, seedHabit, seedUser, type TestUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ZONE = 'Asia/Tokyo';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const send = async (user: TestUser, text: string) =>
  (await executeOperationOk(app, SendMessageDocument, { text }, user)).sendMessage;

/** The assistant at a chosen moment (the API always answers at the real one). */
async function sendAt(user: TestUser, text: string, now: string) {
  const entity = await app.db.getRepository(User).findOneByOrFail({ id: user.id });
  return app.deps.services.conversation.sendMessage(entity, text, new Date(now));
}

const label = (date: DateTime, lang = 'ru') => date.setLocale(lang).toFormat('d MMMM');

describe('the assistant answers "how was my week?" with the weekly review', () => {
  it('sums up this calendar week from real data, with the review’s buttons as actions', async () => {
    const user = await seedUser(app, { timezone: ZONE });
    const today = DateTime.now().setZone(ZONE).startOf('day');
    const monday = today.startOf('week');
    const daysThisWeek = today.diff(monday, 'days').days; // done every day before today
    const dates = Array.from({ length: 7 + daysThisWeek }, (_, i) =>
      monday.plus({ days: i - 7 }).toISODate()!,
    );
    const habitId = await seedHabit(app, user, {
      title: 'Чтение',
      startedOn: monday.minus({ days: 14 }).toISODate()!,
      checkIns: Object.fromEntries(dates.map((date) => [date, CheckInStatus.DONE])),
    });
    const goal = await seedGoal(app, user, { title: 'Испанский', steps: ['Учебник'] });
    await app.db.getRepository(Step).update(goal.steps[0]!.id, { plannedStart: today.toJSDate() });

    const reply = await send(user, 'как прошла неделя?');
    expect(reply.intent).toBe('week_review');
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe(`📊 Итоги недели ${label(monday)} – ${label(today)}`);
    // Today is still open, so it counts as due and not yet done.
    expect(lines.find((line) => line.startsWith('• Чтение'))).toMatch(
      new RegExp(`^• Чтение: ${daysThisWeek}/${daysThisWeek + 1} ✅ · 🔥 ${7 + daysThisWeek}`),
    );
    expect(lines).toContain('⏳ Не успели:');
    expect(lines).toContain('• Испанский: Учебник');
    expect(reply.actions).toEqual([
      { kind: 'review_plan_goal', entityId: goal.id, title: '📆 Спланировать: Испанский' },
      { kind: 'review_open_habit', entityId: habitId, title: '🔁 Чтение' },
    ]);

    // Last week is the previous Monday to Sunday: all 7 days done, this week's step not in it.
    const last = await send(user, 'как прошла прошлая неделя?');
    expect(last.intent).toBe('week_review');
    const lastLines = last.text.split('\n');
    expect(lastLines[0]).toBe(
      `📊 Итоги прошлой недели ${label(monday.minus({ days: 7 }))} – ${label(monday.minus({ days: 1 }))}`,
    );
    expect(lastLines.find((line) => line.startsWith('• Чтение'))).toMatch(
      /^• Чтение: 7\/7 ✅ · 🔥 7/,
    );
    expect(last.text).not.toContain('Учебник');

    // Asked in English, answered in English, whatever the user's language setting.
    const english = await send(user, 'how was my week?');
    expect(english.intent).toBe('week_review');
    expect(english.text).toMatch(/^📊 Your week, /);
    expect(english.text).toContain('🔁 Habits:');
    const lastEnglish = await send(user, 'how was last week?');
    expect(lastEnglish.text.split('\n')[0]).toBe(
      `📊 Last week, ${label(monday.minus({ days: 7 }), 'en')} – ${label(monday.minus({ days: 1 }), 'en')}`,
    );
  });

  it.each([
    // Berlin leaves summer time on Sunday 25 October 2026 (the week is 169 hours long) …
    ['autumn', '2026-10-19', '2026-10-27T12:00:00+01:00', '2026-10-25T20:00:00+01:00'],
    // … and goes back to it on Sunday 29 March 2026 (167 hours).
    ['spring', '2026-03-23', '2026-03-31T12:00:00+02:00', '2026-03-29T20:00:00+02:00'],
  ])(
    'takes last week as Monday to Sunday, local, across the %s DST change; on Sunday evening "the week" is that one',
    async (_, mondayIso, tuesdayAfter, sundayEvening) => {
      const zone = 'Europe/Berlin';
      const user = await seedUser(app, { timezone: zone });
      const monday = DateTime.fromISO(mondayIso, { zone });
      const at = (days: number, time: string) =>
        DateTime.fromISO(`${monday.plus({ days }).toISODate()}T${time}`, { zone }).toISO()!;
      // Done every day of the week but Thursday, and on the Monday after it.
      const done = [0, 1, 2, 4, 5, 6, 7].map((days) => monday.plus({ days }).toISODate()!);
      await seedHabit(app, user, {
        title: 'Зарядка',
        startedOn: monday.minus({ days: 7 }).toISODate()!,
        checkIns: Object.fromEntries(done.map((date) => [date, CheckInStatus.DONE])),
      });
      const event = (title: string, start: string) =>
        seedEvent(app, user, { title, start, timezone: zone, durationMinutes: 30 });
      await event('Before the week', at(-1, '23:30'));
      await event('Monday early', at(0, '00:30'));
      await event('Sunday late', at(6, '23:30'));
      await event('After the week', at(7, '00:30'));
      const goal = await seedGoal(app, user, { title: 'Испанский', steps: ['Sunday step'] });
      await app.db.getRepository(Step).update(goal.steps[0]!.id, {
        plannedStart: new Date(at(6, '23:30')),
        status: StepStatus.DONE,
        completedAt: new Date(at(6, '23:40')),
      });

      const reply = await sendAt(user, 'как прошла прошлая неделя?', tuesdayAfter);
      expect(reply.intent).toBe('week_review');
      const lines = reply.text.split('\n');
      expect(lines[0]).toBe(
        `📊 Итоги прошлой недели ${label(monday)} – ${label(monday.plus({ days: 6 }))}`,
      );
      expect(lines.find((line) => line.startsWith('• Зарядка'))).toMatch(
        /^• Зарядка: 6\/7 ✅ · 🔥 3 /,
      );
      // The late Sunday step and event are in the week (a 168-hour week would miss them in
      // autumn), the early Monday after it is not (one would catch it in spring).
      expect(lines).toContain('🎯 Шаги: сделано 1, по плану на неделю было 1');
      expect(lines).toContain('📅 2 события за неделю');

      // Sunday evening: "как прошла неделя" is the week ending that day (its events so far).
      const sunday = await sendAt(user, 'как прошла неделя?', sundayEvening);
      const sundayLines = sunday.text.split('\n');
      expect(sundayLines[0]).toBe(
        `📊 Итоги недели ${label(monday)} – ${label(monday.plus({ days: 6 }))}`,
      );
      expect(sundayLines.find((line) => line.startsWith('• Зарядка'))).toMatch(
        /^• Зарядка: 6\/7 ✅/,
      );
      expect(sundayLines).toContain('📅 1 событие за неделю');
    },
  );

  it('says so when there is nothing to review, and changes nothing', async () => {
    const user = await seedUser(app, { timezone: ZONE });
    const reply = await send(user, 'итоги недели');
    expect(reply).toMatchObject({ intent: 'week_review', actions: [] });
    expect(reply.text).toBe(
      '📊 За неделю пока нечего подводить: ни привычек, ни шагов, ни событий.',
    );
  });
});
