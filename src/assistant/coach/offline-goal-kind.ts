/**
 * What kind of goal a text is about (language, running, saving…), read from Russian and
 * English keywords in any word form, and the goal's own object: which language, which habit.
 */
import { normalize, words } from '../offline/text.js';

export type GoalKind =
  | 'language'
  | 'running'
  | 'fitness'
  | 'weight-loss'
  | 'reading'
  | 'saving'
  | 'study'
  | 'writing'
  | 'career'
  | 'habit'
  | 'generic';

const L = '\\p{L}*';

/** Exam words that win over a language ("сдать IELTS", "ЕГЭ по русскому"). */
const EXAM = words(
  `экзамен${L}|сдать|сдам|сдач${L}|егэ|огэ|ielts|toefl|сесси[юяи]|зач[её]т${L}|диплом${L}|сертификаци${L}|exams?|pass|passing|certification|thesis|diploma|gmat|gre`,
);

const KINDS: [GoalKind, RegExp][] = [
  [
    'weight-loss',
    words(
      `похуд${L}|худеть|сбросить|скинуть|снизить\\s+вес|лишн${L}\\s+вес|вес|веса|весе|диет${L}|стройн${L}|lose\\s+(?:some\\s+)?weight|weight\\s+loss|lose\\s+\\d+(?:[.,]\\d+)?\\s*(?:kg|kilos?|lbs?|pounds?)|slim${L}|diet${L}`,
    ),
  ],
  ['study', EXAM],
  [
    'language',
    words(
      `язык(?!${L}\\s+программ)${L}|languages?|fluent${L}|свободно\\s+говорить|разговорн${L}|английск${L}|испанск${L}|немецк${L}|французск${L}|итальянск${L}|китайск${L}|японск${L}|корейск${L}|португальск${L}|турецк${L}|арабск${L}|греческ${L}|чешск${L}|иврит${L}|english|spanish|german|french|italian|chinese|mandarin|japanese|korean|portuguese|turkish|arabic|greek|czech|hebrew`,
    ),
  ],
  [
    'running',
    words(
      `бег|бега|бегом|бегать|бегаю|пробеж${L}|пробегать|забег${L}|${L}марафон${L}|трусц${L}|(?:half-)?marathons?|run(?!\\s+(?:a|my|our|the|an)\\s+(?:business|company|shop|store|team|project|channel|blog|podcast))|runs|running|runner|jog${L}|\\d+k\\s+(?:run|race)`,
    ),
  ],
  [
    'fitness',
    words(
      `трениров${L}|спорт${L}|зал|спортзал${L}|качалк${L}|фитнес${L}|отжим${L}|подтяг${L}|присед${L}|планк${L}|пресс|мышц${L}|растяжк${L}|шпагат${L}|йог${L}|плава${L}|поплыть|велосипед${L}|workouts?|work\\s+out|gym|fitness|exercis${L}|push-?ups?|pull-?ups?|squats?|plank|muscles?|stretch${L}|yoga|swim${L}|cycling|bike|strength|abs|fit`,
    ),
  ],
  [
    'saving',
    words(
      `накоп${L}|копить|сэконом${L}|экономить|отложить|откладывать|сбережени${L}|подушк${L}|долг${L}|кредит${L}|ипотек${L}|бюджет${L}|деньг${L}|денег|руб${L}|save|saving|savings|money|debts?|budget${L}|emergency\\s+fund|pay\\s+off|dollars?|euros?|[$€£₽]\\s*\\d+|\\d+\\s*[$€£₽]`,
    ),
  ],
  [
    'writing',
    words(
      `написать|дописать|писать|пишу|роман|романа|рассказ${L}|повест${L}|стих${L}|поэм${L}|сценари${L}|блог${L}|рукопис${L}|рисова${L}|нарисовать|картин${L}|музык${L}|песн${L}|песен|альбом${L}|подкаст${L}|канал${L}|write|writing|novel|stor(?:y|ies)|poems?|poetry|screenplay|script|blog${L}|manuscript|essays?|draw${L}|paint${L}|music|songs?|album|compose|podcast|youtube|channel`,
    ),
  ],
  [
    'reading',
    words(
      `читать|прочитать|прочесть|перечитать|дочитать|чтени${L}|книг${L}|книжк${L}|литератур${L}|read|reading|books?|novels|literature`,
    ),
  ],
  [
    'career',
    words(
      `работ${L}|проект${L}|карьер${L}|повышени${L}|должност${L}|зарплат${L}|оффер${L}|собеседовани${L}|ваканси${L}|резюме|портфолио|стартап${L}|бизнес${L}|клиент${L}|продаж${L}|запустить|запуск${L}|выручк${L}|руковод${L}|менеджер${L}|job|jobs|career|promot${L}|projects?|launch${L}|startup|business|clients?|customers?|sales|revenue|portfolio|resume|cv|interview${L}|salary|raise|offer|team|manager|product|mvp|company|work`,
    ),
  ],
  [
    'habit',
    words(
      `медитац${L}|медитир${L}|сон|сна|спать|высыпаться|ложиться|вставать|просыпаться|подъ[её]м${L}|вод[аыу]|привычк${L}|курить|курени${L}|алкогол${L}|сахар${L}|сладк${L}|соцсет${L}|телефон${L}|дневник${L}|благодарност${L}|зарядк${L}|осознанност${L}|meditat${L}|mindfulness|sleep${L}|bed|wake|waking|water|hydrat${L}|habits?|smok${L}|alcohol|drink${L}|sugar|social\\s+media|screen\\s+time|phone|journal${L}|gratitude|floss${L}|каждый\\s+день|ежедневно|every\\s+day|daily`,
    ),
  ],
  [
    'study',
    words(
      `курс${L}|обучени${L}|учеб${L}|учиться|изучить|изучать|выучить|научиться|освоить|поступить|сертификат${L}|программирован${L}|python|javascript|coding|code|programming|courses?|study|studying|studies|learn|learning|degree|university|college|certificate`,
    ),
  ],
];

