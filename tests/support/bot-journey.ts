import { afterAll, beforeAll, expect } from '@jest/globals';
import { BotCheckCreateReminderDocument } from '../gql/graphql.js';
import { FAST_WORKER } from '../jobs/job-helpers.js';
import { newBotUser, type BotUser } from './bot-user.js';
import { MemoryBot, type ShownMessage } from './memory-bot.js';
import { startTestApp, type TestApp } from './test-app.js';

/** The generic apology: no user-controlled input may lead to it (issue 18). */
export const APOLOGY = /что-то пошло не так|something went wrong/;

/** Steps of a journey through the in-memory bot, for one app and bot. */
export function journeySteps(app: TestApp, bot: MemoryBot) {
  return {
    /** A new messenger user after /start, and the menu it was shown. */
    async started(languageCode = 'ru') {
      const user = newBotUser(app, bot, languageCode);
      const menu = await user.say('/start');
      return { user, menu };
    },

    /** No message in the chat, nor any toast, is the generic apology. */
    expectNoApology(user: BotUser) {
      for (const message of user.messages()) expect(message.text).not.toMatch(APOLOGY);
      for (const toast of bot.chats.answers.values()) expect(toast ?? '').not.toMatch(APOLOGY);
    },

    /** A goal made with /newgoal, its card opened from the coach's review. */
    async withGoal(user: BotUser, title: string, open = /Открыть цель|Open goal/) {
      await user.say('/newgoal');
      const review = await user.say(title);
      await user.press(review, open);
      return user.now(review);
    },

    /** A goal with one step added through its card, and that step's card opened. */
    async withStepCard(user: BotUser, goal: string, step: string): Promise<ShownMessage> {
      const card = await this.withGoal(user, goal);
      await user.press(card, /Изменить/);
      await user.press(card, /Шаг/);
      const withStep = await user.say(step);
      await user.press(withStep, /Изменить/);
      await user.press(withStep, new RegExp(`1\\. ${step}`));
      return user.now(withStep);
    },

    /** A one-time reminder due now, as the bot delivers it. */
    async remindNow(user: BotUser, text: string): Promise<ShownMessage> {
      const before = user.messages().length;
      await user.op(BotCheckCreateReminderDocument, {
        input: { type: 'ONE_TIME', text, triggerAt: new Date(Date.now() + 500).toISOString() },
      });
      return bot.waitFor(() => user.messages().length > before && user.last(), 15_000);
    },
  };
}

/**
 * A test file's app and in-memory bot (started before its tests, stopped after) and the
 * journey steps on them; read the fields inside tests.
 */
export function journeyBot(env: Record<string, string> = FAST_WORKER) {
  const context = {} as {
    app: TestApp;
    bot: MemoryBot;
    steps: ReturnType<typeof journeySteps>;
  };
  beforeAll(async () => {
    context.app = await startTestApp(env);
    context.bot = new MemoryBot(context.app);
    await context.bot.start();
    context.steps = journeySteps(context.app, context.bot);
  });
  afterAll(async () => {
    await context.bot?.stop();
    await context.app?.stop();
  });
  return context;
}
