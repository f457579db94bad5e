/** Plan templates for money, work and anything else (the generic fallback). */
import type { PlanTemplate, StepSpec } from './plan-types.js';

export const saving: PlanTemplate = (s) => {
  const target = s.measure?.kind === 'money' ? s.measure.text : undefined;
  return [
    {
      minutes: 30,
      ru: [
        'Посчитать доходы и расходы за прошлый месяц',
        'воскресенье 18:00',
        'открыть выписку и посчитать траты',
      ],
      en: [
        'Add up last month’s income and spending',
        "it's Sunday 18:00",
        'open the bank statement and add up the spending',
      ],
    },
    {
      minutes: 20,
      ru: [
        target
          ? `Открыть отдельный накопительный счёт (цель — ${target})`
          : 'Открыть отдельный накопительный счёт',
        'понедельник 12:00',
        'открыть счёт в приложении банка',
      ],
      en: [
        target
          ? `Open a separate savings account (target: ${target})`
          : 'Open a separate savings account',
        "it's Monday 12:00",
        'open the account in the bank app',
      ],
    },
    {
      minutes: 10,
      ru: [
        'Настроить автоперевод 10–20% в день зарплаты',
        'пришла зарплата',
        'перевести 15% на накопительный счёт',
      ],
      en: [
        'Set up an automatic 10–20% transfer on payday',
        "it's payday",
        'move 15% to the savings account',
      ],
    },
    {
      minutes: 30,
      ru: [
        'Найти три статьи расходов, которые можно сократить',
        'среда 20:00',
        'пересмотреть подписки и крупные траты',
      ],
      en: [
        'Find three kinds of spending to cut',
        "it's Wednesday 20:00",
        'go through subscriptions and big purchases',
      ],
    },
    {
      minutes: 5,
      ru: [
        'Правило 24 часов для незапланированных покупок',
        'хочу купить то, чего нет в списке',
        'отложить покупку на сутки',
      ],
      en: [
        'A 24-hour rule for unplanned purchases',
        'I want to buy something not on my list',
        'wait a day before buying',
      ],
    },
    {
      minutes: 15,
      ru: [
        'Раз в месяц сверять накопленное с планом',
        'первое число месяца, 10:00',
        'сверить сумму с планом',
      ],
      en: [
        'Check your savings against the plan monthly',
        "it's the 1st of the month, 10:00",
        'compare the balance with the plan',
      ],
    },
  ];
};

const JOB_SEARCH: StepSpec[] = [
  {
    minutes: 60,
    ru: ['Обновить резюме и профиль под нужную должность', 'суббота 11:00', 'час на резюме'],
    en: [
      'Update your CV and profile for the role you want',
      "it's Saturday 11:00",
      'spend an hour on the CV',
    ],
  },
  {
    minutes: 45,
    ru: [
      'Составить список из 20 подходящих компаний',
      'воскресенье 18:00',
      'выписать компании и вакансии',
    ],
    en: ['List 20 companies that fit', "it's Sunday 18:00", 'write down companies and openings'],
  },
  {
    minutes: 60,
    ru: ['Отправлять 5 откликов в неделю', 'понедельник 9:00', 'отправить отклики'],
    en: ['Send 5 applications a week', "it's Monday 9:00", 'send the applications'],
  },
  {
    minutes: 30,
    ru: ['Написать трём знакомым из отрасли', 'среда 12:00', 'написать одному знакомому'],
    en: ['Reach out to three people in the field', "it's Wednesday 12:00", 'message one contact'],
  },
  {
    minutes: 60,
    ru: [
      'Подготовить ответы на частые вопросы собеседования',
      'четверг 19:00',
      'прорепетировать ответы',
    ],
    en: [
      'Prepare answers to common interview questions',
      "it's Thursday 19:00",
      'rehearse the answers',
    ],
  },
  {
    minutes: 15,
    ru: [
      'Отслеживать отклики в таблице и напоминать о себе',
      'пятница 17:00',
      'обновить таблицу откликов',
    ],
    en: [
      'Track applications in a sheet and follow up',
      "it's Friday 17:00",
      'update the applications sheet',
    ],
  },
];

