/** Plan templates for the body: running, fitness, weight loss, and daily habits. */
import { formatAmount } from './offline-words.js';
import type { HabitKind } from './offline-goal-kind.js';
import type { PlanSubject, PlanTemplate, StepSpec } from './plan-types.js';

/** A distance to run in km: the goal's own, a marathon's, or 5 km. */
function distanceOf(s: PlanSubject): number {
  const m = s.measure;
  if (m?.kind !== 'distance') return 5;
  return /mile|мил/iu.test(m.text) ? m.amount * 1.6 : m.amount;
}

export const running: PlanTemplate = (s) => {
  const km = distanceOf(s);
  const half = Math.round(km / 2);
  const d = (n: number, lang: 'ru' | 'en') =>
    `${formatAmount(n, lang)} ${lang === 'ru' ? 'км' : 'km'}`;
  const steps: StepSpec[] = [
    {
      minutes: 60,
      ru: [
        'Подобрать беговые кроссовки и приложение для трекинга',
        'суббота 11:00',
        'зайти в спортивный магазин',
      ],
      en: ['Get running shoes and a tracking app', "it's Saturday 11:00", 'go to a sports shop'],
    },
    {
      minutes: 30,
      ru: ['Первая тренировка: 20 минут бега с шагом', 'понедельник 7:00', 'пробежка 20 минут'],
      en: ['First workout: 20 minutes of run-walk', "it's Monday 7:00", 'run for 20 minutes'],
    },
    {
      minutes: 40,
      ru: ['Бегать 3 раза в неделю по 30 минут в лёгком темпе', 'среда 7:00', 'пробежка 30 минут'],
      en: [
        'Run 3 times a week for 30 minutes at an easy pace',
        "it's Wednesday 7:00",
        'run for 30 minutes',
      ],
    },
    {
      minutes: 60,
      ru: [
        'Раз в неделю длительная пробежка, +10% к дистанции',
        'воскресенье 9:00',
        'длительная пробежка',
      ],
      en: ['A long run every week, adding 10% distance', "it's Sunday 9:00", 'go for a long run'],
    },
  ];
  if (half >= 2 && half < km) {
    steps.push({
      minutes: half * 7,
      ru: [
        `Пробежать ${d(half, 'ru')} без остановки`,
        'суббота 8:00',
        `пробежать ${d(half, 'ru')}`,
      ],
      en: [`Run ${d(half, 'en')} without stopping`, "it's Saturday 8:00", `run ${d(half, 'en')}`],
    });
  }
  steps.push(
    {
      minutes: 15,
      ru: [
        'Растяжка и восстановление после каждой пробежки',
        'я закончил пробежку',
        'растяжка 10 минут',
      ],
      en: ['Stretch and recover after every run', "I've finished a run", 'stretch for 10 minutes'],
    },
    {
      minutes: Math.round(km * 7),
      ru: [
        `Контрольный забег: ${d(km, 'ru')}`,
        'последняя суббота перед сроком, 8:00',
        `пробежать ${d(km, 'ru')}`,
      ],
      en: [
        `Test run: ${d(km, 'en')}`,
        "it's the last Saturday before the deadline, 8:00",
        `run ${d(km, 'en')}`,
      ],
    },
  );
  return steps;
};

