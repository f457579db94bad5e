import type {
  AssistantLanguage,
  StepAddIntent,
  StepByPlace,
  StepDeleteIntent,
  StepStatusIntent,
  StepStatusValue,
} from '../intent.types.js';
import { readOrdinal } from './numbers.js';
import { questionFor } from './questions.js';
import { capitalize, type Scanner, words } from './text.js';
import {
  buildDeleteByName,
  cleanPhrase,
  takeFillers,
  isVague,
  takeQuoted,
  targetFrom,
  titleFrom,
} from './titles.js';

const STEP_WORD =
  '(?:(?:an?|the|one\\s+more)\\s+)?(?:new\\s+|another\\s+)?steps?|(?:ещ[её]\\s+)?(?:(?:один|одн[уа])\\s+)?(?:шаг\\p{L}*|подзадач\\p{L}*|пункт(?:а|ов|ы|ом|ик\\p{L}*)?)';

/** Ways to name the goal a step belongs to; group 1 is the goal's name. */
const GOAL_REFERENCES = [
  words(
    '(?:к|в|для)\\s+цел[иь](?:\\s+про)?\\s+(.+?)(?=\\s+(?:добав\\p{L}*|шаг\\p{L}*|надо|нужно)|\\s*[:,]|$)',
    'giud',
  ),
  words(
    // "добавь во вторую пекарню шаг …": up to three words of the goal's name before the step word.
    '(?:к|для|в|во)\\s+(\\p{L}+(?:\\s+\\p{L}+){0,2}?)(?=\\s+(?:(?:добав|закин|докин)\\p{L}*\\s+)?(?:ещ[её]\\s+)?(?:шаг|пункт))',
    'giud',
  ),
  // "… — это шаг к ноутбуку", "… is a step toward the marathon": the goal after the step word.
  words(
    "(?:(?:[—–-]\\s*)?это\\s+(?:ещ[её]\\s+)?(?:один\\s+)?шаг|[—–-]\\s*шаг|(?:(?:[—–-]\\s*)?(?:it['’]s|is)|[—–-])\\s+(?:a|another|one\\s+more)\\s+step)\\s+(?:к|для|в|to|toward|towards|for)\\s+(.+)$",
    'giud',
  ),
  // "купить нарукавники, это для сына…", "update linkedin, for the freelance one".
  words('(?<=[,—–-])\\s*это\\s+(?:для|к|в|по)\\s+(.+)$', 'giud'),
  words('(?<=[,—–-])\\s*(?:for|to)\\s+(?:the|my)\\s+(.+?)\\s+(?:one|goal)\\s*$', 'giud'),
  // "bar exam needs another step: …": the goal first, then what it needs.
  words(
    '^\\s*(.+?)\\s+(?:needs|gets|нужен|нужно)\\s+(?:another|a|one\\s+more|a\\s+new|ещ[её])\\s+(?:step|шаг)',
    'giud',
  ),
  // "add a step to the license one: …": the goal named "the … one" before a colon.
  words('(?:to|for|in|into)\\s+(?:my|the)\\s+([^:,]+?)\\s+one(?=\\s*:)', 'giud'),
  // "for leo's reading goal add: …": the goal's name before the word "goal".
  words('(?:to|for|in|into)\\s+(?:(?:my|the)\\s+)?([^:,]+?)\\s+goal', 'giud'),
  // "добавь в свитер ещё пришить пуговицы": a thing to do added into a goal named by one word.
  words(
    '^\\s*(?:добав\\p{L}*|закинь|докинь)\\s+(?:в|во|к)\\s+(\\p{L}+)(?=\\s+(?:ещ[её]\\s+)?\\p{L}+(?:ть|ться|ти)(?![\\p{L}]))',
    'giud',
  ),
  // "for the phone one - babysit …": the goal named "the … one" first, then a dash and the step.
  words(
    '^\\s*(?:for|to|in|into)\\s+(?:the|my)\\s+(.+?)\\s+(?:one|goal)\\s*(?::|[—–]|-(?=\\s))',
    'giud',
  ),
  // "для похудения: купить браслет", "в доставку — договориться …": the goal, a colon or a dash, the step.
  words('^\\s*(?:к|для|в|во|to|for|in|into)\\s+([^:—–]{2,40}?)\\s*(?::|[—–]|\\s-(?=\\s))', 'giud'),
  words('(?:to|for)\\s+(?:the\\s+)?goal\\s+(.+?)(?=\\s*[:,]|\\s+add|$)', 'giud'),
  // "добавь шаг к докторской: написать …": the goal right after the step word, then a colon or a dash.
  words(
    '(?:шаг\\p{L}*|пункт\\p{L}*|steps?)\\s+(?:к|для|в|во|to|for|in|into)\\s+([^:—–]{2,40}?)\\s*(?::|[—–]|\\s-(?=\\s))',
    'giud',
  ),
];
/** "add step 'X' to guitar": after a quoted title, "to …" names the goal. */
const GOAL_AFTER_QUOTE = words('(?:to|for|в|к)\\s+(.+)$', 'giud');

