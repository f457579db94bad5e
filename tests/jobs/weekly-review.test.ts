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

  it('sums up the week from real data, with buttons to plan a goal and open a habit', async () => {
    const user = await seedUser(app, { timezone: ZONE });
    const today = DateTime.now().setZone(ZONE).startOf('day');
    const day = (offset: number) => today.plus({ days: offset }).toISODate()!;
    const habitId = await seedHabit(app, user, {
      title: 'Чтение',
      startedOn: day(-13),
      checkIns: Object.fromEntries(
        [-6, -5, -4, -3, -2].map((offset) => [day(offset), CheckInStatus.DONE]),
      ),
    });
    const goal = await seedGoal(app, user, { title: 'Испанский', steps: ['Учебник', 'Урок 1'] });
    const at = (offset: number) => today.plus({ days: offset, hours: 10 }).toJSDate();
    await app.db.getRepository(Step).update(goal.steps[0]!.id, {
      plannedStart: at(-3),
      status: StepStatus.DONE,
      completedAt: at(-3),
    });
    await app.db.getRepository(Step).update(goal.steps[1]!.id, { plannedStart: at(-2) });
    await seedEvent(app, user, { title: 'Встреча', start: at(-1).toISOString(), timezone: ZONE });

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
      /^• Чтение: 5\/7 ✅ · 🔥 0 · 💪 \d+% \(\+\d+\)$/,
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
