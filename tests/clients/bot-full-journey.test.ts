import { describe, expect, it } from '@jest/globals';
import { journeyBot } from '../support/bot-journey.js';
import { labels, type BotUser } from '../support/bot-user.js';
import type { ShownMessage } from '../support/memory-bot.js';
import { useOwnDatabase } from '../support/own-database.js';
import { JOURNEY_EN, JOURNEY_RU } from './journey-words.js';

// Issue 18, "Done when": the whole journey in each language, as a new user lives it:
// onboarding → goal → SMART → plan → schedule → reminder → snooze → done.

await useOwnDatabase();

const context = journeyBot();

const LANGUAGES = { ru: JOURNEY_RU, en: JOURNEY_EN };

/** The message as it is shown once `text` appears in it (a screen edited in place). */
const shownWith = (user: BotUser, message: ShownMessage, text: string) =>
  context.bot.waitFor(() => user.now(message).text.includes(text) && user.now(message));

describe.each(Object.entries(LANGUAGES))('the full journey in %s', (languageCode, say) => {
  it('onboarding → goal → SMART → plan → schedule → reminder → snooze → done', async () => {
    const { user, menu } = await context.steps.started(languageCode);
    expect(user.messages()[0]!.text).toMatch(say.zone);
    expect(labels(menu).length).toBeGreaterThanOrEqual(6);

    // A goal in words: the reply says the date it understood, and offers SMART and a plan.
    const goal = await user.say(say.goal);
    expect(goal.text).toMatch(say.deadline);
    const plan = user.dataOf(goal, say.plan);
    await user.press(goal, say.smart);
    expect(user.last().text).toMatch(/SMART: \d+\/100/);

    // The plan is made in the reply's message, accepted, then put in the calendar.
    await user.pressData(goal, plan);
    const proposal = await shownWith(user, goal, say.proposal);
    await user.press(proposal, say.accept);
    expect(user.now(goal).text).toMatch(say.accepted);
    await user.press(goal, say.toCalendar);
    const scheduled = user.now(goal);
    expect(scheduled.text).toContain(say.scheduled);
    expect(scheduled.text).toMatch(/\d\d:\d\d/);
    // The goal card shows the days and times chosen.
    await user.press(scheduled, say.back);
    expect(user.now(goal).text).toMatch(/· 📅 \d\d\.\d\d \d\d:\d\d/);

    // A reminder comes; a reply in words snoozes it; the next one is done with its button.
    const reminder = await context.steps.remindNow(user, say.reminder);
    expect(
      (
        await user
          .update({
            kind: 'text',
            text: say.snooze,
            replyTo: { messageId: reminder.id, text: reminder.text, buttons: reminder.buttons },
          })
          .then(() => user.last())
      ).text,
    ).toMatch(say.snoozed);
    const next = await context.steps.remindNow(user, `${say.reminder}!`);
    await user.press(next, say.done);
    expect(user.now(next).text).toContain(say.doneStatus);
    context.steps.expectNoApology(user);
  }, 60_000);
});