function takeGoalReference(scanner: Scanner, quoted: boolean): string | undefined {
  const patterns = quoted ? [...GOAL_REFERENCES, GOAL_AFTER_QUOTE] : GOAL_REFERENCES;
  for (const pattern of patterns) {
    const match = scanner.take(pattern);
    const span = match?.indices?.[1];
    if (!span) continue;
    const name = cleanPhrase(scanner.slice(span[0], span[1]));
    if (name) return name;
  }
  return undefined;
}

const ADD_FILLERS = [
  // "хочу в одну цель ещё пункт докинуть", "add something to one of my goals": none named yet.
  '(?:в|к|для)\\s+одн\\p{L}*\\s+(?:из\\s+)?(?:мо\\p{L}*\\s+)?цел\\p{L}*|(?:to|for|in)\\s+one\\s+of\\s+my\\s+goals|(?:can|could)\\s+(?:u|you)|something|кое-?что|что-?(?:то|нибудь)|хочу|i\\s+(?:want|wanna|need)(?:\\s+to)?',
  'добав\\p{L}*|закинь|докин\\p{L}*|накинь|созда\\p{L}*|нов(?:ый|ая|ую|ое)|add|new|create|надо|нужно',
  'ещ[её](?=\\s+\\p{L}+(?:ть|ться|ти)(?![\\p{L}]))',
  // "actually no, add a step …": a change of mind before the request.
  'actually(?:,?\\s+no)?|на\\s+самом\\s+деле|нет,?\\s+лучше|лучше',
  STEP_WORD,
];

/** "добавь шаг купить кроссовки к цели марафон", "add a step to my Spanish goal: find a tutor". */
export function buildStepAdd(scanner: Scanner, language: AssistantLanguage): StepAddIntent {
  const quoted = takeQuoted(scanner);
  const goalTarget = takeGoalReference(scanner, quoted !== undefined);
  takeFillers(scanner, ADD_FILLERS);
  const said = quoted ? capitalize(quoted) : titleFrom(scanner);
  const title = said && !isVague(said) ? said : undefined;
  const intent: StepAddIntent = { intent: 'step_add', language, missing: title ? [] : ['title'] };
  if (title) intent.title = title;
  if (goalTarget) intent.goalTarget = goalTarget;
  if (!title) intent.question = questionFor('step_add', 'title', language);
  return intent;
}

/** "сними галочку", "ещё не записался", "uncheck", "not done": back to not done. */
export const UNDONE =
  'untick(?:ed)?|пока\\s+не\\s+(?:закры|сдал|сдан|сдел|выполн|законч|готов)\\p{L}*|(?:отметк\\p{L}*|галочк\\p{L}*|галк\\p{L}*)\\s+(?:там\\s+)?зря(?:\\s+сто\\p{L}*)?|зря\\s+отмет\\p{L}*|сними\\s+(?:галочк\\p{L}*|галк\\p{L}*|отметк\\p{L}*)|ещ[её]\\s+не\\s+\\p{L}+|не\\s+(?:сделан\\p{L}*|готов\\p{L}*|выполнен\\p{L}*)|верни\\s+(?:в\\s+работу|обратно)|uncheck(?:ed)?|un-?mark|unmark|(?:as\\s+)?not\\s+(?:done|finished|complete[d]?)|(?:isn[\\x27’]?t|is\\s+not|wasn[\\x27’]?t|was\\s+not)\\s+(?:actually\\s+|really\\s+)?(?:done|finished|complete[d]?)|reopen';

const STATUS_WORDS: [StepStatusValue, string][] = [
  ['todo', UNDONE],
  ['skipped', 'пропус\\p{L}*|пропущ\\p{L}*|skip(?:ped)?'],
  [
    'in_progress',
    'начал\\p{L}*|в\\s+процессе|в\\s+работе|делаю|in\\s+progress|started|start(?:ing)?|working\\s+on',
  ],
  [
    'done',
    'выполн\\p{L}*|сделал\\p{L}*|сделан\\p{L}*|готов[оа]?|закончил\\p{L}*|заверш\\p{L}*|done|completed?|finished|did|tick(?:\\s+off)?|check\\s+off',
  ],
];
const STATUS_FILLERS = [
  "отметь|отметить|mark(?:ed)?|actually|i\\s+haven['’]?t|yet|(?:that|it)(?=\\s*$)|верни\\s+как\\s+было|на\\s+самом\\s+деле|it\\s+broke|returned\\s+them|returned\\s+it",
  "как|as|is|я|i['’]m|i\\s+am|i",
  STEP_WORD,
];

const PLACE_WORD =
  '(перв|втор|трет|четв[её]рт|пят|последн)\\p{L}*|(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)';
