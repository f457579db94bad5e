import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BotCheckCreateReminderDocument, BotCheckEventsBetweenDocument } from '../gql/graphql.js';
import { APOLOGY } from '../support/bot-journey.js';
import { useOwnDatabase } from '../support/own-database.js';
import type { TestApp } from '../support/test-app.js';
import {
  maxDriver,
  press,
  telegramDriver,
  type PlatformDriver,
  type PlatformMessage,
  type PlatformUser,
} from './platform-driver.js';
import { JOURNEY_EN, JOURNEY_RU } from './journey-words.js';
import { startWorkerApp } from '../jobs/job-helpers.js';

// Issue 18, "Done when": the full journey end to end through each messenger's fake (the real
// library, adapter, send queue and API): onboarding → goal → SMART → plan → schedule →
// reminder → snooze by reply → done; then an edit of an old message and the card's words for
// reminders and repeats. Russian through Telegram, English through MAX (both languages run on
// the in-memory bot in bot-full-journey.test.ts).

await useOwnDatabase();

let app: TestApp;

beforeAll(async () => {
  app = await startWorkerApp();
});

afterAll(async () => {
  await app?.stop();
});

const RU = {
  ...JOURNEY_RU,
  event: (hour: number) => `Встреча с Олей завтра в ${hour}:00 на час`,
  eventTitle: 'Встреча с Олей',
  redoAsk: 'Изменить «Встреча с Олей» по новому тексту?',
  redo: /Да, изменить/,
  replaced: '«Встреча с Олей» заменено',
  openEvent: /Открыть событие/,
  reminders: /Напоминания/,
  custom: /Своё время/,
  offsets: 'за 2 часа и за 10 минут',
  offsetsShown: '🔔 за 2 ч и за 10 мин',
  repeat: /Повтор/,
  inWords: /Своими словами/,
  repeatWords: 'каждый вторник',
  repeatShown: 'повторяется: по вт',
};

const EN: typeof RU = {
  ...JOURNEY_EN,
  event: (hour: number) => `Meeting with Olya tomorrow at ${hour}pm for an hour`,
  eventTitle: 'Meeting with Olya',
  redoAsk: 'Change "Meeting with Olya" to match the new text?',
  redo: /Yes, change it/,
  replaced: '"Meeting with Olya" replaced',
  openEvent: /Open event/,
  reminders: /Reminders/,
  custom: /Custom/,
  offsets: '1 day, 30 min',
  offsetsShown: '1 day before and 30 min before',
  repeat: /Repeat/,
  inWords: /In words/,
  repeatWords: 'every other day',
  repeatShown: 'every 2 days',
};

describe.each([
  ['Telegram', 'ru', telegramDriver, RU],
  ['MAX', 'en', maxDriver, EN],
] as const)('%s bot in %s, end to end', (_name, languageCode, startDriver, say) => {
  let bot: PlatformDriver;

  beforeAll(async () => {
    bot = await startDriver(app);
  });

  afterAll(async () => {
    await bot?.stop();
  });

  /** The message (any in the chat) once its text matches. */
  const shown = (user: PlatformUser, text: RegExp | string, timeoutMs?: number) =>
    bot.waitFor(
      () =>
        bot
          .messages(user)
          .find((m) =>
            typeof text === 'string' ? m.plainText.includes(text) : text.test(m.plainText),
          ),
      timeoutMs,
    );

  /** This message once it shows `text` (edited in place). */
  const becomes = (message: PlatformMessage, text: string | RegExp, timeoutMs?: number) =>
    bot.waitFor(() => {
      const now = bot.current(message);
      const has =
        typeof text === 'string' ? now.plainText.includes(text) : text.test(now.plainText);
      return has && now;
    }, timeoutMs);

  const noApology = (user: PlatformUser) => {
    for (const message of bot.messages(user)) expect(message.plainText).not.toMatch(APOLOGY);
  };

  async function started() {
    const user = bot.newUser(languageCode);
    bot.start(user);
    const greeting = await bot.next(user);
    const menu = await bot.next(user);
    return { user, greeting, menu };
  }

  async function remindNow(user: PlatformUser, text: string) {
    await user.op(BotCheckCreateReminderDocument, {
      input: { type: 'ONE_TIME', text, triggerAt: new Date(Date.now() + 500).toISOString() },
    });
    return shown(user, text, 15_000);
  }

  it('onboarding → goal → SMART → plan → schedule → reminder → snooze → done', async () => {
    const { user, greeting, menu } = await started();
    expect(greeting.plainText).toMatch(say.zone);
    expect(menu.buttons.length).toBeGreaterThanOrEqual(6);

    bot.sendText(user, say.goal);
    const goal = await bot.next(user);
    expect(goal.plainText).toMatch(say.deadline);
    const plan = goal.buttons.find((b) => say.plan.test(b.text))!.data!;
    press(bot, user, goal, say.smart);
    await shown(user, /SMART: \d+\/100/);

    bot.pressData(user, bot.current(goal), plan, true);
    const proposal = await becomes(goal, say.proposal, 15_000);
    press(bot, user, proposal, say.accept);
    const accepted = await becomes(goal, say.accepted);
    press(bot, user, accepted, say.toCalendar);
    const scheduled = await becomes(goal, say.scheduled);
    expect(scheduled.plainText).toMatch(/\d\d:\d\d/);
    press(bot, user, scheduled, say.back);
    await becomes(goal, /· 📅 \d\d[./]\d\d \d\d:\d\d/);

    const reminder = await remindNow(user, say.reminder);
    bot.replyText(user, reminder, say.snooze);
    await shown(user, say.snoozed);
    const next = await remindNow(user, `${say.reminder}!`);
    press(bot, user, next, say.done);
    await becomes(next, say.doneStatus);
    noApology(user);
  }, 60_000);

  it('an edit of the message that made an event redoes it; the card takes words', async () => {
    const { user } = await started();
    const sent = bot.sendText(user, say.event(3));
    const made = await bot.next(user);
    expect(made.plainText).toContain(say.eventTitle);

    bot.editText(user, sent, say.event(4));
    const offer = await bot.next(user);
    expect(offer.plainText).toContain(say.redoAsk);
    press(bot, user, offer, say.redo);
    const redone = await becomes(offer, say.replaced);
    const from = new Date();
    const { events } = await user.op(BotCheckEventsBetweenDocument, {
      from: from.toISOString(),
      to: new Date(from.getTime() + 3 * 86_400_000).toISOString(),
    });
    expect(events.map((e) => `${e.event.title} ${e.startLocal.slice(11, 16)}`)).toEqual([
      `${say.eventTitle} 16:00`,
    ]);

    press(bot, user, redone, say.openEvent);
    const card = await bot.editedTo(offer, 2); // the redone reply, then the card
    press(bot, user, card, say.reminders);
    const reminders = await bot.editedTo(offer, 3);
    press(bot, user, reminders, say.custom);
    await bot.next(user); // the question
    bot.sendText(user, say.offsets);
    const withOffsets = await bot.next(user);
    expect(withOffsets.plainText).toContain(say.offsetsShown);
    press(bot, user, withOffsets, say.repeat);
    const repeat = await bot.editedTo(withOffsets, 1);
    press(bot, user, repeat, say.inWords);
    await bot.next(user);
    bot.sendText(user, say.repeatWords);
    expect((await bot.next(user)).plainText).toContain(say.repeatShown);
    noApology(user);
  }, 60_000);
});
