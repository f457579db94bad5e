/**
 * The domain of a goal finer than its kind ("стать аналитиком данных" is a career goal, but
 * its plan needs SQL, Python, statistics and a portfolio) and the person's level in it, read
 * from Russian and English words. A domain brings its own SMART phrases and plan template.
 */
import type { AssistantLanguage } from '../intent.types.js';
import { normalize, words } from '../offline/text.js';

export type DomainName = 'data-analyst' | 'developer' | 'designer' | 'instrument';

/** beginner: from scratch; intermediate: has the basics ("подтянуть", "junior → middle"). */
export type DomainLevel = 'beginner' | 'intermediate' | 'advanced';

export interface Domain {
  name: DomainName;
  level: DomainLevel;
  /** The instrument named ("гитаре" → guitar), for the instrument domain. */
  instrument?: { ru: string; ruOn: string; en: string };
}

const L = '\\p{L}*';

/** Checked in order: a data analyst who codes in Python is still an analyst. */
const DOMAINS: [DomainName, RegExp][] = [
  [
    'data-analyst',
    words(
      `аналитик${L}(?:\\s+данных)?|анализ${L}\\s+данных|дата[-\\s]?(?:сайенс${L}|аналитик${L})|data\\s+(?:analy${L}|scien${L})|analysts?|power\\s*bi|tableau`,
    ),
  ],
  [
    'developer',
    words(
      `программист${L}|разработчик${L}|веб-разработк${L}|айтишник${L}|войти\\s+в\\s+(?:айти|it)|developers?|programmers?|front-?end${L}|back-?end${L}|full-?stack|software\\s+engineer${L}|web\\s+develop${L}|get\\s+into\\s+tech`,
    ),
  ],
  [
    'designer',
    words(
      `дизайнер${L}|веб-дизайн${L}|ux|ui|ui/ux|фигм${L}|designers?|figma|graphic\\s+design${L}|product\\s+design${L}`,
    ),
  ],
  [
    'instrument',
    words(
      `гитар${L}|пианино|фортепиано|синтезатор${L}|укулеле|скрипк${L}|барабан${L}|guitar${L}|piano|ukulele|violin|drums?`,
    ),
  ],
];

const INSTRUMENTS: [RegExp, NonNullable<Domain['instrument']>][] = [
  [words(`гитар${L}|guitar${L}`), { ru: 'гитара', ruOn: 'на гитаре', en: 'guitar' }],
  [
    words(`пианино|фортепиано|синтезатор${L}|piano`),
    { ru: 'пианино', ruOn: 'на пианино', en: 'piano' },
  ],
  [words(`укулеле|ukulele`), { ru: 'укулеле', ruOn: 'на укулеле', en: 'ukulele' }],
  [words(`скрипк${L}|violin`), { ru: 'скрипка', ruOn: 'на скрипке', en: 'violin' }],
  [words(`барабан${L}|drums?`), { ru: 'барабаны', ruOn: 'на барабанах', en: 'drums' }],
];

const ADVANCED = words(
  `senior|сеньор${L}|синьор${L}|лид${L}|тимлид${L}|lead|продвинут${L}|профессионал${L}|эксперт${L}|advanced|expert|professional`,
);
const INTERMEDIATE = words(
  `junior|джун${L}|middle|мидл${L}|подтянуть|улучшить|прокачать|повысить|вырасти|improve|level\\s+up|grow|better|intermediate`,
);

export function detectDomain(text: string): Domain | undefined {
  const normal = normalize(text);
  const test = (pattern: RegExp) => {
    pattern.lastIndex = 0;
    return pattern.test(normal);
  };
  const name = DOMAINS.find(([, pattern]) => test(pattern))?.[0];
  if (!name) return undefined;
  // "из джуна в сеньоры" names both: the higher level is the goal, the person is between.
  const level: DomainLevel = test(INTERMEDIATE)
    ? 'intermediate'
    : test(ADVANCED)
      ? 'advanced'
      : 'beginner';
  const instrument =
    name === 'instrument' ? INSTRUMENTS.find(([pattern]) => test(pattern))?.[1] : undefined;
  return { name, level, ...(instrument ? { instrument } : {}) };
}

interface Phrases {
  ru: string;
  en: string;
}

/** What a domain says in a SMART review. */
export interface DomainPhrases {
  /** A measure to add to the goal's title when it has none. */
  measureSuffix: Phrases;
  /** Examples of a measure, for a suggestion. */
  measureExample: Phrases;
  /** Why people usually want this, for the "relevant" question. */
  motives: Phrases;
  /** Weeks it usually takes, by level. */
  weeks: Record<DomainLevel, number>;
}

export const DOMAIN_PHRASES: Record<DomainName, DomainPhrases> = {
  'data-analyst': {
    measureSuffix: {
      ru: ' — оффер на позицию junior-аналитика',
      en: ' — a job offer as a junior data analyst',
    },
    measureExample: {
      ru: 'оффер на позицию аналитика или 3 проекта в портфолио',
      en: 'a data analyst job offer or 3 portfolio projects',
    },
    motives: {
      ru: 'смена профессии, рост дохода или работа с данными в нынешней роли',
      en: 'a career change, a higher income or using data in your current role',
    },
    weeks: { beginner: 36, intermediate: 16, advanced: 12 },
  },
  developer: {
    measureSuffix: {
      ru: ' — первый оффер на позицию разработчика',
      en: ' — a first developer job offer',
    },
    measureExample: {
      ru: 'оффер на позицию разработчика или 2 проекта на GitHub',
      en: 'a developer job offer or 2 projects on GitHub',
    },
    motives: {
      ru: 'новая профессия, удалённая работа или свой продукт',
      en: 'a new profession, remote work or a product of your own',
    },
    weeks: { beginner: 40, intermediate: 20, advanced: 12 },
  },
  designer: {
    measureSuffix: {
      ru: ' — портфолио из 3 кейсов и первый заказ',
      en: ' — a portfolio of 3 case studies and a first client',
    },
    measureExample: {
      ru: '3 кейса в портфолио или первый оплаченный заказ',
      en: '3 portfolio case studies or a first paid project',
    },
    motives: {
      ru: 'новая профессия, фриланс или свои проекты',
      en: 'a new profession, freelancing or projects of your own',
    },
    weeks: { beginner: 30, intermediate: 14, advanced: 10 },
  },
  instrument: {
    measureSuffix: {
      ru: ' — сыграть 3 песни целиком',
      en: ' — play 3 songs all the way through',
    },
    measureExample: {
      ru: 'сыграть 3 песни целиком или 20 минут занятий каждый день',
      en: 'play 3 songs all the way through, or practise 20 minutes a day',
    },
    motives: {
      ru: 'играть для себя, с друзьями или на сцене',
      en: 'playing for yourself, with friends or on stage',
    },
    weeks: { beginner: 16, intermediate: 12, advanced: 12 },
  },
};

export function domainPhrase(phrases: Phrases, language: AssistantLanguage): string {
  return language === 'en' ? phrases.en : phrases.ru;
}
