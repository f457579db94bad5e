import { defineTexts, type Lang } from '../../common/texts.js';

/** The assistant's own words, in Russian and English. */
export const REPLIES = defineTexts({
  ru: {
    greeting:
      'Привет! Я maxOn — помогу с целями, шагами и календарём. Напишите, что запланировать.',
    thanks: 'Пожалуйста! Обращайтесь.',
    farewell: 'До встречи! Я напомню, когда будет нужно.',
    chat: 'Я здесь. Напишите, что запланировать или отметить.',
    help: 'Я понимаю, например: «встреча с Олей завтра в 15 на час», «что у меня в пятницу?», «когда я свободен в четверг?», «хочу выучить испанский к лету», «как мои цели?».',
    unknown:
      'Не понял. Попробуйте, например: «встреча завтра в 15:00» или «хочу пробежать 10 км к маю».',
    cancelled: 'Хорошо, отменил.',
    eventCreated: (title: string, when: string, reminder: string) =>
      `✅ Добавил: «${title}» — ${when}\n🔔 Напомню ${reminder}`,
    eventCreatedSilent: (title: string, when: string) =>
      `✅ Добавил: «${title}» — ${when}\n🔕 Без напоминания`,
    reminderSet: (title: string, when: string) => `⏰ Напомню ${when}: ${title}`,
    remindersChanged: (title: string, reminder: string) => `🔔 «${title}»: напомню ${reminder}`,
    remindersOff: (title: string) => `🔕 «${title}»: без напоминаний`,
    today: 'сегодня',
    tomorrow: 'завтра',
    at: (day: string, time: string) => `${day} в ${time}`,
    eventMoved: (title: string, when: string) => `✅ Перенёс «${title}» на ${when}`,
    eventChanged: (title: string, when: string) => `✅ «${title}»: ${when}`,
    remindLine: (reminder: string) => `🔔 Напомню ${reminder}`,
    silentLine: '🔕 Без напоминания',
    eventDeleted: (title: string) => `🗑 Удалил «${title}»`,
    eventNotFound: 'Не нашёл такого события.',
    whichEvent: 'Нашёл несколько. Какое событие?',
    whichGoal: 'Подходят несколько целей. Какую?',
    whichStep: 'Подходят несколько шагов. Какой?',
    eventsNone: 'В этот период событий нет.',
    eventsHeader: 'Ваши события:',
    freeHeader: 'Свободное время:',
    freeNone: 'Свободных окон в рабочие часы нет.',
    goalCreated: (title: string) => `🎯 Цель поставлена: «${title}». Разбить её на шаги?`,
    goalCreatedBy: (title: string, date: string) =>
      `🎯 Цель поставлена: «${title}»\n📅 Срок: ${date}. Разбить её на шаги?`,
    goalsNone: 'Целей пока нет.',
    goalsHeader: 'Ваши цели:',
    goalNotFound: 'Не нашёл такую цель.',
    goalDeleted: (title: string) => `🗑 Удалил цель «${title}»`,
    stepAdded: (title: string, goal: string) => `➕ Шаг «${title}» добавлен в цель «${goal}»`,
    stepNotFound: 'Не нашёл такой шаг.',
    stepStatus: (title: string) => `✅ Шаг «${title}» отмечен`,
    stepDeleted: (title: string) => `🗑 Шаг «${title}» удалён`,
    noGoalForStep: 'Сначала поставьте цель — тогда добавлю в неё шаг.',
    habitCreated: (title: string, schedule: string, time: string | null) =>
      `🔁 Привычка «${title}» · ${schedule}${time ? ` · напомню в ${time}` : ''}`,
    habitCheckedIn: (title: string, streak: number) =>
      `✅ «${title}» отмечено${streak > 1 ? ` · 🔥 ${streak} дн. подряд` : ''}`,
    habitSkipped: (title: string) => `⏭ «${title}»: пропуск отмечен`,
    habitDayFinal: (title: string) =>
      `«${title}»: отметить можно только сегодня и вчера — более ранние дни уже закрыты.`,
    habitNotFound:
      'Не нашёл такую привычку. Создать её? Напишите, например: «каждый день зарядка в 7».',
    habitWhich: 'Какую привычку отметить?',
    habitsNone: 'Привычек пока нет. Напишите, например: «каждое утро зарядка 10 минут».',
    habitsHeader: 'Ваши привычки:',
    habitLine: (title: string, done: boolean, streak: number) =>
      `${done ? '✅' : '⬜'} ${title}${streak > 0 ? ` · 🔥 ${streak}` : ''}`,
    schedule: {
      daily: 'каждый день',
      weekdays: (days: string) => `по дням: ${days}`,
      times_per_week: (n: number) => `${n} р. в неделю`,
      times_per_month: (n: number) => `${n} р. в месяц`,
      every_n_days: (n: number) => `раз в ${n} дн.`,
    },
    weekdayShort: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
    kindLabels: { event_create: '📅 Событие', goal_create: '🎯 Цель', habit_create: '🔁 Привычка' },
    quick: {
      plan: 'Разбить на шаги',
      smart: 'Проверить по SMART',
      thisOne: 'Этот',
      nextOne: 'Следующий',
      cancel: 'Отмена',
      undo: '↩️ Отменить',
      edit: '✏️ Изменить',
    },
    undone: (title: string) => `↩️ Вернул как было: «${title}»`,
    nothingToUndo: 'Отменять нечего: последнее действие уже отменено или его не было.',
    whatToChange: (title: string) =>
      `Что изменить в «${title}»? Например: «на 19:00», «на пятницу», «в четверг в 10».`,
  },
  en: {
    greeting: 'Hi! I am maxOn: I help with goals, steps and your calendar. Tell me what to plan.',
    thanks: 'You are welcome!',
    farewell: 'See you! I will remind you when it matters.',
    chat: 'I am here. Tell me what to plan or check in.',
    help: 'Try: "lunch with Ann tomorrow at 1pm for an hour", "what do I have on Friday?", "when am I free on Thursday?", "I want to learn Spanish by summer", "how are my goals?".',
    unknown: 'I did not get that. Try "meeting tomorrow at 3pm" or "run 10 km by May".',
    cancelled: 'OK, cancelled.',
    eventCreated: (title: string, when: string, reminder: string) =>
      `✅ Added: "${title}" — ${when}\n🔔 I'll remind you ${reminder}`,
    eventCreatedSilent: (title: string, when: string) =>
      `✅ Added: "${title}" — ${when}\n🔕 No reminder`,
    reminderSet: (title: string, when: string) => `⏰ I'll remind you ${when}: ${title}`,
    remindersChanged: (title: string, reminder: string) =>
      `🔔 "${title}": I'll remind you ${reminder}`,
    remindersOff: (title: string) => `🔕 "${title}": no reminders`,
    today: 'today',
    tomorrow: 'tomorrow',
    at: (day: string, time: string) => `${day} at ${time}`,
    eventMoved: (title: string, when: string) => `✅ Moved "${title}" to ${when}`,
    eventChanged: (title: string, when: string) => `✅ "${title}": ${when}`,
    remindLine: (reminder: string) => `🔔 I'll remind you ${reminder}`,
    silentLine: '🔕 No reminder',
    eventDeleted: (title: string) => `🗑 Deleted "${title}"`,
    eventNotFound: 'I could not find that event.',
    whichEvent: 'I found several. Which event?',
    whichGoal: 'Several goals fit. Which one?',
    whichStep: 'Several steps fit. Which one?',
    eventsNone: 'No events in that period.',
    eventsHeader: 'Your events:',
    freeHeader: 'Free time:',
    freeNone: 'No free slots in your working hours.',
    goalCreated: (title: string) => `🎯 Goal set: "${title}". Shall I break it into steps?`,
    goalCreatedBy: (title: string, date: string) =>
      `🎯 Goal set: "${title}"\n📅 Deadline: ${date}. Shall I break it into steps?`,
    goalsNone: 'No goals yet.',
    goalsHeader: 'Your goals:',
    goalNotFound: 'I could not find that goal.',
    goalDeleted: (title: string) => `🗑 Deleted the goal "${title}"`,
    stepAdded: (title: string, goal: string) => `➕ Added the step "${title}" to "${goal}"`,
    stepNotFound: 'I could not find that step.',
    stepStatus: (title: string) => `✅ Marked the step "${title}"`,
    stepDeleted: (title: string) => `🗑 Deleted the step "${title}"`,
    noGoalForStep: 'Set a goal first, then I will add steps to it.',
    habitCreated: (title: string, schedule: string, time: string | null) =>
      `🔁 Habit “${title}” · ${schedule}${time ? ` · reminder at ${time}` : ''}`,
    habitCheckedIn: (title: string, streak: number) =>
      `✅ “${title}” checked in${streak > 1 ? ` · 🔥 ${streak} days in a row` : ''}`,
    habitSkipped: (title: string) => `⏭ “${title}”: skipped`,
    habitDayFinal: (title: string) =>
      `“${title}”: only today and yesterday can be checked off — earlier days are final.`,
    habitNotFound:
      'I did not find that habit. To create it, write for example: “workout every day at 7”.',
    habitWhich: 'Which habit should I check in?',
    habitsNone: 'No habits yet. Write for example: “every morning a 10-minute workout”.',
    habitsHeader: 'Your habits:',
    habitLine: (title: string, done: boolean, streak: number) =>
      `${done ? '✅' : '⬜'} ${title}${streak > 0 ? ` · 🔥 ${streak}` : ''}`,
    schedule: {
      daily: 'every day',
      weekdays: (days: string) => `on ${days}`,
      times_per_week: (n: number) => `${n}× a week`,
      times_per_month: (n: number) => `${n}× a month`,
      every_n_days: (n: number) => `every ${n} days`,
    },
    weekdayShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    kindLabels: { event_create: '📅 Event', goal_create: '🎯 Goal', habit_create: '🔁 Habit' },
    quick: {
      plan: 'Break into steps',
      smart: 'Check SMART',
      thisOne: 'This one',
      nextOne: 'Next one',
      cancel: 'Cancel',
      undo: '↩️ Undo',
      edit: '✏️ Edit',
    },
    undone: (title: string) => `↩️ Put back as it was: "${title}"`,
    nothingToUndo: 'Nothing to undo: the last action was already undone, or there was none.',
    whatToChange: (title: string) =>
      `What should change in "${title}"? For example: "to 7pm", "to Friday", "Thursday at 10".`,
  },
});

export type Replies = (typeof REPLIES)[Lang];

export const repliesIn = (language: Lang): Replies => REPLIES[language];
