import { defineTexts } from '../../../../common/texts.js';

/** Plan generation and the proposal. */
export const PLAN_TEXTS = defineTexts({
  ru: {
    planning: 'Составляю план',
    planCancel: '✖️ Отменить',
    planStages: ['Читаю цель и срок', 'Подбираю шаги', 'Проверяю план и сохраняю'],
    planCancelled: 'Составление плана отменено.',
    planProposal: 'Предлагаю такие шаги',
    scheduledTitle: 'Расставил шаги в календаре',
    planHabitOffer: (title: string) => `🔁 Сделать привычкой: ${title}`,
    planHabitCreated: 'Привычка создана',
    planHabitDone: (title: string) =>
      `Привычка «${title}» создана: отмечайте её каждый раз, серия покажет прогресс.`,
    planHabitGone: 'Этого шага уже нет в цели.',
    planAccepted: (count: number, title: string) =>
      `✅ План принят: ${count} ${count === 1 ? 'шаг' : count < 5 ? 'шага' : 'шагов'} в цели «${title}». Расставить их в календаре?`,
    coach: {
      smartButton: '🧭 Проверить по SMART',
      title: (score: number) => `SMART: ${score}/100`,
      criteria: {
        specific: 'Конкретность',
        measurable: 'Измеримость',
        achievable: 'Достижимость',
        relevant: 'Значимость',
        timeBound: 'Срок',
      },
      askDeadline: '📅 К какой дате? Напишите дату («к 1 марта», «через 3 месяца») или выберите:',
      askNewDeadline: '📅 Перенести срок? Напишите дату или выберите:',
      useDate: (date: string) => `📅 ${date}`,
      keepDate: 'Оставить срок',
      moveDate: (date: string) => `📅 Перенести на ${date}`,
      noDate: 'Без срока',
      askMeasure:
        '📏 Как вы поймёте, что цель достигнута? Напишите результат с числом или выберите:',
      useMeasure: (measure: string) => `✅ ${measure}`,
      skip: 'Пропустить',
      ready: (title: string, date: string | null) =>
        `🎯 «${title}»${date ? ` · до ${date}` : ''}\nТеперь составлю план по шагам.`,
      makePlan: '🧠 Составить план',
      openGoal: '🎯 Открыть цель',
      badDate: 'Не понял дату. Напишите, например, «31.05», «к лету» или «через 3 месяца».',
      emptyMeasure: 'Напишите результат, например «5 км без остановки» или «12 книг».',
    },
  },
  en: {
    planning: 'Making a plan',
    planCancel: '✖️ Cancel',
    planStages: [
      'Reading the goal and its deadline',
      'Choosing the steps',
      'Checking and saving the plan',
    ],
    planCancelled: 'Plan generation cancelled.',
    planProposal: 'Here are the steps I suggest',
    scheduledTitle: 'Your steps are in the calendar',
    planHabitOffer: (title: string) => `🔁 Make it a habit: ${title}`,
    planHabitCreated: 'Habit created',
    planHabitDone: (title: string) =>
      `Habit “${title}” created: check it off each time, the streak shows your progress.`,
    planHabitGone: 'This step is no longer in the goal.',
    planAccepted: (count: number, title: string) =>
      `✅ Plan accepted: ${count} ${count === 1 ? 'step' : 'steps'} in “${title}”. Put them in your calendar?`,
    coach: {
      smartButton: '🧭 Check SMART',
      title: (score: number) => `SMART: ${score}/100`,
      criteria: {
        specific: 'Specific',
        measurable: 'Measurable',
        achievable: 'Achievable',
        relevant: 'Relevant',
        timeBound: 'Time-bound',
      },
      askDeadline: '📅 By when? Write a date ("by March 1", "in 3 months") or pick one:',
      askNewDeadline: '📅 Move the deadline? Write a date or pick one:',
      useDate: (date: string) => `📅 ${date}`,
      keepDate: 'Keep the deadline',
      moveDate: (date: string) => `📅 Move to ${date}`,
      noDate: 'No deadline',
      askMeasure: '📏 How will you know the goal is reached? Write a result with a number or pick:',
      useMeasure: (measure: string) => `✅ ${measure}`,
      skip: 'Skip',
      ready: (title: string, date: string | null) =>
        `🎯 “${title}”${date ? ` · by ${date}` : ''}\nNow I will make a step-by-step plan.`,
      makePlan: '🧠 Make a plan',
      openGoal: '🎯 Open goal',
      badDate: 'I did not get the date. Write, for example, "05/31", "by summer" or "in 3 months".',
      emptyMeasure: 'Write a result, for example "5 km without stopping" or "12 books".',
    },
  },
});