/** The kind of goal `text` is about; 'generic' when no keyword is known. */
export function detectGoalKind(text: string): GoalKind {
  const normal = normalize(text);
  for (const [kind, pattern] of KINDS) {
    pattern.lastIndex = 0;
    if (pattern.test(normal)) return kind;
  }
  return 'generic';
}

export interface LanguageName {
  /** "испанский" */
  ru: string;
  /** "испанского" */
  ruOf: string;
  /** "на испанском" */
  ruIn: string;
  /** "Spanish" */
  en: string;
}

function adjective(stem: string, en: string): [RegExp, LanguageName] {
  return [
    words(`${stem}${L}|${en.toLowerCase()}`),
    { ru: `${stem}ий`, ruOf: `${stem}ого`, ruIn: `на ${stem}ом`, en },
  ];
}

const LANGUAGES: [RegExp, LanguageName][] = [
  adjective('английск', 'English'),
  adjective('испанск', 'Spanish'),
  adjective('немецк', 'German'),
  adjective('французск', 'French'),
  adjective('итальянск', 'Italian'),
  adjective('китайск', 'Chinese'),
  adjective('японск', 'Japanese'),
  adjective('корейск', 'Korean'),
  adjective('португальск', 'Portuguese'),
  adjective('турецк', 'Turkish'),
  adjective('арабск', 'Arabic'),
  adjective('греческ', 'Greek'),
  adjective('чешск', 'Czech'),
  adjective('русск', 'Russian'),
  [words(`иврит${L}|hebrew`), { ru: 'иврит', ruOf: 'иврита', ruIn: 'на иврите', en: 'Hebrew' }],
  [words('mandarin'), { ru: 'китайский', ruOf: 'китайского', ruIn: 'на китайском', en: 'Chinese' }],
];

/** Which language a goal names ("испанского", "learn Spanish"), if any. */
export function languageOf(text: string): LanguageName | undefined {
  const normal = normalize(text);
  for (const [pattern, name] of LANGUAGES) {
    pattern.lastIndex = 0;
    if (pattern.test(normal)) return name;
  }
  return undefined;
}

export type HabitKind = 'meditation' | 'sleep' | 'water' | 'smoking' | 'journal' | 'other';

const HABITS: [HabitKind, RegExp][] = [
  ['meditation', words(`медитац${L}|медитир${L}|осознанност${L}|meditat${L}|mindfulness`)],
  [
    'sleep',
    words(
      `сон|сна|спать|высыпаться|ложиться|вставать|просыпаться|подъ[её]м${L}|sleep${L}|bed|wake|waking`,
    ),
  ],
  ['water', words(`вод[аыу]|water|hydrat${L}`)],
  ['smoking', words(`курить|курени${L}|сигарет${L}|smok${L}|cigarettes?`)],
  ['journal', words(`дневник${L}|благодарност${L}|journal${L}|gratitude`)],
];

export function habitOf(text: string): HabitKind {
  const normal = normalize(text);
  for (const [kind, pattern] of HABITS) {
    pattern.lastIndex = 0;
    if (pattern.test(normal)) return kind;
  }
  return 'other';
}
