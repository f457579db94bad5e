import { defineTexts } from '../../../../common/texts.js';

/** The main menu, help, /start and /cancel. */
export const MENU_TEXTS = defineTexts({
  ru: {
    greeting: (name: string) =>
      `Привет, ${name}! Я maxOn — ваш коуч и планировщик. Напишите, чего хотите добиться или что запланировать, например: «хочу выучить испанский к лету» или «встреча с Олей завтра в 15:00».`,
    menuTitle: 'Главное меню',
    onboardingZone: (zone: string, now: string) =>
      `Часовой пояс: ${zone} (у вас сейчас ${now}). Если не так — выберите ниже или напишите город.`,
    onboardingOtherZone: '🌍 Другой город…',
    onboardingTry: 'Попробуйте — нажмите или напишите своё:',
    onboardingSwitchLang: '🌐 English',
    examples: [
      'Встреча с Олей завтра в 15:00',
      'Хочу выучить испанский к лету',
      'Что у меня на неделе?',
    ],
    menu: {
      goals: '🎯 Мои цели',
      calendar: '📅 Календарь',
      newEvent: '➕ Событие',
      today: '☀️ Сегодня',
      week: '🗓 Неделя',
      newGoal: '➕ Новая цель',
      habits: '🔁 Привычки',
      settings: '⚙️ Настройки',
      help: '❓ Помощь',
      web: '🌐 Веб-версия',
    },
    help: [
      '<b>Что я умею</b>',
      '• Пишите обычным языком: «встреча с Олей завтра в 15:00», «хочу пробежать 10 км к маю», «что у меня в пятницу?»',
      '• 🎯 Цели: проверю по SMART, предложу шаги и расставлю их в свободное время.',
      '• 📅 Календарь по дням и неделям, напоминания заранее.',
      '• Утренний дайджест, предупреждения о дедлайнах и вечернее напоминание о просроченных шагах — всё включается в ⚙️ Настройках.',
      '',
      'Команды: /goals, /today, /events, /newgoal, /settings, /help, /cancel',
    ].join('\n'),
    cancelled: 'Отменено. Чем ещё помочь?',
    nothingToCancel: 'Нечего отменять.',
    webLink: (minutes: number) =>
      `Ссылка для входа в maxOn в браузере. Она одноразовая и действует ${minutes} мин.`,
    webOpen: '🌐 Открыть maxOn',
  },
  en: {
    greeting: (name: string) =>
      `Hi, ${name}! I'm maxOn, your coach and planner. Tell me what you want to achieve or plan, e.g. "learn Spanish by summer" or "meeting with Olga tomorrow at 3pm".`,
    menuTitle: 'Main menu',
    onboardingZone: (zone: string, now: string) =>
      `Timezone: ${zone} (your time now ${now}). If that is wrong, pick one below or write your city.`,
    onboardingOtherZone: '🌍 Another city…',
    onboardingTry: 'Try it — tap one or write your own:',
    onboardingSwitchLang: '🌐 Русский',
    examples: [
      'Meeting with Olga tomorrow at 3pm',
      'I want to learn Spanish by summer',
      'What do I have this week?',
    ],
    menu: {
      goals: '🎯 My goals',
      calendar: '📅 Calendar',
      newEvent: '➕ Event',
      today: '☀️ Today',
      week: '🗓 Week',
      newGoal: '➕ New goal',
      habits: '🔁 Habits',
      settings: '⚙️ Settings',
      help: '❓ Help',
      web: '🌐 Web app',
    },
    help: [
      '<b>What I can do</b>',
      '• Write in plain words: "meeting with Olga tomorrow at 3pm", "run 10 km by May", "what do I have on Friday?"',
      '• 🎯 Goals: I check them against SMART, suggest steps and plan them into your free time.',
      '• 📅 Calendar by day and week, with reminders ahead of time.',
      '• Morning digest, deadline warnings and an evening nudge about overdue steps — switch each in ⚙️ Settings.',
      '',
      'Commands: /goals, /today, /events, /newgoal, /settings, /help, /cancel',
    ].join('\n'),
    cancelled: 'Cancelled. What else can I do?',
    nothingToCancel: 'Nothing to cancel.',
    webLink: (minutes: number) =>
      `Your link to maxOn in the browser. It works once, for ${minutes} min.`,
    webOpen: '🌐 Open maxOn',
  },
});
