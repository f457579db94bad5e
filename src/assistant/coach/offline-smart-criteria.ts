/** The five SMART criteria of the offline coach, each a score, a comment and a suggestion. */
import type { AssistantLanguage } from '../intent.types.js';
import { addDays } from '../offline/local-time.js';
import { type GoalFacts } from './offline-goal-facts.js';
import { DEFAULT_WEEKS, MEASURE_EXAMPLE, typicalWeeks } from './offline-smart-hints.js';
import { aboutWeeks, countDays, countWeeks, formatDate, quote, tr } from './offline-words.js';

export interface Judgement {
  score: number;
  comment: string;
  /** What to do about it; only kept when the score is low enough to matter. */
  suggestion?: string;
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

function list(words: string[], lang: AssistantLanguage): string {
  return [...new Set(words)].map((w) => quote(w, lang)).join(', ');
}

export function judgeSpecific(f: GoalFacts, lang: AssistantLanguage): Judgement {
  const wordCount = f.coreWords.length;
  let score = 30;
  if (f.verb) score += 25;
  if (f.objectWords.length > 0 || f.measure?.hasUnit) score += 20;
  if (f.objectWords.length > 1) score += 5;
  if (f.measure) score += 10;
  if (wordCount >= 3 && wordCount <= 20) score += 10;
  if (wordCount <= 2 && !f.measure) score -= 10;
  if (f.descriptionWords >= 5) score += 5;
  score -= Math.min(f.vague.length, 2) * 20;
  score = Math.max(5, clamp(score));

  if (f.vague.length > 0) {
    return {
      score,
      comment: tr(
        lang,
        `Слова ${list(f.vague, lang)} размыты: непонятно, что именно изменится.`,
        `The words ${list(f.vague, lang)} are vague: it is unclear what exactly will change.`,
      ),
      suggestion: tr(
        lang,
        `Замените ${list(f.vague, lang)} конкретным действием: что именно вы сделаете и с чем?`,
        `Replace ${list(f.vague, lang)} with a concrete action: what exactly will you do?`,
      ),
    };
  }
  if (!f.verb) {
    return {
      score,
      comment: tr(
        lang,
        'Нет конкретного действия: непонятно, что нужно делать.',
        'There is no concrete action: it is unclear what to do.',
      ),
      suggestion: tr(
        lang,
        'Начните цель с глагола действия: «пробежать», «выучить», «накопить».',
        'Start the goal with an action verb: “run”, “learn”, “save”.',
      ),
    };
  }
  if (f.objectWords.length === 0 && !f.measure) {
    return {
      score,
      comment: tr(
        lang,
        'Действие есть, но непонятно, над чем именно работать.',
        'There is an action, but not what exactly it is about.',
      ),
      suggestion: tr(
        lang,
        'Назовите предмет цели: что именно вы будете делать?',
        'Name what the goal is about: what exactly will you do?',
      ),
    };
  }
  return {
    score,
    comment: tr(
      lang,
      'Цель конкретна: понятно, что именно нужно сделать.',
      'The goal is specific: it is clear what has to be done.',
    ),
  };
}

export function judgeMeasurable(f: GoalFacts, lang: AssistantLanguage): Judgement {
  const example = MEASURE_EXAMPLE[f.kind][lang];
  const suggestion = tr(
    lang,
    `Добавьте измеримый результат, например: ${example}.`,
    `Add a measurable result, for example: ${example}.`,
  );
  const m = f.measure;
  if (m?.hasUnit) {
    return {
      score: m.kind === 'time' && !f.frequency ? 75 : 90,
      comment: tr(
        lang,
        `Результат можно измерить: ${quote(m.text, lang)}.`,
        `The result can be measured: ${quote(m.text, lang)}.`,
      ),
    };
  }
  if (m) {
    return {
      score: 65,
      comment: tr(
        lang,
        `Есть число ${quote(m.text, lang)}, но не сказано, в чём оно измеряется.`,
        `There is a number, ${quote(m.text, lang)}, but not what it counts.`,
      ),
      suggestion: tr(
        lang,
        `Уточните, в чём измеряется ${quote(m.text, lang)}: километры, книги, рубли, дни?`,
        `Say what ${quote(m.text, lang)} counts: kilometres, books, dollars, days?`,
      ),
    };
  }
  if (f.frequency) {
    return {
      score: 55,
      comment: tr(
        lang,
        'Указано, как часто, но не итоговый результат: сколько всего или до какого уровня?',
        'It says how often, but not the final result: how much in total, or to what level?',
      ),
      suggestion,
    };
  }
  if (f.vague.length > 0) {
    return {
      score: 15,
      comment: tr(
        lang,
        `${list(f.vague, lang)} нельзя измерить: по чему вы поймёте, что цель достигнута?`,
        `${list(f.vague, lang)} cannot be measured: how will you know the goal is reached?`,
      ),
      suggestion,
    };
  }
  return {
    score: 25,
    comment: tr(
      lang,
      'Нет числа, по которому видно, что цель достигнута.',
      'There is no number that shows when the goal is reached.',
    ),
    suggestion,
  };
}

const BIG =
  /марафон|язык|бизнес|стартап|роман|книг|диплом|marathon|language|business|startup|novel|book|degree|fluent/iu;

export function judgeAchievable(f: GoalFacts, lang: AssistantLanguage): Judgement {
  const typical = typicalWeeks(f.kind, f.measure);
  const need = typical === undefined ? undefined : Math.max(1, Math.round(typical));
  const realistic = tr(
    lang,
    `Поставьте срок с запасом: обычно на это нужно ${aboutWeeks(need ?? 0, 'ru')}.`,
    `Allow enough time: this usually takes ${aboutWeeks(need ?? 0, 'en')}.`,
  );
  if (!f.deadline || f.daysLeft === undefined) {
    return {
      score: f.vague.length > 0 && !f.measure ? 45 : 60,
      comment:
        need === undefined
          ? tr(
              lang,
              'Без срока и объёма трудно оценить, реально ли это.',
              'Without a deadline and an amount it is hard to say whether this is realistic.',
            )
          : tr(
              lang,
              `Без срока трудно оценить; обычно на такое нужно ${aboutWeeks(need, 'ru')}.`,
              `Hard to judge without a deadline; this usually takes ${aboutWeeks(need, 'en')}.`,
            ),
      ...(need === undefined ? {} : { suggestion: realistic }),
    };
  }
  if (f.daysLeft <= 0) {
    return {
      score: f.daysLeft < 0 ? 25 : 30,
      comment: tr(
        lang,
        f.daysLeft < 0
          ? 'Срок уже прошёл, к нему цель не успеть.'
          : 'Срок — сегодня: времени не осталось.',
        f.daysLeft < 0
          ? 'The deadline has passed; the goal cannot be met by it.'
          : 'The deadline is today: there is no time left.',
      ),
      suggestion: need === undefined ? undefined : realistic,
    };
  }
  const left =
    f.daysLeft < 14 ? countDays(f.daysLeft, lang) : countWeeks(Math.round(f.daysLeft / 7), lang);
  if (need !== undefined) {
    const ratio = f.daysLeft / 7 / need;
    const about = aboutWeeks(need, lang);
    if (ratio >= 1) {
      return {
        score: 90,
        comment: tr(
          lang,
          `До срока ${left}, а обычно на это нужно ${about} — реально.`,
          `${capitalizeEn(left)} left; this usually takes ${about} — realistic.`,
        ),
      };
    }
    const tight = ratio >= 0.6;
    return {
      score: tight ? 65 : ratio >= 0.3 ? 40 : 20,
      comment: tr(
        lang,
        `До срока ${left}, а обычно нужно ${about} — ${tight ? 'напряжённо, но возможно' : 'слишком мало'}.`,
        `${capitalizeEn(left)} left, while this usually takes ${about} — ${tight ? 'tight but possible' : 'too little'}.`,
      ),
      suggestion: tr(
        lang,
        `Отодвиньте срок (нужно ${about}) или уменьшите объём цели.`,
        `Move the deadline (it takes ${about}) or make the goal smaller.`,
      ),
    };
  }
  const big = f.kind === 'language' || f.kind === 'writing' || BIG.test(f.core);
  if (big && f.daysLeft < 45) {
    return {
      score: f.daysLeft < 14 ? 30 : 50,
      comment: tr(
        lang,
        `Для такой большой цели ${left} — очень мало.`,
        `For a goal this big, ${left} is very little.`,
      ),
      suggestion: tr(
        lang,
        'Отодвиньте срок или возьмите на этот срок часть цели.',
        'Move the deadline, or aim for part of the goal by then.',
      ),
    };
  }
  if (f.daysLeft > 5 * 365) {
    return {
      score: 55,
      comment: tr(
        lang,
        'Срок очень далёкий: до него легко потерять интерес.',
        'The deadline is very far away; it is easy to lose interest before it.',
      ),
      suggestion: tr(
        lang,
        'Поставьте промежуточную цель на ближайшие 3 месяца.',
        'Set a milestone for the next 3 months.',
      ),
    };
  }
  return {
    score: 75,
    comment: tr(
      lang,
      `До срока ${left}; проверьте, хватит ли времени на каждый шаг.`,
      `${capitalizeEn(left)} left; check that there is time for every step.`,
    ),
  };
}

function capitalizeEn(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function judgeRelevant(f: GoalFacts, lang: AssistantLanguage): Judgement {
  const suggestion = tr(
    lang,
    'Допишите в описание, зачем вам эта цель: «…, чтобы …».',
    'Add to the description why this goal matters to you: “…, so that …”.',
  );
  if (f.reason) {
    return {
      score: f.descriptionWords >= 8 ? 90 : 85,
      comment: tr(
        lang,
        'Понятно, зачем вам эта цель, — это поможет не бросить.',
        'It is clear why this goal matters to you — that helps you keep going.',
      ),
    };
  }
  return {
    score: f.descriptionWords > 0 ? 60 : 50,
    comment: tr(
      lang,
      'Не сказано, зачем вам эта цель; без причины её легко отложить.',
      'It does not say why this goal matters; without a reason it is easy to put off.',
    ),
    suggestion,
  };
}

export function judgeTimeBound(f: GoalFacts, lang: AssistantLanguage): Judgement {
  const example = formatDate(addDays(f.today, DEFAULT_WEEKS[f.kind] * 7), lang);
  const { deadline, daysLeft } = f;
  if (!deadline || daysLeft === undefined) {
    return {
      score: f.someday ? 15 : 10,
      comment: f.someday
        ? tr(lang, '«Когда-нибудь» — это не срок.', '“Someday” is not a deadline.')
        : tr(lang, 'Срока нет.', 'There is no deadline.'),
      suggestion: tr(
        lang,
        `Назначьте дату, к которой цель должна быть достигнута, например ${example}.`,
        `Set a date by which the goal is reached, for example ${example}.`,
      ),
    };
  }
  const date = formatDate(deadline.date, lang);
  if (daysLeft < 0) {
    return {
      score: 10,
      comment: tr(lang, `Срок ${date} уже прошёл.`, `The deadline, ${date}, has passed.`),
      suggestion: tr(
        lang,
        `Назначьте новый срок: ${date} уже прошло.`,
        `Set a new deadline: ${date} has passed.`,
      ),
    };
  }
  if (daysLeft === 0) {
    return {
      score: 60,
      comment: tr(lang, `Срок — сегодня, ${date}.`, `The deadline is today, ${date}.`),
    };
  }
  if (daysLeft > 5 * 365) {
    return {
      score: 65,
      comment: tr(
        lang,
        `Срок — ${date}, очень не скоро.`,
        `The deadline, ${date}, is very far off.`,
      ),
    };
  }
  if (deadline.from === 'text') {
    return {
      score: 85,
      comment: tr(lang, `Срок назван в тексте: ${date}.`, `The text names a deadline: ${date}.`),
      suggestion: tr(
        lang,
        `Сохраните ${date} как срок цели, чтобы получать напоминания.`,
        `Save ${date} as the goal's deadline to get reminders.`,
      ),
    };
  }
  return {
    score: 95,
    comment: tr(lang, `Срок ясен: ${date}.`, `The deadline is clear: ${date}.`),
  };
}
