import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { BotCheckNotificationHistoryDocument } from '../gql/graphql.js';
import { journeyBot } from '../support/bot-journey.js';
import { labels, type BotUser } from '../support/bot-user.js';
import type { ShownMessage } from '../support/memory-bot.js';
import { useOwnDatabase } from '../support/own-database.js';

// Issue 18, "Missing that users expect": what a user does in the chat is confirmed completely,
// edited from its card, and a reminder is snoozed by replying to it in words.

await useOwnDatabase();

const context = journeyBot();

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
    const { user } = await context.steps.started();
    const reminder = await context.steps.remindNow(user, 'Позвонить маме');
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
    context.steps.expectNoApology(user);
  }, 30_000);

  it('"завтра в 9" and "in 20 min" and "skip this week"', async () => {
    const { user } = await context.steps.started();
    const first = await context.steps.remindNow(user, 'Полить цветы');
    const answer = await reply(user, first, 'завтра в 9');
    expect(answer.text).toContain('напомню завтра в 09:00');
    const until = (await snoozedUntil(user)).setZone('Europe/Moscow');
    const tomorrow = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 });
    expect(until.toFormat('yyyy-MM-dd HH:mm')).toBe(`${tomorrow.toFormat('yyyy-MM-dd')} 09:00`);

    const english = (await context.steps.started('en')).user;
    const second = await context.steps.remindNow(english, 'Stretch');
    expect((await reply(english, second, 'in 20 min')).text).toMatch(
      /Snoozed: I'll remind you today at \d\d:\d\d|tomorrow at/,
    );

    const third = await context.steps.remindNow(english, 'Weekly call');
    const skipped = await reply(english, third, 'skip this week');
    expect(skipped.text).toContain('Skipped: only this reminder');
    expect(labels(english.now(third))).toEqual([]);
    context.steps.expectNoApology(user);
    context.steps.expectNoApology(english);
  }, 45_000);

  it('a reply that is not about time is an ordinary message', async () => {
    const { user } = await context.steps.started();
    const reminder = await context.steps.remindNow(user, 'Купить хлеб');
    const answer = await reply(user, reminder, 'что у меня завтра?');
    expect(answer.text).not.toContain('Отложено');
    expect(labels(user.now(reminder))).toContain('Готово');
    context.steps.expectNoApology(user);
  }, 30_000);
});

describe('say what was done, completely', () => {
  it('an event confirmation shows the day, start–end and the reminder, with edit and undo', async () => {
    const { user } = await context.steps.started();
    const made = await user.say('Встреча с Олей завтра в 15:00 на час');
    expect(made.text).toMatch(/✅ Добавил: «Встреча с Олей» — .+, 15:00–16:00\n🔔 Напомню за/);
    expect(labels(made)).toEqual(
      expect.arrayContaining(['↩️ Отменить', '✏️ Изменить', '📅 Открыть событие']),
    );
    const moved = await user.say('перенеси встречу с Олей на 17:00');
    expect(moved.text).toMatch(/17:00–18:00\n🔔 Напомню за/);
    context.steps.expectNoApology(user);
  });

  it('"к лету" says which date the goal got', async () => {
    const { user } = await context.steps.started();
    const reply = await user.say('хочу выучить испанский к лету');
    expect(reply.text).toMatch(/📅 Срок: \d{1,2} [а-я]+ \d{4}/);
    const english = (await context.steps.started('en')).user;
    const en = await english.say('I want to run 10 km by summer');
    expect(en.text).toMatch(/📅 Deadline: [A-Z][a-z]+ \d{1,2}, \d{4}/);
  });
});

describe('edit everything from the cards', () => {
  it('an event: title, duration, notes and repeat, each confirmed by its card', async () => {
    const { user } = await context.steps.started();
    await user.say('Стоматолог завтра в 11:00');
    const week = await user.say('/events');
    await user.press(week, /Стоматолог/);
    const card = user.now(week);
    expect(card.text).toMatch(/11:00–12:00/);

    await user.press(card, /Название/);
    expect((await user.say('Стоматолог, доктор Иванова')).text).toContain(
      'Стоматолог, доктор Иванова',
    );
    await user.press(card, /Длительность/);
    expect((await user.say('полтора года')).text).toContain('Не понял длительность');
    const longer = await user.say('1ч 30м');
    expect(longer.text).toMatch(/11:00–12:30 \(1ч 30м\)/);
    await user.press(card, /Заметка/);
    expect((await user.say('Взять снимок')).text).toContain('Взять снимок');

    await user.press(longer, /Повтор/);
    expect(user.now(longer).text).toContain('Как повторять');
    await user.press(longer, /Каждую неделю/);
    const weekday = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 }).setLocale('ru');
    expect(user.now(longer).text).toContain(`🔁 повторяется: по ${weekday.toFormat('ccc')}`);
    context.steps.expectNoApology(user);
  });

  it('a goal: description; a step: title, estimate, time, delete', async () => {
    const { user } = await context.steps.started();
    const card = await context.steps.withGoal(user, 'Ремонт кухни');
    await user.press(card, /Изменить/);
    await user.press(card, /Шаг/);
    await user.say('Купить краску');
    const list = await user.say('/goals');
    await user.press(list, /Ремонт кухни/);
    await user.press(list, /Изменить/);
    await user.press(list, /Описание/);
    const described = await user.say('Светлые стены');
    expect(described.text).toContain('Светлые стены');

    await user.press(described, /Изменить/);
    await user.press(described, /1\. Купить краску/);
    const step = user.now(described);
    expect(step.text).toContain('Шаг: Купить краску');
    await user.press(step, /Название/);
    expect((await user.say('Купить белую краску')).text).toContain('Шаг: Купить белую краску');
    await user.press(step, /Оценка/);
    expect((await user.say('45 мин')).text).toContain('Оценка: 45 мин');
    await user.press(step, /Когда/);
    const planned = await user.say('завтра в 10');
    const tomorrow = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 });
    expect(planned.text).toContain(`${tomorrow.toFormat('dd.MM')} 10:00`);
    // The goal card shows when the step is planned.
    await user.press(planned, /К цели/);
    expect(user.now(planned).text).toContain(
      `Купить белую краску · 📅 ${tomorrow.toFormat('dd.MM')} 10:00`,
    );

    await user.press(planned, /Изменить/);
    await user.press(planned, /1\. Купить белую/);
    await user.press(planned, /Удалить/);
    expect(user.now(planned).text).toContain('Удалить шаг «Купить белую краску»?');
    const yes = user.dataOf(planned, /Да, удалить/);
    expect(await user.pressData(planned, yes)).toBe('Шаг удалён.');
    expect(user.now(planned).text).toContain('Шагов пока нет');
    // A double tap on the confirmation says what happened.
    expect(await user.pressData(planned, yes)).toBe('Шаг удалён');
    context.steps.expectNoApology(user);
  });
});
