import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { seedEvent, seedGoal, seedHabit, seedUser, type TestUser } from '../support/factories.js';
import { assistantChat } from '../support/assistant-chat.js';

const MOSCOW = 'Europe/Moscow';
const day = (offset: number) =>
  DateTime.now().setZone(MOSCOW).startOf('day').plus({ days: offset }).toISODate()!;

const chat = assistantChat();
const { send } = chat;

const rows = <T>(sql: string, params: unknown[]) => chat.app().db.query<T[]>(sql, params);
const goalTitles = async (user: TestUser) =>
  (
    await rows<{ title: string }>('SELECT title FROM goals WHERE user_id = $1 ORDER BY title', [
      user.id,
    ])
  ).map((row) => row.title);

const stepsOf = (user: TestUser) =>
  rows<{ goal_id: string; title: string }>(
    'SELECT s.goal_id, s.title FROM steps s JOIN goals g ON g.id = s.goal_id WHERE g.user_id = $1',
    [user.id],
  );

describe('a request that does not name its item asks which one, with the items as buttons', () => {
  it('"одну цель надо удалить" asks; the answer\'s words name the goal', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await seedGoal(chat.app(), user, { title: 'Купить квартиру' });
    await seedGoal(chat.app(), user, { title: 'Выучить немецкий' });
    const asked = await send(user, 'одну цель надо удалить');
    expect(asked.question).toBeTruthy();
    expect(asked.quickReplies).toEqual(
      expect.arrayContaining(['Купить квартиру', 'Выучить немецкий']),
    );
    expect(await goalTitles(user)).toHaveLength(2);
    const done = await send(user, 'про квартиру');
    expect(done.actions).toEqual([expect.objectContaining({ kind: 'goal_deleted' })]);
    expect(await goalTitles(user)).toEqual(['Выучить немецкий']);
  });

  it('a step said without its goal, with several goals, asks which goal', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await seedGoal(chat.app(), user, { title: 'Написать книгу' });
    const german = await seedGoal(chat.app(), user, { title: 'Выучить немецкий до B1' });
    const asked = await send(user, 'добавь шаг посмотреть обучающие видео');
    expect(asked.question).toBeTruthy();
    expect(asked.actions).toEqual([]);
    await send(user, 'для немецкого');
    const steps = await stepsOf(user);
    expect(steps).toEqual([{ goal_id: german.id, title: 'Посмотреть обучающие видео' }]);
  });

  it('"add a step" + "to python: read …" takes the goal from before the colon', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await seedGoal(chat.app(), user, { title: 'Write a novel' });
    const python = await seedGoal(chat.app(), user, { title: 'Learn Python' });
    await send(user, 'add a step');
    await send(user, 'to python: read automate the boring stuff');
    const steps = await stepsOf(user);
    expect(steps).toEqual([{ goal_id: python.id, title: 'Read automate the boring stuff' }]);
  });

  it('"one of the <goal> steps" asks among that goal\'s steps only; the answer picks one', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await seedGoal(chat.app(), user, { title: 'Learn guitar', steps: ['Buy a capo'] });
    await seedGoal(chat.app(), user, {
      title: 'Run a marathon',
      steps: ['Buy running shoes', 'Run 10 km'],
    });
    const asked = await send(user, 'mark one of the marathon steps done');
    expect(asked.actions).toEqual([]);
    expect(asked.quickReplies).toEqual(expect.arrayContaining(['Buy running shoes', 'Run 10 km']));
    expect(asked.quickReplies).not.toContain('Buy a capo');
    const done = await send(user, 'the shoes, got them today');
    expect(done.actions).toEqual([
      expect.objectContaining({ kind: 'step_updated', title: 'Buy running shoes' }),
    ]);
  });

  it('"which goal?" answered "the <name> goal" picks it, not a list of goals', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await seedGoal(chat.app(), user, { title: 'Write a novel' });
    const python = await seedGoal(chat.app(), user, { title: 'Learn Python basics' });
    await send(user, 'add step: finish the course');
    await send(user, 'the python basics goal');
    expect(await stepsOf(user)).toEqual([{ goal_id: python.id, title: 'Finish the course' }]);
  });

  it('"mark it done" with habits of today asks which habit; the pick keeps the day said', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    for (const title of ['Guitar practice', 'Vitamins']) {
      await seedHabit(chat.app(), user, { title, startedOn: day(-30) });
    }
    const asked = await send(user, 'mark it done');
    expect(asked.intent).toBe('habit_check_in');
    expect(asked.quickReplies).toEqual(expect.arrayContaining(['Guitar practice', 'Vitamins']));
    await send(user, 'guitar, for yesterday');
    const checkIns = await rows<{ title: string; day: string }>(
      `SELECT h.title, c.local_date::text AS day FROM habit_check_ins c
         JOIN habits h ON h.id = c.habit_id WHERE h.user_id = $1`,
      [user.id],
    );
    expect(checkIns).toEqual([{ title: 'Guitar practice', day: day(-1) }]);
  });

  it('"есть! сделала ✅" alone asks which habit instead of reading it as anything else', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await seedHabit(chat.app(), user, { title: 'Витамины', startedOn: day(-30) });
    const asked = await send(user, 'есть! сделала ✅');
    expect(asked).toMatchObject({ intent: 'habit_check_in', actions: [] });
    expect(asked.quickReplies).toContain('Витамины');
    expect((await send(user, 'Витамины')).actions).toEqual([
      expect.objectContaining({ kind: 'habit_checked_in', title: 'Витамины' }),
    ]);
  });

  it('a check-in of a day that is already final is explained, not an error', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await seedHabit(chat.app(), user, { title: 'Guitar practice', startedOn: day(-30) });
    const weekday = DateTime.now().setZone(MOSCOW).minus({ days: 3 }).toFormat('cccc');
    const reply = await send(user, `log guitar for ${weekday.toLowerCase()}`);
    expect(reply.text).toMatch(/only today and yesterday/);
    expect(reply.actions).toEqual([]);
  });
});

