/**
 * What the offline coach reads from a goal before judging it: the deadline (the goal's own
 * date or one said in the text), the measure, vague words, a reason, and the kind of goal.
 */
import { DateTime } from 'luxon';
import { takeDeadline } from '../offline/goal-dates.js';
import {
  type Clock,
  compareDates,
  isValidDate,
  type LocalDate,
  todayOf,
} from '../offline/local-time.js';
import type { AssistantLanguage } from '../intent.types.js';
import { capitalize, detectLanguage, normalize, Scanner, words } from '../offline/text.js';
import type { CoachContext, CoachGoal } from './coach.types.js';
import { type Domain, detectDomain } from './offline-domain.js';
import { detectGoalKind, type GoalKind } from './offline-goal-kind.js';
import { mainMeasure, type Measure, takeBareNumber, takeMeasures } from './offline-measures.js';

export interface Deadline {
  date: LocalDate;
  /** The goal's targetDate, or a phrase in its title or description ("к лету"). */
  from: 'field' | 'text';
}

export interface GoalFacts {
  kind: GoalKind;
  /** A finer domain (data analyst, guitar…) with the person's level, when one is named. */
  domain?: Domain;
  /** The language the goal's title is written in. */
  titleLanguage: AssistantLanguage;
  today: LocalDate;
  deadline?: Deadline;
  /** Whole days from today to the deadline (negative when it has passed). */
  daysLeft?: number;
  measure?: Measure;
  /** The title without its deadline phrase, trimmed: "Пробежать 10 км". */
  core: string;
  /** Words of the title's core (numbers included). */
  coreWords: string[];
  descriptionWords: number;
  /** Vague words found in the title: "лучше", "better". */
  vague: string[];
  /** A concrete action verb in the title ("пробежать", "learn"). */
  verb?: string;
  /** Words of the core that are neither the verb, vague, nor filler. */
  objectWords: string[];
  /** "каждый день", "3 раза в неделю", "daily". */
  frequency: boolean;
  /** "когда-нибудь", "someday". */
  someday: boolean;
  /** The description (or title) says why: "чтобы", "because". */
  reason: boolean;
  /** The words that say why ("чтобы переехать в Испанию"), when the text has them. */
  reasonText?: string;
}

/** Weekdays said as a recurrence ("по понедельникам", "every Monday") are not deadlines. */
const RECURRING = words(
  '(?:кажд\\p{L}*|every)\\s+(?:понедельник|вторник|сред\\p{L}|четверг|пятниц\\p{L}|суббот\\p{L}|воскресень\\p{L}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:по\\s+)?(?:понедельник|вторник|четверг|сред|пятниц|суббот)(?:ам|ами|ах)|(?:по\\s+)?воскресень(?:ям|ями|ях)|(?:on\\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days',
);

const FREQUENCY = words(
  'кажд\\p{L}*\\s+(?:день|утро|вечер|недел\\p{L}*|месяц)|ежедневно|еженедельно|в\\s+(?:день|неделю|месяц)|раз\\p{L}*\\s+в|every\\s+(?:day|morning|evening|week|month)|daily|weekly|monthly|per\\s+(?:day|week|month)|a\\s+(?:day|week|month)',
);

const SOMEDAY = words(
  'когда-нибудь|когда\\s+нибудь|когда-то|как-нибудь|скоро|потом|в\\s+будущем|однажды|someday|some\\s+day|one\\s+day|eventually|soon|sometime|in\\s+the\\s+future',
);

const REASON = words(
  'чтобы|чтоб|потому\\s+что|так\\s+как|ради|для\\s+того|поскольку|зачем|мечта\\p{L}*|мечтаю|важно|нужно\\s+для|so\\s+that|because|in\\s+order\\s+to|since|so\\s+i\\s+can|to\\s+be\\s+able|dream\\p{L}*|important|matters',
);

/** The clause that says why, up to the end of its sentence. */
const REASON_CLAUSE =
  /(?:^|[\s,(—–-])((?:чтобы|чтоб|потому что|так как|ради|so that|because|in order to|so i can)\s[^.!?;\n]{3,80})/iu;

/** In a description, "для работы" and "for my family" say why as well. */
const REASON_IN_DESCRIPTION = words('для|ради|for|to\\s+help|will\\s+let');

const VAGUE = words(
  'лучше|больше|меньше|чаще|реже|сильнее|умнее|здоровее|счастлив\\p{L}*|успешн\\p{L}*|хорош\\p{L}*|хорошо|нормальн\\p{L}*|нормально|немного|побольше|поменьше|стать|становиться|быть|улучшить|улучшать|развиваться|развивать\\p{L}*|измениться|меняться|стараться|постараться|попробовать|заняться|собой|лучш\\p{L}*|better|more|less|fewer|healthier|happier|stronger|smarter|improve\\p{L}*|become|good|great|successful|happy|somehow|some|stuff|things|try|fit',
);

const RU_VERB =
  /(?:ать|ять|еть|ить|оть|уть|ыть|ться|чь|чься|йти|идти|вести|нести|расти|прочесть)$/u;
const NOT_VERBS =
  /^(?:\p{L}*надцать|двадцать|тридцать|пять|девять|десять|память|кровать|печать|мать|тетрадь|сеть|ночь|дочь|речь|опять|зять|благодать|путь|суть|ртуть|нить|плоть|треть|стать|быть|улучшить|развиваться|измениться|меняться|стараться|постараться|попробовать|заняться|становиться|хотеть)$/u;

const EN_VERBS = new Set(
  (
    'run jog walk swim ride cycle lift learn read write finish complete publish launch ship build ' +
    'create make save pay earn lose pass find apply practice practise study meditate sleep drink ' +
    'eat cook quit stop start visit travel buy sell hire sign call attend speak reach climb do go ' +
    'draw paint record play master fix clean organize organise plan submit deliver release grow ' +
    'plant teach train prepare pay memorize memorise get land open move hike journal wake'
  ).split(' '),
);

const FILLER = new Set(
  (
    'и в во на к ко до по с со за из от для что как я мне мой моя моё мое мои свой свою своё свое ' +
    'свои это этот эта а но или не же бы уже очень ещё еще всё все себя себе хочу надо нужно ' +
    'the a an to and or of in on at by for with my me i it this that than up off out will want be ' +
    'need should must'
  ).split(' '),
);

function parseTargetDate(value: string | null | undefined): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(date) ? date : undefined;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = DateTime.fromObject(from, { zone: 'UTC' });
  const b = DateTime.fromObject(to, { zone: 'UTC' });
  return Math.round(b.diff(a, 'days').days);
}

