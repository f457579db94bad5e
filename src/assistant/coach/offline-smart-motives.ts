/**
 * The "relevant" question of the SMART review, asked about this goal: it names the goal and
 * the reasons people usually have for goals of its kind or domain, so two goals never get
 * the same boilerplate line.
 */
import type { AssistantLanguage } from '../intent.types.js';
import { DOMAIN_PHRASES, domainPhrase } from './offline-domain.js';
import type { GoalFacts } from './offline-goal-facts.js';
import type { GoalKind } from './offline-goal-kind.js';
import { quote, shorten, tr } from './offline-words.js';

const MOTIVES: Record<GoalKind, { ru: string; en: string }> = {
  language: {
    ru: 'работа, переезд, путешествия или общение с кем-то',
    en: 'work, a move abroad, travel or talking to someone',
  },
  running: {
    ru: 'здоровье, конкретный старт или время для себя',
    en: 'health, a particular race or time for yourself',
  },
  fitness: {
    ru: 'здоровье, энергия, спина или внешний вид',
    en: 'health, energy, your back or how you look',
  },
  'weight-loss': {
    ru: 'здоровье, самочувствие, событие или одежда',
    en: 'health, how you feel, an event or clothes',
  },
  reading: {
    ru: 'работа, кругозор или отдых от экрана',
    en: 'work, curiosity or a break from screens',
  },
  saving: {
    ru: 'покупка, отпуск, запас на чёрный день или свобода от долгов',
    en: 'a purchase, a holiday, a safety net or being debt-free',
  },
  study: {
    ru: 'поступление, работа, сертификат или интерес',
    en: 'admission, a job, a certificate or curiosity',
  },
  writing: {
    ru: 'публикация, заработок, читатели или удовольствие',
    en: 'publishing, income, readers or the joy of it',
  },
  career: {
    ru: 'доход, интересные задачи, рост или свобода',
    en: 'income, interesting work, growth or freedom',
  },
  habit: {
    ru: 'сон, энергия, спокойствие или здоровье',
    en: 'sleep, energy, calm or health',
  },
  generic: {
    ru: 'что изменится в вашей жизни, когда цель будет достигнута',
    en: 'what will change in your life once it is done',
  },
};

export function motiveQuestion(
  f: GoalFacts,
  lang: AssistantLanguage,
): { comment: string; suggestion: string } {
  const goal = quote(shorten(f.core, 60) || tr(lang, 'цель', 'the goal'), lang);
  const motives = f.domain
    ? domainPhrase(DOMAIN_PHRASES[f.domain.name].motives, lang)
    : MOTIVES[f.kind][lang];
  return {
    comment: tr(
      lang,
      `Не сказано, зачем вам ${goal}: ${motives}? Без причины цель легко отложить.`,
      `It does not say why ${goal} matters to you: ${motives}? Without a reason it is easy to put off.`,
    ),
    suggestion: tr(
      lang,
      `Допишите в описание, зачем вам ${goal}: «…, чтобы …».`,
      `Add to the description why ${goal} matters: “…, so that …”.`,
    ),
  };
}
