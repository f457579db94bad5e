import type {
  AssistantLanguage,
  GoalCreateIntent,
  GoalDeleteIntent,
  GoalProgressIntent,
  GoalSearchIntent,
  GoalStatusFilter,
} from '../intent.types.js';
import { takeDeadline } from './goal-dates.js';
import { type Clock, isoDate } from './local-time.js';
import { questionFor } from './questions.js';
import { capitalize, type Scanner } from './text.js';
import { buildDeleteByName, takeFillers, takeQuoted, targetFrom, titleFrom } from './titles.js';

const GOAL_WORD = 'цел(?:ь|и|ей|ью|ям)|цельк\\p{L}*|целк\\p{L}*|goals?';

const CREATE_FILLERS = [
  '(?:я\\s+)?(?:очень\\s+)?(?:хочу|хотел[аи]?\\s+бы|мечтаю|планирую|собираюсь|надо\\s+бы|нужно|пора)(?:\\s+(?:наконец|уже))?',
  "i\\s+(?:wanna|gotta|need\\s+to)|(?:i['’]m\\s+)?gonna|help\\s+me(?:\\s+to)?",
  '(?:поставь?|поставить|создай|создать|добавь|добавить|задай|запиши)(?:\\s+мне|\\s+себе)?(?:\\s+новую)?\\s+цель(?:\\s+чтобы)?',
  // "пятнадцать книг … осилить, запиши как цель", "save it as a goal"
  '(?:запиши|добавь|сохрани|поставь)(?:\\s+(?:это|её|ее))?\\s+как\\s+цель|(?:add|save|set|put)(?:\\s+(?:it|this|that))?\\s+as\\s+(?:a\\s+|my\\s+)?goal',
  // "бабушка хочет научиться…, запиши целью", "…, that's a goal"
  "(?:запиши|поставь|сохрани|добавь|сделай)(?:\\s+(?:это|её|ее|мне))?\\s+целью|that['’]?s\\s+(?:a|my)(?:\\s+new)?\\s+goal|(?:it|this)\\s+is\\s+(?:a|my)(?:\\s+new)?\\s+goal|make\\s+(?:it|this|that)\\s+a\\s+goal",
  'короче|в\\s+общем|слушай|so|ok(?:ay)?|well',
  // "добавь в мои цели марафон", "add learning piano to my goals"
  '(?:в|к)\\s+(?:мои|мой|список)\\s+цел\\p{L}*|(?:в|к)\\s+цел(?:и|ям)|(?:to|on|in)\\s+my\\s+goals(?:\\s+list)?|^\\s*(?:add|put|добавь|внеси)',
  'нов(?:ая|ую)\\s+цель|мо[яю]\\s+цель(?:\\s+(?:это|—|-))?',
  "i\\s+(?:really\\s+)?(?:want|would\\s+like|wish|plan|am\\s+going|am\\s+planning)\\s+to|i['’](?:d\\s+(?:really\\s+)?like|m\\s+going|m\\s+planning)\\s+to",
  '(?:set|create|add|make)\\s+(?:me\\s+)?(?:a\\s+)?(?:new\\s+)?goal(?:\\s+to)?|new\\s+goal|my\\s+(?:new\\s+)?goal\\s+is(?:\\s+to)?',
  GOAL_WORD,
];

/** "хочу выучить испанский к лету", "new goal: run a marathon by the end of the year". */
export function buildGoalCreate(
  scanner: Scanner,
  clock: Clock,
  language: AssistantLanguage,
): GoalCreateIntent {
  const quoted = takeQuoted(scanner);
  const deadline = takeDeadline(scanner, clock);
  takeFillers(scanner, CREATE_FILLERS);
  const title = quoted ? capitalize(quoted) : titleFrom(scanner);
  const intent: GoalCreateIntent = {
    intent: 'goal_create',
    language,
    missing: title ? [] : ['title'],
  };
  if (title) intent.title = title;
  if (deadline) intent.targetDate = isoDate(deadline);
  if (!title) intent.question = questionFor('goal_create', 'title', language);
  return intent;
}

const STATUSES: [GoalStatusFilter, RegExp][] = [
  ['completed', /выполнен|заверш|достигнут|законч|completed|finished|done|achieved/u],
  ['paused', /приостановлен|на\s+паузе|paused|on\s+hold/u],
  ['archived', /архив|archived/u],
  ['active', /активн|текущ|active|current|ongoing/u],
];