export const STEP_BY_PLACE = words(
  `(?:(?:the|my)\\s+)?(?:${PLACE_WORD})\\s+(?:шаг\\p{L}*|пункт\\p{L}*|step|item|task)`,
);
/** What is left around the goal's name once the place is taken: "в цели", "of the … goal". */
const GOAL_NAME_FILLERS = [
  'в|во|по|из|для|к|of|in|from|for|on|on\\s+the|in\\s+my|of\\s+my|of\\s+the|in\\s+the|from\\s+the|from\\s+my',
  'цел\\p{L}*|goal|my|the|мо\\p{L}*',
];

/** "первый шаг в полумарафоне", "the last step of the cooking goal": the place and the goal. */
function takeStepByPlace(scanner: Scanner, fillers: string[]): StepByPlace | undefined {
  const match = scanner.take(STEP_BY_PLACE);
  if (!match) return undefined;
  const stepNumber = readOrdinal(match[1] ?? match[2] ?? '') ?? placeOf(match[2] ?? '');
  if (stepNumber === undefined) return undefined;
  takeFillers(scanner, [...fillers, ...GOAL_NAME_FILLERS]);
  const goalTarget = targetFrom(scanner);
  return goalTarget ? { stepNumber, goalTarget } : { stepNumber };
}

const placeOf = (word: string) =>
  ({ fifth: 5, '5th': 5, пят: 5 })[word.toLowerCase()] as number | undefined;

/** "the photo step", "my tutor step": up to three words naming a step before the word. */
const NAMED_BEFORE_STEP = words(
  '(?:the|my|that)\\s+((?:\\p{L}+\\s+){0,2}?\\p{L}+)\\s+step(?!s)',
  'giud',
);

/** "one of the ccrn steps", "один из шагов по ремонту": a step of the goal named, not said which. */
const ONE_OF_GOALS_STEPS = words(
  '(?:one\\s+of\\s+(?:the\\s+|my\\s+)?(.+?)\\s+steps|(?:один|одн\\p{L}*)\\s+из\\s+шагов\\s+(?:(?:в|по|для|из)\\s+)?(?:цели\\s+)?(.+?)(?=\\s+(?:как|сделан\\p{L}*|выполнен\\p{L}*|готов\\p{L}*)|$))',
  'giud',
);

/** "отметь шаг купить кроссовки как выполненный", "skip the step sign up for the gym". */
export function buildStepStatus(scanner: Scanner, language: AssistantLanguage): StepStatusIntent {
  const quoted = takeQuoted(scanner);
  let status: StepStatusValue = 'done';
  for (const [value, pattern] of STATUS_WORDS) {
    if (scanner.take(words(pattern))) {
      status = value;
      break;
    }
  }
  for (const [, pattern] of STATUS_WORDS) scanner.takeAll(words(pattern));
  const intent: StepStatusIntent = { intent: 'step_status', language, status, missing: [] };
  const place = quoted ? undefined : takeStepByPlace(scanner, STATUS_FILLERS);
  if (place) return { ...intent, ...place };
  // "the photo step isnt done, pics came out blurry": the step's name is before "step".
  const named = quoted ? undefined : scanner.take(NAMED_BEFORE_STEP);
  const namedSpan = named?.indices?.[1];
  const namedTarget = namedSpan && cleanPhrase(scanner.slice(namedSpan[0], namedSpan[1]));
  if (namedTarget) return { ...intent, target: namedTarget };
  const ofGoal = quoted ? undefined : scanner.take(ONE_OF_GOALS_STEPS);
  const goalSpan = ofGoal?.indices?.[1] ?? ofGoal?.indices?.[2];
  const goalTarget = goalSpan && cleanPhrase(scanner.slice(goalSpan[0], goalSpan[1]));
  if (goalTarget) {
    const question = questionFor('step_status', 'target', language);
    return { ...intent, goalTarget, missing: ['target'], ...(question ? { question } : {}) };
  }
  takeFillers(scanner, STATUS_FILLERS);
  const target = quoted ?? targetFrom(scanner);
  if (target) intent.target = target;
  else {
    intent.missing = ['target'];
    intent.question = questionFor('step_status', 'target', language);
  }
  return intent;
}

const DELETE_FILLERS = [
  '(?:out\\s+of|из|from)\\s+(?:the\\s+|my\\s+)?\\p{L}.*$',
  '(?:из|from)\\s+(?:цели|the\\s+.+?\\s+goal|my\\s+.+?\\s+goal|goal).*$',
  'удали\\p{L}*|удалить|убери\\p{L}*|убрать|сотри|вычеркн\\p{L}*|delete|remove|drop|erase|take|out',
  STEP_WORD,
];

/** "удали шаг купить кроссовки", "remove the step find a tutor from the Spanish goal". */
export function buildStepDelete(scanner: Scanner, language: AssistantLanguage): StepDeleteIntent {
  const place = takeStepByPlace(scanner, DELETE_FILLERS.slice(1));
  if (place) return { intent: 'step_delete', language, missing: [], ...place };
  return buildDeleteByName('step_delete', scanner, language, DELETE_FILLERS);
}