describe('a week said instead of a day asks which day of it', () => {
  const nextWeekDay = (weekday: number, hour: number) =>
    DateTime.now()
      .setZone(MOSCOW)
      .startOf('week')
      .plus({ weeks: 1, days: weekday - 1, hours: hour })
      .toUTC()
      .toISO({ suppressMilliseconds: true });

  it('"кофе с Аней на следующей неделе" + "в четверг" + "в 10": that week\'s Thursday', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    expect((await send(user, 'кофе с Аней на следующей неделе')).question).toBe('В какой день?');
    expect((await send(user, 'в четверг')).question).toBeTruthy();
    await send(user, 'в 10');
    const events = await rows<{ title: string; starts_at: Date }>(
      'SELECT title, starts_at FROM events WHERE user_id = $1',
      [user.id],
    );
    expect(
      events.map((e) => [
        e.title,
        DateTime.fromJSDate(e.starts_at).toUTC().toISO({ suppressMilliseconds: true }),
      ]),
    ).toEqual([['Кофе с Аней', nextWeekDay(4, 10)]]);
  });

  it('"dinner w the neighbors" + "sometime next week" asks the day; "thursday at 7" sets it', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    expect((await send(user, 'dinner w the neighbors')).question).toBeTruthy();
    const narrowed = await send(user, 'sometime next week');
    expect(narrowed).toMatchObject({ question: 'Which day?', actions: [] });
    await send(user, 'thursday at 7');
    const events = await rows<{ title: string; starts_at: Date }>(
      'SELECT title, starts_at FROM events WHERE user_id = $1',
      [user.id],
    );
    expect(
      events.map((e) => [
        e.title,
        DateTime.fromJSDate(e.starts_at).toUTC().toISO({ suppressMilliseconds: true }),
      ]),
    ).toEqual([['Dinner w the neighbors', nextWeekDay(4, 19)]]);
  });

  it('"созвон с поставщиком" + "что у меня на следующей неделе" is a question, not the day', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await send(user, 'созвон с поставщиком');
    const listed = await send(user, 'что у меня на следующей неделе');
    expect(listed.intent).toBe('event_search');
  });

  it('"move the chiropractor to next week" + "tuesday": next week\'s Tuesday, same time', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    const id = await seedEvent(chat.app(), user, {
      title: 'Chiropractor',
      start: DateTime.now().setZone(MOSCOW).startOf('day').plus({ days: 1, hours: 9 }).toISO()!,
    });
    expect((await send(user, 'move the chiropractor to next week')).question).toBe('Which day?');
    await send(user, 'tuesday');
    const [row] = await rows<{ starts_at: Date }>('SELECT starts_at FROM events WHERE id = $1', [
      id,
    ]);
    expect(DateTime.fromJSDate(row!.starts_at).toUTC().toISO({ suppressMilliseconds: true })).toBe(
      nextWeekDay(2, 9),
    );
  });
});

