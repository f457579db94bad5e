import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { BotCheckEventsBetweenDocument, BotCheckGoalTitlesDocument } from '../gql/graphql.js';
import { journeyBot } from '../support/bot-journey.js';
import { labels, type BotUser } from '../support/bot-user.js';
import { useOwnDatabase } from '../support/own-database.js';

// Issue 18: an edit of a message sent earlier is never dropped silently. The message that made
// an event or goal can redo it from the new text; any other edit can be sent again as new.

await useOwnDatabase();

const context = journeyBot();

let nextMessageId = 1;

/** A text with its own message id (as the messengers report it); returns that id. */
async function sendText(user: BotUser, text: string): Promise<string> {
  const messageId = `u${nextMessageId++}`;
  await user.update({ kind: 'text', text, messageId });
  return messageId;
}

const edit = (user: BotUser, messageId: string, text: string) =>
  user.update({ kind: 'edited', text, messageId }).then(() => user.last());

async function titlesTomorrow(user: BotUser) {
  const day = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 }).startOf('day');
  const { events } = await user.op(BotCheckEventsBetweenDocument, {
    from: day.toUTC().toISO()!,
    to: day.plus({ days: 1 }).toUTC().toISO()!,
  });
  return events.map((e) => `${e.event.title} ${e.startLocal.slice(11, 16)}`);
}

describe('edits of messages sent earlier', () => {
  it('the message that made an event: "change it by the new text?" redoes it', async () => {
    const { user } = await context.steps.started();
    const id = await sendText(user, 'Встреча с Олей завтра в 15:00 на час');
    expect(user.last().text).toContain('Встреча с Олей');
    const offer = await edit(user, id, 'Встреча с Олей завтра в 16:00 на час');
    expect(offer.text).toContain('Изменить «Встреча с Олей» по новому тексту?');
    expect(labels(offer)).toEqual(['✅ Да, изменить', 'Оставить как есть']);
    await user.press(offer, /Да, изменить/);
    const done = user.now(offer);
    expect(done.text).toContain('«Встреча с Олей» заменено по исправленному тексту');
    expect(done.text).toMatch(/16:00–17:00/);
    expect(await titlesTomorrow(user)).toEqual(['Встреча с Олей 16:00']);
    // The buttons were used: a second tap is outdated, not a second event.
    expect(await user.press(done, /Открыть событие/)).toBeUndefined();
    expect(await user.pressData(offer, 'mer')).toMatch(/устарела/);
    // The redone event's message can be edited again.
    const again = await edit(user, id, 'Встреча с Олей завтра в 17:00 на час');
    await user.press(again, /Да, изменить/);
    expect(await titlesTomorrow(user)).toEqual(['Встреча с Олей 17:00']);
    context.steps.expectNoApology(user);
  });

  it('"keep as is" keeps it; a goal is offered the same', async () => {
    const { user } = await context.steps.started();
    const id = await sendText(user, 'хочу выучить испанский к лету');
    const offer = await edit(user, id, 'хочу выучить итальянский к лету');
    expect(offer.text).toMatch(/Изменить «.*испанский.*» по новому тексту\? Цель создам заново/i);
    expect(await user.press(offer, /Оставить как есть/)).toBe('Оставил как было.');
    expect(user.now(offer).text).toContain('Оставил как было.');
    context.steps.expectNoApology(user);
  });

  it('a goal is redone from the new text; a new text that makes nothing keeps the old', async () => {
    const { user } = await context.steps.started();
    const goal = await sendText(user, 'хочу выучить испанский к лету');
    await user.press(await edit(user, goal, 'хочу выучить итальянский к лету'), /Да, изменить/);
    expect(user.last().text).toMatch(/заменено по исправленному тексту/);
    const { goals } = await user.op(BotCheckGoalTitlesDocument, {});
    expect(goals.items.map((g) => g.title)).toEqual([expect.stringMatching(/итальянский/i)]);

    const event = await sendText(user, 'Встреча с Олей завтра в 15:00 на час');
    const offer = await edit(user, event, 'Встреча с Олей');
    await user.press(offer, /Да, изменить/);
    expect(user.now(offer).text).toContain('«Встреча с Олей» пока осталось как было');
    expect(await titlesTomorrow(user)).toEqual(['Встреча с Олей 15:00']);
    context.steps.expectNoApology(user);
  });

  it('an edit of any other message: not re-read, and "send as new" sends it', async () => {
    const { user } = await context.steps.started();
    const id = await sendText(user, 'привет');
    const offer = await edit(user, id, 'Стоматолог завтра в 11:00');
    expect(offer.text).toContain('Исправления я сам не перечитываю');
    expect(offer.text).toContain('«Стоматолог завтра в 11:00»');
    await user.press(offer, /Отправить как новое/);
    expect(user.last().text).toMatch(/Стоматолог.*11:00–12:00/s);
    expect(await titlesTomorrow(user)).toEqual(['Стоматолог 11:00']);
    // An empty edit (a caption removed) or a huge one: said plainly, nothing kept.
    expect((await edit(user, id, '  ')).text).toContain('не перечитываю');
    expect((await edit(user, id, 'я'.repeat(3000))).text).toContain('не перечитываю');
    context.steps.expectNoApology(user);
  });

  it('an edited answer to a dialog that set a value is applied again', async () => {
    const { user } = await context.steps.started();
    await user.say('Стоматолог завтра в 11:00');
    const week = await user.say('/events');
    await user.press(week, /Стоматолог/);
    await user.press(week, /Время/);
    const id = await sendText(user, '16:30');
    expect(user.last().text).toMatch(/16:30–17:30/);
    const offer = await edit(user, id, '17:30');
    expect(offer.text).toContain('Вы исправили свой ответ: «17:30». Применить исправление?');
    await user.press(offer, /Да, изменить/);
    expect(user.last().text).toMatch(/17:30–18:30/);
    expect(await titlesTomorrow(user)).toEqual(['Стоматолог 17:30']);
    context.steps.expectNoApology(user);
  });

  it('in a dialog, the edited answer sent as new answers the dialog (English)', async () => {
    const { user } = await context.steps.started('en');
    await sendText(user, 'Dentist tomorrow at 11am');
    const week = await user.say('/events');
    await user.press(week, /Dentist/);
    await user.press(week, /Time/);
    const id = await sendText(user, '4:3pm');
    expect(user.last().text).toMatch(/did not get|E\.g\./i);
    const offer = await edit(user, id, '4:30pm');
    expect(offer.text).toContain('I do not re-read edits');
    await user.press(offer, /Send as new/);
    expect(user.last().text).toMatch(/16:30/);
    context.steps.expectNoApology(user);
  });
});

