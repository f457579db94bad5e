/** Plan templates for the mind: languages, reading, exams and courses, writing and art. */
import type { PlanTemplate, StepSpec } from './plan-types.js';

export const language: PlanTemplate = (s) => {
  const l = s.language;
  const ruOf = l ? l.ruOf : 'языка';
  const ruIn = l ? l.ruIn : 'на изучаемом языке';
  const en = l ? l.en : 'the language';
  const enWords = l ? `${l.en} words` : 'words';
  const level = s.measure?.kind === 'level' ? s.measure.text : undefined;
  return [
    {
      minutes: 45,
      ru: [
        `Выбрать учебник и приложение для ${ruOf}`,
        'воскресенье 18:00',
        'выбрать учебник и поставить приложение',
      ],
      en: [
        `Pick a textbook and an app for ${en}`,
        "it's Sunday 18:00",
        'choose a textbook and install the app',
      ],
    },
    {
      minutes: 20,
      ru: [
        `Учить 15 новых слов ${ruIn} каждый день`,
        'утро и я налил кофе',
        'повторить карточки 20 минут',
      ],
      en: [
        `Learn 15 new ${enWords} every day`,
        "it's morning and I've poured my coffee",
        'review flashcards for 20 minutes',
      ],
    },
    {
      minutes: 40,
      ru: [`Урок грамматики ${ruOf} 2 раза в неделю`, 'вторник 19:00', 'урок грамматики 40 минут'],
      en: [
        `A ${en} grammar lesson twice a week`,
        "it's Tuesday 19:00",
        'do a 40-minute grammar lesson',
      ],
    },
    {
      minutes: 30,
      ru: [
        `Смотреть серию ${ruIn} с субтитрами`,
        'пятница 20:00',
        'серия с субтитрами вместо обычной',
      ],
      en: [
        `Watch an episode in ${en} with subtitles`,
        "it's Friday 20:00",
        'watch an episode with subtitles',
      ],
    },
    {
      minutes: 30,
      ru: [
        `Разговорная практика ${ruIn} с репетитором или партнёром`,
        'суббота 11:00',
        'созвон с собеседником 30 минут',
      ],
      en: [
        `Speaking practice in ${en} with a tutor or partner`,
        "it's Saturday 11:00",
        'have a 30-minute call with a partner',
      ],
    },
    {
      minutes: 45,
      ru: [
        level ? `Пройти пробный тест на уровень ${level}` : 'Пройти пробный тест на уровень',
        'последнее воскресенье месяца',
        'пройти тест за 45 минут',
      ],
      en: [
        level ? `Take a practice test for level ${level}` : 'Take a practice level test',
        "it's the last Sunday of the month",
        'take the test in 45 minutes',
      ],
    },
    {
      minutes: 15,
      ru: [
        'Подвести итоги недели и обновить план',
        'воскресенье 20:00',
        '15 минут на итоги недели',
      ],
      en: [
        'Review the week and update the plan',
        "it's Sunday 20:00",
        'spend 15 minutes reviewing the week',
      ],
    },
  ];
};

export const reading: PlanTemplate = (s) => {
  const target = s.measure?.hasUnit ? s.measure.text : undefined;
  return [
    {
      minutes: 20,
      ru: [
        target
          ? `Составить список книг (цель — ${target})`
          : 'Составить список книг на ближайшие месяцы',
        'воскресенье 19:00',
        'выписать книги, которые хочется прочитать',
      ],
      en: [
        target
          ? `Make a reading list (target: ${target})`
          : 'Make a reading list for the coming months',
        "it's Sunday 19:00",
        'list the books you want to read',
      ],
    },
    {
      minutes: 10,
      ru: [
        'Положить книгу на видное место и скачать читалку',
        'я пришёл домой',
        'положить книгу на подушку',
      ],
      en: [
        'Put the book where you will see it and get a reading app',
        "I've come home",
        'put the book on the pillow',
      ],
    },
    {
      minutes: 30,
      ru: ['Читать 30 минут каждый вечер', 'я лёг в кровать', 'читать 30 минут вместо телефона'],
      en: [
        'Read for 30 minutes every evening',
        "I've gone to bed",
        'read for 30 minutes instead of the phone',
      ],
    },
    {
      minutes: 20,
      ru: ['Читать в дороге вместо соцсетей', 'я сел в транспорт', 'открыть книгу'],
      en: [
        'Read on the go instead of social media',
        "I've got on the bus or train",
        'open the book',
      ],
    },
    {
      minutes: 10,
      ru: ['Записывать главную мысль каждой главы', 'я дочитал главу', 'записать одну мысль'],
      en: ['Note the main idea of every chapter', "I've finished a chapter", 'write down one idea'],
    },
    {
      minutes: 20,
      ru: [
        'Итоги месяца: сколько прочитано и что дальше',
        'последнее воскресенье месяца, 19:00',
        'подвести итоги чтения',
      ],
      en: [
        'Monthly review: how much is read and what is next',
        "it's the last Sunday of the month, 19:00",
        'review your reading',
      ],
    },
  ];
};