describe('an answer to "what is it called?" or "when?" that says more', () => {
  it('"поставь напоминалку" + "через 15 минут выключить суп": a reminder at that time', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await send(user, 'поставь напоминалку');
    const reply = await send(user, 'через 15 минут выключить суп');
    expect(reply.text).toMatch(/Напомню .*Выключить суп/);
    const [event] = await rows<{ title: string; reminder_minutes_before: number[] }>(
      'SELECT title, reminder_minutes_before FROM events WHERE user_id = $1',
      [user.id],
    );
    expect(event).toEqual({ title: 'Выключить суп', reminder_minutes_before: [0] });
  });

  it('"поставь встречу" + "с директором послезавтра в 16:30": whose meeting joins the title', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await send(user, 'поставь встречу');
    await send(user, 'с директором послезавтра в 16:30');
    const titles = await rows<{ title: string }>('SELECT title FROM events WHERE user_id = $1', [
      user.id,
    ]);
    expect(titles).toEqual([{ title: 'Встреча с директором' }]);
  });
});

describe('the answer to "an event, a goal or a habit?"', () => {
  it('"habit, 4x a week" keeps the schedule; "it\'s a goal - …" sets the goal', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await send(user, 'guitar');
    await send(user, 'habit, 4x a week');
    const habits = await rows<{ title: string; schedule_kind: string; schedule_count: number }>(
      'SELECT title, schedule_kind, schedule_count FROM habits WHERE user_id = $1',
      [user.id],
    );
    expect(habits).toEqual([
      expect.objectContaining({
        title: 'Guitar',
        schedule_kind: 'times_per_week',
        schedule_count: 4,
      }),
    ]);
    await send(user, 'spanish');
    await send(user, "it's a goal - reach B1 by september");
    expect(await goalTitles(user)).toHaveLength(1);
  });
});

describe('answers that also read as requests', () => {
  it('"check off my habit" + "flossing" picks the habit, it does not create one', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await seedHabit(chat.app(), user, { title: 'Flossing', startedOn: day(-30) });
    await seedHabit(chat.app(), user, { title: 'Guitar practice', startedOn: day(-30) });
    await send(user, 'check off my habit');
    const reply = await send(user, 'flossing');
    expect(reply.actions).toEqual([expect.objectContaining({ kind: 'habit_checked_in' })]);
    const habits = await rows<{ title: string }>('SELECT title FROM habits WHERE user_id = $1', [
      user.id,
    ]);
    expect(habits).toHaveLength(2);
  });

  it('"dinner with the in-laws sat" + "wait make it sunday at 7": Sunday 19:00', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await send(user, 'dinner with the in-laws sat');
    await send(user, 'wait make it sunday at 7');
    const [event] = await rows<{ title: string; starts_at: Date }>(
      'SELECT title, starts_at FROM events WHERE user_id = $1',
      [user.id],
    );
    const local = DateTime.fromJSDate(event!.starts_at).setZone(MOSCOW);
    expect([event!.title, local.weekday, local.toFormat('HH:mm')]).toEqual([
      'Dinner with the in-laws',
      7,
      '19:00',
    ]);
  });

  it('"др у коллеги" + "в этот чт": an all-day birthday, no time asked', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await send(user, 'др у коллеги');
    const reply = await send(user, 'в четверг');
    expect(reply.actions).toEqual([expect.objectContaining({ kind: 'event_created' })]);
    const [event] = await rows<{ all_day: boolean }>(
      'SELECT all_day FROM events WHERE user_id = $1',
      [user.id],
    );
    expect(event).toEqual({ all_day: true });
  });
});