export const fitness: PlanTemplate = (s) => {
  const steps: StepSpec[] = [
    {
      minutes: 30,
      ru: [
        'Замерить исходную форму: отжимания, приседания, планка',
        'понедельник 7:30',
        'сделать замеры и записать',
      ],
      en: [
        'Measure your baseline: push-ups, squats, plank',
        "it's Monday 7:30",
        'test and note the results',
      ],
    },
    {
      minutes: 30,
      ru: [
        'Составить программу тренировок на 4 недели',
        'воскресенье 18:00',
        '30 минут на программу',
      ],
      en: [
        'Draw up a 4-week training programme',
        "it's Sunday 18:00",
        'spend 30 minutes on the programme',
      ],
    },
    {
      minutes: 15,
      ru: ['Собирать форму и сумку с вечера', 'вечер перед тренировкой', 'собрать сумку'],
      en: [
        'Pack your kit the evening before',
        "it's the evening before a workout",
        'pack the gym bag',
      ],
    },
    {
      minutes: 45,
      ru: ['Тренироваться 3 раза в неделю по 45 минут', 'понедельник 19:00', 'тренировка 45 минут'],
      en: [
        'Work out 3 times a week for 45 minutes',
        "it's Monday 19:00",
        'work out for 45 minutes',
      ],
    },
    {
      minutes: 15,
      ru: ['Растяжка после каждой тренировки', 'я закончил тренировку', 'растяжка 10 минут'],
      en: ['Stretch after every workout', "I've finished a workout", 'stretch for 10 minutes'],
    },
    {
      minutes: 30,
      ru: [
        'Через 4 недели повторить замеры и поднять нагрузку',
        'четвёртый понедельник, 7:30',
        'повторить замеры',
      ],
      en: [
        'Re-test after 4 weeks and raise the load',
        "it's the fourth Monday, 7:30",
        'repeat the tests',
      ],
    },
  ];
  if (s.measure?.hasUnit) {
    const target = s.measure.text;
    steps.push({
      minutes: 45,
      ru: [
        `Выйти на цель: ${target}`,
        'последняя неделя перед сроком, понедельник 19:00',
        `проверить: ${target}`,
      ],
      en: [
        `Reach the target: ${target}`,
        "it's Monday 19:00 in the last week before the deadline",
        `check: ${target}`,
      ],
    });
  }
  return steps;
};

export const weightLoss: PlanTemplate = (s) => {
  const kg = s.measure?.kind === 'weight' ? s.measure.text : undefined;
  return [
    {
      minutes: 15,
      ru: [
        'Взвеситься и записать стартовый вес и объёмы',
        'понедельник, утро после пробуждения',
        'взвеситься и записать',
      ],
      en: [
        'Weigh in and note your starting weight and measurements',
        "it's Monday morning after waking up",
        'weigh in and write it down',
      ],
    },
    {
      minutes: 20,
      ru: ['Вести дневник питания 7 дней', 'я поел', 'записать приём пищи в приложение'],
      en: ['Keep a food diary for 7 days', "I've just eaten", 'log the meal in the app'],
    },
    {
      minutes: 30,
      ru: [
        'Рассчитать дневную норму калорий с дефицитом 15–20%',
        'вторник 20:00',
        '30 минут на расчёт',
      ],
      en: [
        'Work out a daily calorie target 15–20% below maintenance',
        "it's Tuesday 20:00",
        'spend 30 minutes on the numbers',
      ],
    },
    {
      minutes: 60,
      ru: [
        'Составить меню и список покупок на неделю',
        'воскресенье 17:00',
        'составить меню и список покупок',
      ],
      en: [
        'Plan the week’s meals and a shopping list',
        "it's Sunday 17:00",
        'write the menu and the shopping list',
      ],
    },
    {
      minutes: 30,
      ru: ['Проходить 8 000 шагов в день', 'обеденный перерыв', 'прогулка 20 минут'],
      en: ['Walk 8,000 steps a day', "it's my lunch break", 'walk for 20 minutes'],
    },
    {
      minutes: 45,
      ru: ['Силовая тренировка 2 раза в неделю', 'среда 19:00', 'тренировка 45 минут'],
      en: ['Strength training twice a week', "it's Wednesday 19:00", 'work out for 45 minutes'],
    },
    {
      minutes: 10,
      ru: [
        kg
          ? `Взвешиваться раз в неделю: цель — минус ${kg}`
          : 'Взвешиваться раз в неделю и поправлять план',
        'понедельник 7:00',
        'взвеситься и сравнить с прошлой неделей',
      ],
      en: [
        kg ? `Weigh in weekly: the target is minus ${kg}` : 'Weigh in weekly and adjust the plan',
        "it's Monday 7:00",
        'weigh in and compare with last week',
      ],
    },
  ];
};

interface HabitWords {
  ru: { name: string; anchor: string; start: string; more: string };
  en: { name: string; anchor: string; start: string; more: string };
}