export const study: PlanTemplate = (s) => [
  {
    minutes: 30,
    ru: [
      `Разобраться, что нужно для цели ${s.quoted}: формат, темы, сроки`,
      'понедельник 19:00',
      '30 минут на требования',
    ],
    en: [
      `Find out what ${s.quoted} takes: format, topics, dates`,
      "it's Monday 19:00",
      'spend 30 minutes on the requirements',
    ],
  },
  {
    minutes: 60,
    ru: ['Пройти пробный тест и найти слабые темы', 'суббота 10:00', 'пробный тест на час'],
    en: [
      'Take a practice test and find weak topics',
      "it's Saturday 10:00",
      'take an hour-long practice test',
    ],
  },
  {
    minutes: 30,
    ru: [
      'Составить план тем по неделям до срока',
      'воскресенье 18:00',
      'расписать темы по неделям',
    ],
    en: [
      'Plan the topics week by week until the deadline',
      "it's Sunday 18:00",
      'spread the topics over the weeks',
    ],
  },
  {
    minutes: 60,
    ru: ['Заниматься 3 раза в неделю по часу', 'вторник 19:00', 'час занятий без телефона'],
    en: [
      'Study 3 times a week for an hour',
      "it's Tuesday 19:00",
      'study for an hour with the phone away',
    ],
  },
  {
    minutes: 15,
    ru: ['Повторять пройденное по карточкам', 'я еду в транспорте', 'повторить карточки 15 минут'],
    en: [
      'Review what you learned with flashcards',
      "I'm on my commute",
      'review flashcards for 15 minutes',
    ],
  },
  {
    minutes: 120,
    ru: [
      'Решить полный вариант на время',
      'суббота 10:00 за две недели до срока',
      'пробный экзамен 2 часа',
    ],
    en: [
      'Do a full timed practice run',
      "it's Saturday 10:00 two weeks before the deadline",
      'sit a 2-hour mock exam',
    ],
  },
  {
    minutes: 30,
    ru: [
      'Разобрать ошибки и повторить слабые темы',
      'я закончил пробный вариант',
      'выписать ошибки',
    ],
    en: [
      'Go through the mistakes and revisit weak topics',
      "I've finished a practice run",
      'write down the mistakes',
    ],
  },
];

export const writing: PlanTemplate = (s) => {
  const steps: StepSpec[] = [
    {
      minutes: 20,
      ru: [
        `Описать замысел ${s.quoted} в одном абзаце`,
        'воскресенье 10:00',
        'написать абзац о замысле',
      ],
      en: [
        `Describe the idea of ${s.quoted} in one paragraph`,
        "it's Sunday 10:00",
        'write one paragraph about the idea',
      ],
    },
    {
      minutes: 45,
      ru: ['Составить план: части, главы или этапы', 'понедельник 20:00', '45 минут на план'],
      en: [
        'Outline it: parts, chapters or stages',
        "it's Monday 20:00",
        'spend 45 minutes on the outline',
      ],
    },
    {
      minutes: 30,
      ru: [
        'Работать над черновиком 30 минут каждый день',
        'утро и я налил кофе',
        '30 минут работы без правок',
      ],
      en: [
        'Work on the draft for 30 minutes every day',
        "it's morning and I've poured my coffee",
        'work for 30 minutes without editing',
      ],
    },
    {
      minutes: 120,
      ru: ['Закончить черновик первой части', 'суббота 10:00', 'два часа работы над черновиком'],
      en: [
        'Finish the draft of the first part',
        "it's Saturday 10:00",
        'work on the draft for two hours',
      ],
    },
    {
      minutes: 30,
      ru: [
        'Показать черновик одному человеку и собрать отзыв',
        'я закончил часть',
        'отправить черновик и попросить отзыв',
      ],
      en: [
        'Show the draft to one person and get feedback',
        "I've finished a part",
        'send the draft and ask for feedback',
      ],
    },
    {
      minutes: 90,
      ru: ['Доработать с учётом отзывов', 'среда 19:00', 'полтора часа на правки'],
      en: [
        'Revise based on the feedback',
        "it's Wednesday 19:00",
        'spend an hour and a half revising',
      ],
    },
    {
      minutes: 30,
      ru: [
        'Опубликовать или отправить результат',
        'правки закончены',
        'опубликовать или отправить',
      ],
      en: ['Publish or submit the result', 'the revisions are done', 'publish or submit it'],
    },
  ];
  return steps;
};