describe('a correction right after an event was made', () => {
  it.each([
    ['RU', 'планерка с персоналом в пятницу в 8', 'нет, в 8:30', 'Планерка с персоналом', '08:30'],
    ['EN', 'team dinner fri at 7', 'no sorry 7:30', 'Team dinner', '19:30'],
    ['RU', 'встреча с фотографом в пятницу в 12', 'ой нет, в час', 'Встреча с фотографом', '13:00'],
    ['EN', 'bowling w the kids tomorrow at 4', 'no wait make it 5', 'Bowling w the kids', '17:00'],
    ['RU', 'планерка завтра в 9', 'ой, не завтра, а в среду', 'Планерка', '09:00'],
  ] as const)(
    '%s "%s" + "%s" moves that event, no second one',
    async (language, first, fix, title, at) => {
      const user = await seedUser(chat.app(), { timezone: MOSCOW, language });
      await send(user, first);
      const reply = await send(user, fix);
      expect(reply.actions).toEqual([expect.objectContaining({ kind: 'event_updated' })]);
      const events = await rows<{ title: string; starts_at: Date }>(
        'SELECT title, starts_at FROM events WHERE user_id = $1',
        [user.id],
      );
      const local = events.map((event) => [
        event.title,
        DateTime.fromJSDate(event.starts_at).setZone(MOSCOW).toFormat('HH:mm'),
      ]);
      expect(local).toEqual([[title, at]]);
    },
  );

  it('"нет, в 8:30" after another turn moves nothing', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await send(user, 'планерка в пятницу в 8');
    await send(user, 'что у меня завтра');
    const reply = await send(user, 'нет, в 8:30');
    expect(reply).toMatchObject({ actions: [], question: expect.any(String) });
    const [event] = await rows<{ starts_at: Date }>(
      'SELECT starts_at FROM events WHERE user_id = $1',
      [user.id],
    );
    expect(DateTime.fromJSDate(event!.starts_at).setZone(MOSCOW).toFormat('HH:mm')).toBe('08:00');
  });

  it('"нет, в пятницу ужин с Аней" is a request of its own', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await send(user, 'планерка завтра в 9');
    await send(user, 'нет, в пятницу в 19 ужин с Аней');
    const events = await rows<{ title: string }>('SELECT title FROM events WHERE user_id = $1', [
      user.id,
    ]);
    expect(events).toHaveLength(2);
  });
});

describe('a new request instead of the answer', () => {
  it('"sudoku" + "wait, what\'s on my calendar tomorrow" lists tomorrow', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await send(user, 'sudoku');
    const reply = await send(user, "wait, what's on my calendar tomorrow");
    expect(reply.intent).toBe('event_search');
  });

  it('"delete one of my goals" + "actually how am i doing on the 10k" deletes nothing', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await seedGoal(chat.app(), user, { title: 'Run a 10k' });
    await seedGoal(chat.app(), user, { title: 'Write a novel' });
    await send(user, 'delete one of my goals');
    const reply = await send(user, 'actually how am i doing on the 10k');
    expect(reply.intent).toBe('goal_progress');
    expect(await goalTitles(user)).toHaveLength(2);
  });
});

describe('answers about goals, steps and habits', () => {
  it('"хочу в одну цель ещё пункт докинуть" + "…, это для …": a step of that goal', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await seedGoal(chat.app(), user, { title: 'Сделать ремонт в ванной' });
    const garden = await seedGoal(chat.app(), user, { title: 'Вырастить огород на даче' });
    const asked = await send(user, 'хочу в одну цель еще пункт докинуть');
    expect(asked.question).toBeTruthy();
    await send(user, 'купить семена, это для огорода на даче');
    expect(await stepsOf(user)).toEqual([{ goal_id: garden.id, title: 'Купить семена' }]);
    expect(await goalTitles(user)).toHaveLength(2);
  });

  it('"удали шаг" + "про … который": the step those words name', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await seedGoal(chat.app(), user, {
      title: 'Найти работу',
      steps: ['Обновить резюме', 'Пройти 5 собеседований', 'Продумать портфолио'],
    });
    await send(user, 'надо шаг удалить');
    await send(user, 'про 5 собеседований который');
    const titles = (await stepsOf(user)).map((step) => step.title).sort();
    expect(titles).toEqual(['Обновить резюме', 'Продумать портфолио']);
  });

  it('"pottery" + "i wanna track it, 2 times a week": a habit named by the first message', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    const asked = await send(user, 'pottery');
    expect(asked.intent).toBe('unknown');
    const made = await send(user, 'i wanna track it, like 2 times a week');
    expect(made.actions).toEqual([expect.objectContaining({ kind: 'habit_created' })]);
    const habits = await rows<{ title: string }>('SELECT title FROM habits WHERE user_id = $1', [
      user.id,
    ]);
    expect(habits).toEqual([{ title: 'Pottery' }]);
  });
});