const HABIT_WORDS: Record<Exclude<HabitKind, 'other'>, HabitWords> = {
  meditation: {
    ru: {
      name: 'медитация',
      anchor: 'утро и я почистил зубы',
      start: 'медитировать 5 минут',
      more: 'медитировать 15 минут',
    },
    en: {
      name: 'meditation',
      anchor: "I've brushed my teeth in the morning",
      start: 'meditate for 5 minutes',
      more: 'meditate for 15 minutes',
    },
  },
  sleep: {
    ru: {
      name: 'режим сна',
      anchor: '22:30',
      start: 'выключить экраны и лечь в 23:00',
      more: 'ложиться в 22:30 и вставать в одно время',
    },
    en: {
      name: 'sleep schedule',
      anchor: "it's 22:30",
      start: 'turn off screens and go to bed at 23:00',
      more: 'go to bed at 22:30 and get up at the same time',
    },
  },
  water: {
    ru: {
      name: 'вода',
      anchor: 'я сел за рабочий стол',
      start: 'выпить стакан воды',
      more: 'выпивать 8 стаканов воды в день',
    },
    en: {
      name: 'water',
      anchor: 'I sit down at my desk',
      start: 'drink a glass of water',
      more: 'drink 8 glasses of water a day',
    },
  },
  smoking: {
    ru: {
      name: 'отказ от курения',
      anchor: 'захотелось курить',
      start: 'сделать 10 глубоких вдохов вместо сигареты',
      more: 'прожить день без сигарет',
    },
    en: {
      name: 'quitting smoking',
      anchor: 'I crave a cigarette',
      start: 'take 10 deep breaths instead of a cigarette',
      more: 'go a whole day without cigarettes',
    },
  },
  journal: {
    ru: {
      name: 'дневник',
      anchor: 'я лёг в кровать',
      start: 'записать три строки в дневник',
      more: 'писать в дневник 10 минут',
    },
    en: {
      name: 'journal',
      anchor: "I've gone to bed",
      start: 'write three lines in the journal',
      more: 'journal for 10 minutes',
    },
  },
};

function habitWords(s: PlanSubject): HabitWords {
  if (s.habit !== 'other') return HABIT_WORDS[s.habit];
  const q = s.quoted;
  return {
    ru: {
      name: q,
      anchor: 'утро и я выпил кофе',
      start: `5 минут на ${q}`,
      more: `20 минут на ${q}`,
    },
    en: {
      name: q,
      anchor: "I've had my morning coffee",
      start: `spend 5 minutes on ${q}`,
      more: `spend 20 minutes on ${q}`,
    },
  };
}

export const habit: PlanTemplate = (s) => {
  const { ru, en } = habitWords(s);
  return [
    {
      minutes: 10,
      ru: [
        `Выбрать время и якорь для привычки: ${ru.name}`,
        'воскресенье 20:00',
        'решить, после какого дела её выполнять',
      ],
      en: [
        `Choose a time and an anchor for the habit: ${en.name}`,
        "it's Sunday 20:00",
        'decide which daily routine it follows',
      ],
    },
    {
      minutes: 5,
      ru: [`Первая неделя: каждый день ${ru.start}`, ru.anchor, ru.start],
      en: [`First week: every day ${en.start}`, en.anchor, en.start],
    },
    {
      minutes: 5,
      ru: [
        'Завести трекер и отмечать каждый выполненный день',
        'я выполнил привычку',
        'поставить отметку в трекере',
      ],
      en: [
        'Start a tracker and mark every day done',
        "I've done the habit",
        'tick the day in the tracker',
      ],
    },
    {
      minutes: 20,
      ru: ['Убрать помехи и подготовить обстановку', 'суббота 12:00', '20 минут на подготовку'],
      en: [
        'Remove obstacles and prepare your surroundings',
        "it's Saturday 12:00",
        'spend 20 minutes getting things ready',
      ],
    },
    {
      minutes: 15,
      ru: [`Со второй недели: ${ru.more}`, ru.anchor, ru.more],
      en: [`From week two: ${en.more}`, en.anchor, en.more],
    },
    {
      minutes: 5,
      ru: [
        'План на срыв: не пропускать два дня подряд',
        'я пропустил день',
        'завтра сделать хотя бы минимум',
      ],
      en: [
        'A plan for slips: never miss two days in a row',
        "I've missed a day",
        'do at least the minimum tomorrow',
      ],
    },
    {
      minutes: 20,
      ru: [
        'Подвести итоги 30 дней',
        'тридцатый день, 20:00',
        'посмотреть трекер и решить, что дальше',
      ],
      en: [
        'Review the first 30 days',
        "it's day 30, 20:00",
        'look at the tracker and decide what is next',
      ],
    },
  ];
};
