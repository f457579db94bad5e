/** The five SMART criteria of the offline coach, each a score, a comment and a suggestion. */
import type { AssistantLanguage } from '../intent.types.js';
import type { LocalDate } from '../offline/local-time.js';
import { DOMAIN_PHRASES, domainPhrase } from './offline-domain.js';
import { type GoalFacts } from './offline-goal-facts.js';
import { formatMoney, MEASURE_EXAMPLE, neededWeeks, savableIn } from './offline-smart-hints.js';
import { motiveQuestion } from './offline-smart-motives.js';
import {
  aboutWeeks,
  countDays,
  countWeeks,
  formatDate,
  quote,
  shorten,
  tr,
} from './offline-words.js';

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
  const example = f.domain
    ? domainPhrase(DOMAIN_PHRASES[f.domain.name].measureExample, lang)
    : MEASURE_EXAMPLE[f.kind][lang];
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

export function judgeAchievable(
  f: GoalFacts,
  lang: AssistantLanguage,
  suggested: LocalDate,
): Judgement {
  const need = neededWeeks(f);
  const date = formatDate(suggested, lang);
  const realistic = tr(
    lang,
    `Поставьте срок с запасом: обычно на это нужно ${aboutWeeks(need ?? 0, 'ru')}, например ${date}.`,
    `Allow enough time: this usually takes ${aboutWeeks(need ?? 0, 'en')}, for example ${date}.`,
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
      // The time-bound suggestion already names the date; one line about it is enough.
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
    const score = tight ? 65 : ratio >= 0.3 ? 40 : 20;
    if (f.measure?.kind === 'money' && !tight)
      return moneyTooFast(f, f.daysLeft, lang, score, date);
    return {
      score,
      comment: tr(
        lang,
        `До срока ${left}, а обычно нужно ${about} — ${tight ? 'напряжённо, но возможно' : 'нереально'}.`,
        `${capitalizeEn(left)} left, while this usually takes ${about} — ${tight ? 'tight but possible' : 'unrealistic'}.`,
      ),
      suggestion: tight
        ? tr(
            lang,
            'Заложите запас: распишите шаги по неделям и проверьте, что всё помещается.',
            'Leave a margin: lay the steps out week by week and check that they fit.',
          )
        : tr(
            lang,
            `Перенесите срок на ${date} (нужно ${about}) или уменьшите объём цели.`,
            `Move the deadline to ${date} (it takes ${about}) or make the goal smaller.`,
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

/** "$5000 in 3 weeks": says what pace that is and offers a date or an amount that fit. */
function moneyTooFast(
  f: GoalFacts,
  daysLeft: number,
  lang: AssistantLanguage,
  score: number,
  date: string,
): Judgement {
  const m = f.measure!;
  const months = Math.max(daysLeft / 30.4, 0.25);
  const perMonth = formatMoney(Math.round(m.amount / months), m.text, f.titleLanguage, lang);
  const amount = formatMoney(
    savableIn(daysLeft, m.text, f.titleLanguage),
    m.text,
    f.titleLanguage,
    lang,
  );
  const own = formatDate(f.deadline!.date, lang);
  return {
    score,
    comment: tr(
      lang,
      `Отложить ${quote(m.text, lang)} до ${own} — это около ${perMonth} в месяц: для обычного бюджета нереально.`,
      `Saving ${quote(m.text, lang)} by ${own} means about ${perMonth} a month: unrealistic for a usual budget.`,
    ),
    suggestion: tr(
      lang,
      `Перенесите срок на ${date} или поставьте к ${own} сумму около ${amount}.`,
      `Move the deadline to ${date}, or aim for about ${amount} by ${own}.`,
    ),
  };
}

function capitalizeEn(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function judgeRelevant(f: GoalFacts, lang: AssistantLanguage): Judgement {
  if (f.reason) {
    const why = f.reasonText ? quote(shorten(f.reasonText, 60), lang) : undefined;
    return {
      score: f.descriptionWords >= 8 ? 90 : 85,
      comment: why
        ? tr(
            lang,
            `Причина названа — ${why}; вспоминайте её, когда захочется бросить.`,
            `The reason is there — ${why}; recall it when you feel like quitting.`,
          )
        : tr(
            lang,
            'Понятно, зачем вам эта цель, — это поможет не бросить.',
            'It is clear why this goal matters to you — that helps you keep going.',
          ),
    };
  }
  const question = motiveQuestion(f, lang);
  return {
    score: f.descriptionWords > 0 ? 60 : 50,
    comment: question.comment,
    suggestion: question.suggestion,
  };
}

export function judgeTimeBound(
  f: GoalFacts,
  lang: AssistantLanguage,
  suggested: LocalDate,
): Judgement {
  const example = formatDate(suggested, lang);
  const need = neededWeeks(f);
  const { deadline, daysLeft } = f;
  if (!deadline || daysLeft === undefined) {
    return {
      score: f.someday ? 15 : 10,
      comment: f.someday
        ? tr(lang, '«Когда-нибудь» — это не срок.', '“Someday” is not a deadline.')
        : tr(lang, 'Срока нет.', 'There is no deadline.'),
      suggestion:
        need === undefined
          ? tr(
              lang,
              `Назначьте дату, к которой цель должна быть достигнута, например ${example}.`,
              `Set a date by which the goal is reached, for example ${example}.`,
            )
          : tr(
              lang,
              `Назначьте срок с запасом: обычно на это нужно ${aboutWeeks(need, 'ru')}, например ${example}.`,
              `Set a deadline with a margin: this usually takes ${aboutWeeks(need, 'en')}, for example ${example}.`,
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
        `Назначьте новый срок вместо прошедшего ${date}, например ${example}.`,
        `Set a new deadline instead of ${date}, which has passed, for example ${example}.`,
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
