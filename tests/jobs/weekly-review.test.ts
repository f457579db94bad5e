import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { CheckInStatus, Step, StepStatus } from '../../src/entities/index.js';
import { weeklyReviewJob } from '../../src/jobs/weekly-review.job.js';
import { nextLocalTime } from '../../src/services/timezone.js';
import { seedEvent, seedGoal, seedHabit, seedUser } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';
import { eventually, outboxOf, startWorkerApp } from './job-helpers.js';

let app: TestApp;

beforeAll(async () => {
  app = await startWorkerApp();
});
afterAll(() => app.stop());

const ZONE = 'Asia/Tokyo';

describe('weekly review', () => {
  it('is due on Sunday at the evening time, local, on both sides of a DST change', () => {
    // Berlin leaves summer time on Sunday 25 October 2026.
    const after = new Date('2026-10-21T12:00:00Z');
    const at = nextLocalTime('19:00', 'Europe/Berlin', after, 7);
    expect(DateTime.fromJSDate(at, { zone: 'Europe/Berlin' }).toISO()).toBe(
      '2026-10-25T19:00:00.000+01:00',
    );
    const next = nextLocalTime('19:00', 'Europe/Berlin', at, 7);
    expect(DateTime.fromJSDate(next, { zone: 'Europe/Berlin' }).toISO()).toBe(
      '2026-11-01T19:00:00.000+01:00',
    );
    const spring = nextLocalTime('19:00', 'Europe/Berlin', new Date('2026-03-25T12:00:00Z'), 7);
    expect(DateTime.fromJSDate(spring, { zone: 'Europe/Berlin' }).toISO()).toBe(
      '2026-03-29T19:00:00.000+02:00',
    );
  });

  it('sums up this calendar week from real data, with buttons to plan a goal and open a habit', async () => {
    const user = await seedUser(app, { timezone: ZONE });
    const today = DateTime.now().setZone(ZONE).startOf('day');
    const monday = today.startOf('week');
    const daysBefore = today.diff(monday, 'days').days;
    // Done every day of the week before today; last week (not reviewed) left empty.
    const habitId = await seedHabit(app, user, {
      title: 'Чтение',
      startedOn: monday.minus({ days: 7 }).toISODate()!,
      checkIns: Object.fromEntries(
        Array.from({ length: daysBefore }, (_, i) => [
          monday.plus({ days: i }).toISODate()!,
          CheckInStatus.DONE,
        ]),
      ),
    });
    const goal = await seedGoal(app, user, { title: 'Испанский', steps: ['Учебник', 'Урок 1'] });
    // Today's first minute: in this week and already past, whichever day today is.
    const start = today.plus({ minutes: 1 }).toJSDate();
    await app.db.getRepository(Step).update(goal.steps[0]!.id, {
      plannedStart: start,
      status: StepStatus.DONE,
      completedAt: start,
    });
    await app.db.getRepository(Step).update(goal.steps[1]!.id, { plannedStart: start });
    await seedEvent(app, user, { title: 'Встреча', start: start.toISOString(), timezone: ZONE });
    // Last week's event is not this week's.
    await seedEvent(app, user, {
      title: 'Старая встреча',
      start: monday.minus({ hours: 1 }).toISO()!,
      timezone: ZONE,
    });

    const due = new Date(Date.now() + 500);
    const payload = { key: `test-review:${user.id}`, dueAt: due.toISOString(), userId: user.id };
    await app.deps.services.jobs.schedule(weeklyReviewJob, payload, due);
    const review = await eventually(async () =>
      (await outboxOf(app, user.id)).find((row) => row.kind === 'weekly_review'),
    );
    const lines: string[] = review!.text.split('\n');
    expect(lines[0]).toMatch(/^📊 Итоги недели /);
    expect(lines).toContain('🔁 Привычки:');
    expect(lines.find((line) => line.startsWith('• Чтение'))).toMatch(
      new RegExp(
        `^• Чтение: ${daysBefore}/${daysBefore + 1} ✅ · 🔥 ${daysBefore} · 💪 \\d+% \\([+-]?\\d+\\)$`,
      ),
    );
    expect(lines).toContain('🎯 Шаги: сделано 1, по плану на неделю было 2');
    expect(lines).toContain('📅 1 событие за неделю');
    expect(lines).toContain('⏳ Не успели:');
    expect(lines).toContain('• Испанский: Урок 1');
    expect(lines.at(-1)).toBe('Спланируем следующую неделю?');
    expect(review!.payload.actions).toEqual([
      { kind: 'schedule_goal', label: '📆 Спланировать: Испанский', goalId: goal.id },
      { kind: 'open_habit', label: '🔁 Чтение', habitId },
    ]);
  });

  it('says nothing when switched off, and nothing for an empty week', async () => {
    const off = await seedUser(app, { timezone: ZONE, settings: { weeklyReviewEnabled: false } });
    const { dailyNotifications } = app.deps.services;
    expect(await dailyNotifications.compose('weekly-review', off.id, new Date())).toBeNull();
    const empty = await seedUser(app, { timezone: ZONE });
    const due = await dailyNotifications.compose('weekly-review', empty.id, new Date());
    expect(due?.drafts).toEqual([]);
  });
});