export const career: PlanTemplate = (s) => {
  if (s.jobSearch) return JOB_SEARCH;
  return [
    {
      minutes: 30,
      ru: [
        `Определить результат ${s.quoted} и критерии готовности`,
        'понедельник 9:30',
        'записать критерии готовности',
      ],
      en: [
        `Define the outcome of ${s.quoted} and when it counts as done`,
        "it's Monday 9:30",
        'write down the criteria for done',
      ],
    },
    {
      minutes: 45,
      ru: [
        'Разбить работу на этапы и оценить сроки',
        'понедельник 10:00',
        '45 минут на этапы и сроки',
      ],
      en: [
        'Break the work into stages and estimate them',
        "it's Monday 10:00",
        'spend 45 minutes on stages and estimates',
      ],
    },
    {
      minutes: 20,
      ru: [
        'Согласовать план с руководителем или заказчиком',
        'вторник 11:00',
        'отправить план и договориться о встрече',
      ],
      en: [
        'Agree the plan with your manager or client',
        "it's Tuesday 11:00",
        'send the plan and set up a meeting',
      ],
    },
    {
      minutes: 90,
      ru: ['Выполнить первый этап', 'среда 9:00', '90 минут работы без уведомлений'],
      en: [
        'Complete the first stage',
        "it's Wednesday 9:00",
        'do 90 minutes of focused work with notifications off',
      ],
    },
    {
      minutes: 15,
      ru: ['Еженедельный обзор прогресса и рисков', 'пятница 17:00', 'обзор недели 15 минут'],
      en: [
        'A weekly review of progress and risks',
        "it's Friday 17:00",
        'review the week for 15 minutes',
      ],
    },
    {
      minutes: 30,
      ru: [
        'Показать промежуточный результат и собрать обратную связь',
        'этап готов',
        'отправить результат на отзыв',
      ],
      en: [
        'Show an interim result and collect feedback',
        'a stage is done',
        'send it out for feedback',
      ],
    },
    {
      minutes: 60,
      ru: [
        'Завершить, сдать и подвести итоги',
        'последняя пятница перед сроком, 15:00',
        'сдать результат и записать выводы',
      ],
      en: [
        'Finish, hand over and review',
        "it's the last Friday before the deadline, 15:00",
        'deliver and note the lessons',
      ],
    },
  ];
};

export const generic: PlanTemplate = (s) => [
  {
    minutes: 15,
    ru: [
      `Описать, как выглядит результат ${s.quoted} и как его измерить`,
      'воскресенье 19:00',
      '15 минут описать результат',
    ],
    en: [
      `Describe what ${s.quoted} looks like when done, and how to measure it`,
      "it's Sunday 19:00",
      'spend 15 minutes describing the result',
    ],
  },
  {
    minutes: 30,
    ru: ['Разбить цель на 3–5 этапов', 'понедельник 19:00', 'записать этапы'],
    en: ['Break the goal into 3–5 stages', "it's Monday 19:00", 'write down the stages'],
  },
  {
    minutes: 15,
    ru: ['Сделать первый шаг за 15 минут', 'вторник 8:00', '15 минут на первый шаг'],
    en: [
      'Take the first step in 15 minutes',
      "it's Tuesday 8:00",
      'spend 15 minutes on the first step',
    ],
  },
  {
    minutes: 10,
    ru: [
      'Забронировать в календаре 3 слота в неделю',
      'вторник 8:15',
      'поставить слоты в календарь',
    ],
    en: [
      'Block 3 slots a week in your calendar',
      "it's Tuesday 8:15",
      'put the slots in the calendar',
    ],
  },
  {
    minutes: 60,
    ru: ['Выполнить первый этап', 'среда 19:00', 'час работы над первым этапом'],
    en: ['Complete the first stage', "it's Wednesday 19:00", 'work on the first stage for an hour'],
  },
  {
    minutes: 20,
    ru: ['Еженедельный обзор: что сделано и что мешает', 'пятница 18:00', 'обзор недели 20 минут'],
    en: [
      'A weekly review: what is done and what is in the way',
      "it's Friday 18:00",
      'review the week for 20 minutes',
    ],
  },
];
