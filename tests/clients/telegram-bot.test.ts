import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { COMMANDS } from '../../src/clients/shared/bot-core.js';
import { useOwnDatabase } from '../support/own-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  asTelegramUser,
  buttonsOf,
  current,
  editedTo,
  newTelegramUser,
  press,
  startTelegramHarness,
  type TelegramHarness,
} from './telegram-harness.js';

// The bot's worker-made notifications come from a worker sweeping the whole database.
await useOwnDatabase();

let app: TestApp;
let harness: TelegramHarness;

beforeAll(async () => {
  app = await startTestApp({
    WORKER_ENABLED: 'true',
    JOBS_PROCESS_EVERY_MS: '200',
    NOTIFICATION_SWEEP_SECONDS: '1',
  });
  harness = await startTelegramHarness(app);
});

afterAll(async () => {
  await harness?.stop();
  await app?.stop();
});

const fake = () => harness.fake;

async function started(languageCode = 'ru') {
  const user = newTelegramUser(languageCode);
  fake().sendText(user, '/start');
  const menu = await fake().nextMessage(user.id);
  return { user, menu, api: asTelegramUser(app, user) };
}

describe('Telegram bot', () => {
  it('/start registers the user through the API, greets in their language and shows the menu', async () => {
    const { user, menu, api } = await started('ru');
    expect(menu.plainText).toContain(`Привет, ${user.first_name}!`);
    expect(buttonsOf(menu).map((b) => b.text)).toEqual(
      expect.arrayContaining(['🎯 Цели', '📅 Сегодня', '⚙️ Настройки', '❓ Помощь']),
    );
    const { me } = await api('{ me { displayName settings { language } } }');
    expect(me).toEqual({ displayName: user.first_name, settings: { language: 'RU' } });

    const english = await started('en-US');
    expect(english.menu.plainText).toContain(`Hi, ${english.user.first_name}!`);
    expect(buttonsOf(english.menu).map((b) => b.text)).toContain('🎯 Goals');

    expect(
      fake()
        .commands()
        .map((c) => c.command),
    ).toEqual([...COMMANDS]);
    expect(
      fake()
        .commands('en')
        .find((c) => c.command === 'goals')?.description,
    ).toBe('My goals');
  });

  it('navigates by buttons, editing the one message in place and answering every press', async () => {
    const { user, menu } = await started();
    const goalsQuery = press(fake(), user, menu, /Цели/);
    const goals = await editedTo(fake(), menu, 1);
    expect(goals.plainText).toContain('Целей пока нет');
    press(fake(), user, goals, /Меню/);
    const back = await editedTo(fake(), menu, 2);
    expect(back.plainText).toContain('Главное меню');
    expect(fake().messages(user.id)).toHaveLength(1);
    await fake().waitFor(() => fake().callbackAnswers.length >= 2);
    expect(fake().callbackAnswers.map((a) => a.callback_query_id)).toContain(goalsQuery);
  });

  it('creates a goal, adds a step through a dialog and completes it with a button', async () => {
    const { user, api } = await started();
    fake().sendText(user, '/newgoal');
    expect((await fake().nextMessage(user.id)).plainText).toContain('Как назовём цель?');
    fake().sendText(user, 'Выучить испанский');
    const card = await fake().nextMessage(user.id);
    expect(card.plainText).toContain('🎯 Выучить испанский');

    press(fake(), user, card, /Изменить/);
    const editMenu = await editedTo(fake(), card, 1);
    press(fake(), user, editMenu, /Шаг/);
    expect((await fake().nextMessage(user.id)).plainText).toContain('Напишите шаг');
    fake().sendText(user, 'Купить учебник');
    const withStep = await fake().nextMessage(user.id);
    expect(withStep.plainText).toContain('⬜ 1. Купить учебник');

    press(fake(), user, withStep, /✅ 1\. Купить учебник/);
    const done = await editedTo(fake(), withStep, 1);
    expect(done.plainText).toContain('✅ 1. Купить учебник');
    expect(done.plainText).toContain('100%');
    const { goals } = await api('{ goals { items { title progress status } } }');
    expect(goals.items).toEqual([
      { title: 'Выучить испанский', progress: 100, status: 'COMPLETED' },
    ]);
  });

  it('makes a plan in one edited message, then accepts it into the goal', async () => {
    const { user, api } = await started();
    fake().sendText(user, '/newgoal');
    await fake().nextMessage(user.id);
    fake().sendText(user, 'Пробежать 10 км к маю');
    const card = await fake().nextMessage(user.id);
    press(fake(), user, card, /План/);
    const progress = await editedTo(fake(), card, 1);
    expect(progress.plainText).toMatch(/Составляю план…|Предлагаю такие шаги/);
    const proposal = await fake().waitFor(() => {
      const now = current(fake(), card);
      return now.plainText.includes('Предлагаю такие шаги') ? now : undefined;
    });
    expect(fake().messages(user.id).at(-1)?.message_id).toBe(card.message_id);
    press(fake(), user, proposal, /Принять план/);
    const accepted = await fake().waitFor(() => {
      const now = current(fake(), card);
      return now.plainText.includes('⬜ 1.') ? now : undefined;
    });
    const { goals } = await api('{ goals { items { steps { title ifThenCue } } } }');
    const steps = goals.items[0].steps;
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(accepted.plainText).toContain(steps[0].title);
    expect(steps.every((step: { ifThenCue: string }) => step.ifThenCue)).toBe(true);
  });

  it('shows the calendar grouped by day and moves between days', async () => {
    const { user, api } = await started();
    const today = DateTime.now().setZone('Europe/Moscow');
    await api(`mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
      input: {
        title: 'Встреча',
        start: today.set({ hour: 15, minute: 0, second: 0, millisecond: 0 }).toISO(),
        durationMinutes: 120,
      },
    });
    fake().sendText(user, '/today');
    const day = await fake().nextMessage(user.id);
    const weekday = [
      'Понедельник',
      'Вторник',
      'Среда',
      'Четверг',
      'Пятница',
      'Суббота',
      'Воскресенье',
    ][today.weekday - 1];
    expect(day.plainText).toContain(`━━━ ${weekday}, ${today.toFormat('dd.MM')} ━━━`);
    expect(day.plainText).toContain('⏰ 15:00 Встреча (2ч)');

    press(fake(), user, day, /▶️/);
    const tomorrow = await editedTo(fake(), day, 1);
    expect(tomorrow.plainText).toContain(today.plus({ days: 1 }).toFormat('dd.MM'));
    expect(tomorrow.plainText).not.toContain('Встреча');
  });

  it('toggles a notification kind in settings', async () => {
    const { user, api } = await started();
    fake().sendText(user, '/settings');
    const settings = await fake().nextMessage(user.id);
    expect(buttonsOf(settings).map((b) => b.text)).toContain('✅ Утренний дайджест');
    press(fake(), user, settings, /Утренний дайджест/);
    const after = await editedTo(fake(), settings, 1);
    expect(buttonsOf(after).map((b) => b.text)).toContain('❌ Утренний дайджест');
    const { me } = await api('{ me { settings { morningDigestEnabled eventRemindersEnabled } } }');
    expect(me.settings).toEqual({ morningDigestEnabled: false, eventRemindersEnabled: true });
  });

  it('sends free text to the assistant (offline engine) with a typing indicator', async () => {
    const { user, api } = await started();
    fake().sendText(user, 'встреча с Олей завтра в 15:00');
    const reply = await fake().nextMessage(user.id);
    expect(fake().chatActions(user.id)).toContain('typing');
    expect(buttonsOf(reply).map((b) => b.text)).toContain('📅 Открыть событие');
    const tomorrow = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 }).startOf('day');
    const { events } = await api(
      `query ($from: DateTimeISO!, $to: DateTimeISO!) { events(from: $from, to: $to) { startLocal event { title } } }`,
      { from: tomorrow.toISO(), to: tomorrow.plus({ days: 1 }).toISO() },
    );
    expect(events).toHaveLength(1);
    expect(events[0].startLocal).toContain('T15:00');
    expect(reply.plainText).toContain(events[0].event.title);
  });

  it('keeps a multi-step edit across a bot restart', async () => {
    const { user, api } = await started();
    fake().sendText(user, '/newgoal');
    await fake().nextMessage(user.id);
    fake().sendText(user, 'Старое название');
    const card = await fake().nextMessage(user.id);
    press(fake(), user, card, /Изменить/);
    const editMenu = await editedTo(fake(), card, 1);
    press(fake(), user, editMenu, /Название/);
    expect((await fake().nextMessage(user.id)).plainText).toContain('новое название');

    await harness.restartBot();
    fake().sendText(user, 'Новое название');
    const renamed = await fake().nextMessage(user.id);
    expect(renamed.plainText).toContain('🎯 Новое название');
    const { goals, dialogState } = await api('{ goals { items { title } } dialogState }');
    expect(goals.items).toEqual([{ title: 'Новое название' }]);
    expect(dialogState?.dialog).toBeUndefined();
  });

  it('/cancel leaves a dialog, and an answer the API rejects keeps it', async () => {
    const { user, api } = await started();
    fake().sendText(user, '/settings');
    const settings = await fake().nextMessage(user.id);
    press(fake(), user, settings, /Часовой пояс/);
    await fake().nextMessage(user.id);
    fake().sendText(user, 'Mars/Olympus_Mons');
    expect((await fake().nextMessage(user.id)).plainText).toContain('Не получилось');
    fake().sendText(user, 'Asia/Tokyo');
    expect((await fake().nextMessage(user.id)).plainText).toContain('Asia/Tokyo');

    press(fake(), user, current(fake(), settings), /Тихие часы/);
    await fake().nextMessage(user.id);
    fake().sendText(user, '/cancel');
    expect((await fake().nextMessage(user.id)).plainText).toContain('Отменено');
    const { dialogState, me } = await api('{ dialogState me { settings { timezone } } }');
    expect(dialogState).toBeNull();
    expect(me.settings.timezone).toBe('Asia/Tokyo');
  });

  it('delivers a notification with buttons, acknowledges it, and snoozes once per press', async () => {
    const { user, api } = await started();
    await api(`mutation ($input: CreateReminderInput!) { createReminder(input: $input) { id } }`, {
      input: {
        type: 'ONE_TIME',
        text: 'Позвонить маме',
        triggerAt: new Date(Date.now() + 1500).toISOString(),
      },
    });
    const notification = await fake().nextMessage(user.id, 15_000);
    expect(notification.plainText).toContain('Позвонить маме');
    expect(buttonsOf(notification).map((b) => b.text)).toEqual(
      expect.arrayContaining(['Готово', '💤 Через 10 мин', '💤 Через час']),
    );
    const history = async () =>
      (await api('{ notificationHistory { items { id status availableAt } } }')).notificationHistory
        .items;
    await fake().waitFor(async () => (await history())[0]?.status === 'DELIVERED', 8000);

    const snooze = buttonsOf(notification).find((b) => b.text === '💤 Через 10 мин')!;
    fake().pressButton(user, notification.message_id, snooze.callback_data!);
    const snoozed = await editedTo(fake(), notification, 1);
    expect(snoozed.plainText).toContain('Позвонить маме');
    expect(snoozed.plainText).toContain('Отложено');
    expect(buttonsOf(snoozed)).toEqual([]);

    // The same button again, from an old copy of the message: harmless.
    const again = fake().pressButton(user, notification.message_id, snooze.callback_data!, {
      force: true,
    });
    await fake().waitFor(() => fake().callbackAnswers.some((a) => a.callback_query_id === again));
    const rows = await history();
    const pending = rows.filter((row: { status: string }) => row.status === 'PENDING');
    expect(pending).toHaveLength(1);
    expect(Date.parse(pending[0].availableAt) - Date.now()).toBeGreaterThan(8 * 60_000);
  }, 30_000);

  it('waits retry_after on a 429 and then sends', async () => {
    const { user } = await started();
    fake().failNext('sendMessage', { status: 429, retryAfter: 1 });
    fake().sendText(user, '/help');
    const help = await fake().nextMessage(user.id);
    expect(help.plainText).toContain('Что я умею');
    const attempts = fake().calls.filter(
      (call) => call.method === 'sendMessage' && String(call.payload.chat_id) === String(user.id),
    );
    const refused = attempts.findIndex((call) => call.status === 429);
    expect(refused).toBeGreaterThanOrEqual(0);
    const retried = attempts[refused + 1]!;
    expect(retried.status).toBe(200);
    expect(retried.at - attempts[refused]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('escapes hostile titles and keeps long screens within 4096 characters', async () => {
    const { user, api } = await started();
    const hostile = '<script>alert("x")</script> & Co <b>';
    fake().sendText(user, '/newgoal');
    await fake().nextMessage(user.id);
    fake().sendText(user, hostile);
    const card = await fake().nextMessage(user.id);
    expect(card.plainText).toContain(`🎯 ${hostile}`);
    expect(card.text).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; Co &lt;b&gt;');

    const long = (n: number) => `Шаг ${n} ${'очень длинное описание '.repeat(9)}`.slice(0, 200);
    const { createGoal } = await api(
      `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }`,
      {
        input: {
          title: 'Длинная',
          steps: Array.from({ length: 30 }, (_, i) => ({ title: long(i) })),
        },
      },
    );
    fake().sendText(user, '/goals');
    const list = await fake().nextMessage(user.id);
    press(fake(), user, list, /Длинная/);
    const edited = await editedTo(fake(), list, 1);
    expect(edited.plainText.length).toBeLessThanOrEqual(4096);
    expect(edited.plainText).toContain('🎯 Длинная');

    press(fake(), user, edited, /Изменить/);
    const editMenu = await editedTo(fake(), list, 2);
    press(fake(), user, editMenu, /Шаг/);
    await fake().nextMessage(user.id);
    fake().sendText(user, 'Последний шаг');
    const first = await fake().nextMessage(user.id);
    const second = await fake().nextMessage(user.id);
    expect(first.plainText.length).toBeLessThanOrEqual(4096);
    expect(second.plainText.length).toBeLessThanOrEqual(4096);
    expect(buttonsOf(first)).toEqual([]);
    expect(second.plainText).toContain('31. Последний шаг');
    expect(buttonsOf(second).length).toBeGreaterThan(0);
    expect(createGoal.id).toBeTruthy();
  });

  it('answers outdated, forged and stale buttons politely and keeps working', async () => {
    const { user, menu, api } = await started();
    const forged = fake().pressButton(user, menu.message_id, 'zz:nonsense', { force: true });
    await fake().waitFor(() => fake().callbackAnswers.find((a) => a.callback_query_id === forged));
    expect(fake().callbackAnswers.find((a) => a.callback_query_id === forged)?.text).toBe(
      'Эта кнопка устарела.',
    );

    fake().sendText(user, '/newgoal');
    await fake().nextMessage(user.id);
    fake().sendText(user, 'Скоро исчезнет');
    const card = await fake().nextMessage(user.id);
    const { goals } = await api('{ goals { items { id } } }');
    await api(`mutation ($id: ID!) { deleteGoal(id: $id) }`, { id: goals.items[0].id });
    const stale = press(fake(), user, card, /Изменить/);
    const refreshed = await editedTo(fake(), card, 1);
    expect(refreshed.plainText).toContain('Целей пока нет');
    expect(fake().callbackAnswers.find((a) => a.callback_query_id === stale)?.text).toBe(
      'Этого уже нет — открываю свежий список.',
    );

    fake().sendVoice(user, new Uint8Array([1, 2, 3]), 2);
    expect((await fake().nextMessage(user.id)).plainText).toContain('Голосовые сообщения');
  });
});
