import { describe, expect, it } from '@jest/globals';
import { journeyBot } from '../support/bot-journey.js';
import { labels } from '../support/bot-user.js';
import { useOwnDatabase } from '../support/own-database.js';

// The assistant's "which one?" buttons (quick replies) pressed twice: the second tap must not
// send whatever the newer reply's button of the same place says (here "↩️ Отменить").

await useOwnDatabase();

const context = journeyBot();

describe('a quick reply tapped twice', () => {
  it('deletes the picked meeting once and does not undo it on the second tap', async () => {
    const { user } = await context.steps.started();
    await user.say('встреча с Олей завтра в 10');
    await user.say('встреча с Петей завтра в 12');
    const asked = await user.say('отмени встречу завтра');
    const pick = labels(asked).find((label) => label.startsWith('Встреча с Олей'));
    expect(pick).toBeDefined();
    const data = user.dataOf(asked, new RegExp(`^${pick!.slice(0, 10)}`));
    await user.pressData(asked, data);
    expect(user.last().text).toContain('Встреча с Олей');
    await user.pressData(asked, data);
    expect(
      user
        .messages()
        .map((m) => m.text)
        .join('\n'),
    ).not.toContain('Вернул как было');
    context.steps.expectNoApology(user);
  }, 30_000);
});