interface TextRead {
  measures: Measure[];
  bare?: Measure;
  deadline?: LocalDate;
  /** The text with its deadline phrase cut out (measures stay). */
  withoutDeadline: string;
}

/** Measures first (so "2.5 kg" is not a date), then the deadline, then a bare number. */
function readText(text: string, clock: Clock): TextRead {
  const scanner = new Scanner(text);
  const measures = takeMeasures(scanner);
  scanner.takeAll(RECURRING);
  const before = scanner.text;
  const deadline = takeDeadline(scanner, clock);
  const after = scanner.text;
  let withoutDeadline = '';
  for (let i = 0; i < text.length; i++) {
    withoutDeadline += after[i] === ' ' && before[i] !== ' ' ? ' ' : text[i];
  }
  const bare = takeBareNumber(scanner);
  return {
    measures,
    withoutDeadline,
    ...(deadline ? { deadline } : {}),
    ...(bare ? { bare } : {}),
  };
}

function tokens(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 0 && w !== '-');
}

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function isVague(word: string): boolean {
  return matches(VAGUE, word);
}

function isVerb(word: string): boolean {
  if (EN_VERBS.has(word)) return true;
  return /\p{Script=Cyrillic}/u.test(word) && RU_VERB.test(word) && !NOT_VERBS.test(word);
}

function coreOf(rest: string, title: string): string {
  const core = rest
    .replace(/\s+/gu, ' ')
    .replace(/^[\s,.;:!?—–-]+|[\s,.;:!?—–-]+$/gu, '')
    .replace(/\s+([,.;:!?])/gu, '$1');
  return capitalize(core || title.trim());
}

export function readGoal(goal: CoachGoal, ctx: CoachContext): GoalFacts {
  const clock: Clock = { now: ctx.now, zone: ctx.timezone };
  const today = todayOf(clock);
  const title = goal.title ?? '';
  const description = goal.description ?? '';
  const inTitle = readText(title, clock);
  const inDescription = readText(description, clock);

  const field = parseTargetDate(goal.targetDate);
  const textDate = inTitle.deadline ?? inDescription.deadline;
  const deadline: Deadline | undefined = field
    ? { date: field, from: 'field' }
    : textDate
      ? { date: textDate, from: 'text' }
      : undefined;

  const measure =
    mainMeasure([...inTitle.measures, ...inDescription.measures]) ??
    inTitle.bare ??
    inDescription.bare;

  const core = coreOf(inTitle.withoutDeadline, title);
  const coreWords = tokens(core);
  const vague = coreWords.filter(isVague);
  const verb = coreWords.find((w) => isVerb(w) && !isVague(w));
  const objectWords = coreWords.filter(
    (w) => w !== verb && !isVague(w) && !FILLER.has(w) && !/^\d/u.test(w) && w.length > 1,
  );
  const both = normalize(`${title} ${description}`);
  const has = (pattern: RegExp) => matches(pattern, both);
  const domain = detectDomain(`${title} ${description}`);
  // "Стать аналитиком данных" names a role: "стать" is the verb there, not a vague word.
  const vagueWords = domain ? vague.filter((w) => !/^(?:стать|become|быть|be)$/u.test(w)) : vague;
  const reasonText = (REASON_CLAUSE.exec(description) ?? REASON_CLAUSE.exec(title))?.[1]?.trim();
  const kind = detectGoalKind(`${title} ${description}`);
  const money = kind === 'saving' ? asMoney(measure) : measure;

  return {
    kind,
    ...(domain ? { domain } : {}),
    titleLanguage: detectLanguage(title, ctx.language),
    today,
    ...(deadline ? { deadline, daysLeft: daysBetween(today, deadline.date) } : {}),
    ...(money ? { measure: money } : {}),
    core,
    coreWords,
    descriptionWords: tokens(description).length,
    vague: vagueWords,
    ...(verb || (domain && vague.length > vagueWords.length)
      ? { verb: verb ?? vague.find((w) => !vagueWords.includes(w)) }
      : {}),
    objectWords,
    frequency: has(FREQUENCY),
    someday: has(SOMEDAY),
    reason: has(REASON) || matches(REASON_IN_DESCRIPTION, normalize(description)),
    ...(reasonText ? { reasonText } : {}),
  };
}

/**
 * A saving goal's big bare number is a sum of money: "накопить 300к" means 300 000 in the
 * title's language's usual currency, so its pace can be judged.
 */
function asMoney(measure: Measure | undefined): Measure | undefined {
  if (!measure || measure.hasUnit || measure.amount < 1000) return measure;
  return { ...measure, kind: 'money', hasUnit: true };
}

/** Whether `date` is after today. */
export function isAhead(date: LocalDate, today: LocalDate): boolean {
  return compareDates(date, today) > 0;
}
