import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { BotCheckNotificationHistoryDocument } from '../gql/graphql.js';
import { journeySteps } from '../support/bot-journey.js';
import { labels, type BotUser } from '../support/bot-user.js';
import type { ShownMessage } from '../support/memory-bot.js';
import { MemoryBot } from '../support/memory-bot.js';
import { useOwnDatabase } from '../support/own-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 18, "Missing that users expect": what a user does in the chat is confirmed completely,
// edited from its card, and a reminder is snoozed by replying to it in words.

await useOwnDatabase();

let app: TestApp;
let bot: MemoryBot;
let steps: ReturnType<typeof journeySteps>;

beforeAll(async () => {
  app = await startTestApp({
    WORKER_ENABLED: 'true',
    JOBS_PROCESS_EVERY_MS: '200',
    NOTIFICATION_SWEEP_SECONDS: '1',
  });
  bot = new MemoryBot(app);
  await bot.start();
  steps = journeySteps(app, bot);
});

afterAll(async () => {
  await bot?.stop();
  await app?.stop();
});

/** The user replies to a message in the chat (the messenger reports what it replies to). */
function reply(user: BotUser, to: ShownMessage, text: string) {
  const shown = user.now(to);
  return user
    .update({
      kind: 'text',
      text,
      replyTo: { messageId: shown.id, text: shown.text, buttons: shown.buttons },
    })
    .then(() => user.last());
}

/** The newest snoozed copy's due time, from the user's notification history. */
async function snoozedUntil(user: BotUser): Promise<DateTime> {
  const { notificationHistory } = await user.op(BotCheckNotificationHistoryDocument, {});
  const pending = notificationHistory.items.find((n) => n.status === 'PENDING');
  expect(pending).toBeDefined();
  return DateTime.fromISO(pending!.availableAt as string);
}

describe('snooze by replying to a reminder in words', () => {
  it('"через час" snoozes that notification and says when it comes back', async () => {
    const { user } = await steps.started();
    const reminder = await steps.remindNow(user, 'Позвонить маме');
    expect(labels(reminder)).toEqual(expect.arrayContaining(['Готово']));
    const before = Date.now();
    const answer = await reply(user, reminder, 'через час');
    const expected = DateTime.fromMillis(before + 60 * 60_000).setZone('Europe/Moscow');
    expect(answer.text).toContain('⏰ Отложено: напомню');
    expect(answer.text).toContain(expected.toFormat('HH:mm'));
    // The reminder is marked as a snooze button would mark it, and has no buttons left.
    expect(user.now(reminder).text).toContain('Позвонить маме\n\n⏰ Отложено');
    expect(labels(user.now(reminder))).toEqual([]);
    const until = await snoozedUntil(user);
    expect(Math.abs(until.toMillis() - (before + 60 * 60_000))).toBeLessThan(60_000);
    steps.expectNoApology(user);
  }, 30_000);

  it('"завтра в 9" and "in 20 min" and "skip this week"', async () => {
    const { user } = await steps.started();
    const first = await steps.remindNow(user, 'Полить цветы');
    const answer = await reply(user, first, 'завтра в 9');
    expect(answer.text).toContain('напомню завтра в 09:00');
    const until = (await snoozedUntil(user)).setZone('Europe/Moscow');
    const tomorrow = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 });
    expect(until.toFormat('yyyy-MM-dd HH:mm')).toBe(`${tomorrow.toFormat('yyyy-MM-dd')} 09:00`);

    const english = (await steps.started('en')).user;
    const second = await steps.remindNow(english, 'Stretch');
    expect((await reply(english, second, 'in 20 min')).text).toMatch(
      /Snoozed: I'll remind you today at \d\d:\d\d|tomorrow at/,
    );

    const third = await steps.remindNow(english, 'Weekly call');
    const skipped = await reply(english, third, 'skip this week');
    expect(skipped.text).toContain('Skipped: only this reminder');
    expect(labels(english.now(third))).toEqual([]);
    steps.expectNoApology(user);
    steps.expectNoApology(english);
  }, 45_000);

  it('a reply that is not about time is an ordinary message', async () => {
    const { user } = await steps.started();
    const reminder = await steps.remindNow(user, 'Купить хлеб');
    const answer = await reply(user, reminder, 'что у меня завтра?');
    expect(answer.text).not.toContain('Отложено');
    expect(labels(user.now(reminder))).toContain('Готово');
    steps.expectNoApology(user);
  }, 30_000);
});