/** "покажи мои цели", "list my completed goals". */
export function buildGoalSearch(scanner: Scanner, language: AssistantLanguage): GoalSearchIntent {
  const intent: GoalSearchIntent = { intent: 'goal_search', language, missing: [] };
  const status = STATUSES.find(([, pattern]) => pattern.test(scanner.text));
  if (status) intent.status = status[0];
  return intent;
}

const PROGRESS_FILLERS = [
  'как(?:ой|ов)?\\s+(?:у\\s+меня\\s+)?(?:мой\\s+)?прогресс|прогресс\\p{L}*|как\\s+продвига\\p{L}*|насколько\\s+я\\s+продвинул\\p{L}*|продвинул\\p{L}*|продвига\\p{L}*',
  'сколько\\s+(?:мне\\s+)?осталось(?:\\s+до)?|покажи|как\\s+(?:там\\s+)?(?:дела|успехи)(?:\\s+(?:с|по))?|(?:что|че|чё|чо)\\s+(?:там\\s+)?(?:с|по)|как\\s+там(?:\\s+(?:с|по))?|сколько\\s+процентов|процент\\p{L}*|выполнено',
  "where\\s+am\\s+i\\s+at(?:\\s+with)?|am\\s+i\\s+on\\s+track(?:\\s+(?:with|for))?|how\\s+am\\s+i\\s+doing|how\\s+far\\s+along\\s+am\\s+i|how\\s+(?:far|close)\\s+am\\s+i(?:\\s+(?:to|from|with))?|how\\s+much(?:\\s+of)?|how['’]s|how\\s+is|how\\s+are|going|what\\s+percent(?:age)?(?:\\s+of)?|is\\s+done|done|coming\\s+along|what['’]?s\\s+up\\s+with|(?:the\\s+)?status\\s+of",
  "(?:what['’]?s|what\\s+is|show(?:\\s+me)?)\\s+my\\s+progress|my\\s+progress|progress",
  'на\\s+каком\\s+(?:я\\s+)?этапе(?:\\s+(?:по|в|с))?|(?:я\\s+)?(?:вообще\\s+)?(?:успева(?:ю|ем)|в\\s+графике)|много\\s+(?:ли\\s+)?(?:ещ[её]\\s+)?(?:пунктов|шагов)|по',
  GOAL_WORD,
  // "по своим целям": all of them, no one goal named.
  'сво(?:им|их|и|ей)|all(?:\\s+of)?\\s+my|my',
];

/** "как мой прогресс по испанскому?", "progress on the marathon goal". */
export function buildGoalProgress(
  scanner: Scanner,
  language: AssistantLanguage,
): GoalProgressIntent {
  const quoted = takeQuoted(scanner);
  takeFillers(scanner, PROGRESS_FILLERS);
  const target = quoted ?? targetFrom(scanner);
  const intent: GoalProgressIntent = { intent: 'goal_progress', language, missing: [] };
  if (target) intent.target = target;
  return intent;
}

const DELETE_FILLERS = [
  'удали\\p{L}*|удалить|убери\\p{L}*|убрать|отмени\\p{L}*|сотри|стереть|снеси|сноси|снести|выкин\\p{L}*|delete|remove|drop|cancel|erase|kill|scrap|ditch|get\\s+rid\\s+of',
  // "i need to get rid of a goal", "одну цель надо удалить": no goal named yet.
  'i\\s+(?:need|want|have)\\s+to|i\\s+(?:wanna|gotta)|надо|нужно|хочу|one\\s+of\\s+my|одну|одн\\p{L}+\\s+из|an?|my',
  // "goal cleanup, delete one": tidying the list, still no goal named.
  'clean-?\\s*up|чистк\\p{L}*|расчист\\p{L}*|(?<=\\s)one(?=[\\s.!]*$)',
  GOAL_WORD,
];

/** "удали цель про марафон", "remove my marathon goal". */
export function buildGoalDelete(scanner: Scanner, language: AssistantLanguage): GoalDeleteIntent {
  return buildDeleteByName('goal_delete', scanner, language, DELETE_FILLERS);
}