describe('edit everything from the card: words for reminders and repeats', () => {
  it('several custom reminder offsets and a repeat in words (RU)', async () => {
    const { user } = await context.steps.started();
    await user.say('Стоматолог завтра в 11:00');
    const week = await user.say('/events');
    await user.press(week, /Стоматолог/);
    await user.press(week, /Напоминания/);
    await user.press(week, /Своё время/);
    expect(user.last().text).toContain('за 2 часа и за 10 минут');
    expect((await user.say('за банан')).text).toContain('Не понял, когда напомнить');
    const card = await user.say('за 2 часа и за 10 минут');
    expect(card.text).toContain('🔔 за 2 ч и за 10 мин');

    await user.press(card, /Повтор/);
    await user.press(card, /Своими словами/);
    expect((await user.say('когда-нибудь')).text).toContain('Не понял, как повторять');
    const weekly = await user.say('каждый вторник');
    expect(weekly.text).toContain('повторяется: по вт');
    await user.press(weekly, /Повтор/);
    expect(labels(user.now(weekly))).toContain('✏️ Своими словами');
    await user.press(weekly, /Своими словами/);
    expect((await user.say('не повторять')).text).not.toContain('повторяется');
    context.steps.expectNoApology(user);
  });

  it('in English: "1 day, 30 min" and "every other day"', async () => {
    const { user } = await context.steps.started('en');
    await user.say('Dentist tomorrow at 11am');
    const week = await user.say('/events');
    await user.press(week, /Dentist/);
    await user.press(week, /Reminders/);
    await user.press(week, /Custom/);
    const card = await user.say('1 day, 30 min');
    expect(card.text).toContain('1 day before and 30 min before');
    await user.press(card, /Repeat/);
    await user.press(card, /In words/);
    expect((await user.say('every other day')).text).toMatch(/repeats: every 2 days/i);
    context.steps.expectNoApology(user);
  });

  it('times as people write them: a step at "16.30", an event at "4:30pm"', async () => {
    const { user } = await context.steps.started();
    const step = await context.steps.withStepCard(user, 'Ремонт', 'Купить краску');
    await user.press(step, /Когда/);
    expect((await user.say('16.30')).text).toMatch(/📅 Когда: .+ 16:30/);

    await user.say('Стоматолог завтра в 11:00');
    const week = await user.say('/events');
    await user.press(week, /Стоматолог/);
    await user.press(week, /Время/);
    expect((await user.say('4:30pm')).text).toMatch(/16:30–17:30/);
    context.steps.expectNoApology(user);
  });
});
