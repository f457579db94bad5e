import type { IntentName, SmallTalkKind } from '../intent.types.js';
import { MONTH_WORD, WEEKDAY_WORD } from './lexicon.js';
import { mentionsClockTime } from './time-of-day.js';
import {
  isBareGoal,
  isChangeOfEvent,
  isColloquialDelete,
  isFreeTimeQuestion,
  isScheduleQuestion,
  isWhenIsQuestion,
} from './phrasings.js';
import { STEP_BY_PLACE, UNDONE } from './steps.js';
import { startsWith, words } from './text.js';

/** What the keyword rules say; `maybe_event` is decided by whether a date or time is found. */
export type Classification = { intent: Exclude<IntentName, 'small_talk'> | 'maybe_event' };

const has = (pattern: RegExp, text: string): boolean => {
  pattern.lastIndex = 0;
  return pattern.test(text);
};

/** The things the assistant is for, as a topic of a help question ("помочь с расписанием"). */
const HELP_TOPIC =
  '(?:с|по|в)\\s+(?:мо(?:им|ими|ей|ем)\\s+)?(?:расписани\\p{L}*|календар\\p{L}*|цел\\p{L}*|привычк\\p{L}*|план\\p{L}*|дел(?:ами|ах)|задач\\p{L}*)|with\\s+(?:my\\s+)?(?:schedule|calendar|goals|habits|plans)';
/** "чем ещё ты можешь помочь с расписанием?", "what else can u help me with": asking what it can do. */
const ASKED_FOR_HELP = `(?:что|чем)\\s+(?:ещ[её]\\s+)?(?:ты\\s+)?(?:мне\\s+)?(?:умеешь|можешь)(?:\\s+ты)?(?:\\s+мне)?\\s+помочь(?:\\s+мне)?(?:\\s+${HELP_TOPIC})?|(?:what\\s+(?:else\\s+)?|how\\s+)(?:can|could)\\s+(?:you|u)\\s+(?:help|do)(?:\\s+(?:me|for\\s+me))?(?:\\s+with)?(?:\\s+${HELP_TOPIC})?`;

const SMALL_TALK: [SmallTalkKind, RegExp][] = [
  [
    'help',
    words(
      `${ASKED_FOR_HELP}|(?:что|чем)\\s+ты\\s+(?:умеешь|можешь)|ты\\s+умеешь\\s+\\p{L}+\\s*\\?|can\\s+you\\s+(?:do|send|set)\\s+reminders\\s*\\?|помощь|помоги|справка|как\\s+(?:тобой|этим|тут)\\s+пользоваться|что\\s+ты\\s+такое|/?help|/?start|what\\s+can\\s+you\\s+do|ты\\s+кто|кто\\s+ты|who\\s+are\\s+you|what\\s+are\\s+you|how\\s+(?:do\\s+i\\s+use\\s+(?:you|this|it)|does\\s+this\\s+work)|commands|ты\\s+бот|ты\\s+(?:вообще\\s+)?(?:для\\s+чего|зачем)\\s+нуж\\p{L}*|как\\s+тебя\\s+зовут|кто\\s+тебя\\s+(?:сделал|создал|написал)|are\\s+you\\s+a\\s+bot|who\\s+(?:made|built|created)\\s+you|what.?s\\s+your\\s+name`,
    ),
  ],
  [
    'thanks',
    words(
      'спасибо|благодарю|спс|пасиб\\p{L}*|сенк\\p{L}*|thank\\s+you|thanks|thx|ty|cheers|ta|(?:much\\s+)?appreciated|(?:i\\s+)?appreciate\\s+(?:it|that|you)',
    ),
  ],
  [
    'farewell',
    words(
      'пока|до\\s+свидания|до\\s+встречи|спокойной\\s+ночи|bye|goodbye|see\\s+you|good\\s+night',
    ),
  ],
  [
    'greeting',
    words(
      "привет(?:ик|ствую)?|здравствуй(?:те)?|добр(?:ый|ое|ого)\\s+(?:день|утро|вечер|утра|дня|вечера)|хай|салют|как\\s+(?:у\\s+тебя\\s+)?дела|как\\s+ты|hi|hello|hey|good\\s+(?:morning|afternoon|evening)|how\\s+are\\s+you|how['’]?s\\s+it\\s+going|what['’]?s\\s+up|sup|yo",
    ),
  ],
  [
    'chat',
    words(
      'ок(?:ей)?|окей|ладно|понял[а]?|ясно|норм(?:ально|ас)?|хорошо|класс|огонь|круто|супер|отлично|ага|угу|скучно|устал[аи]?(?:\\s+как\\s+собака)?|вс[её]\\s*,?\\s*я\\s+спать|я\\s+спать|пойду\\s+спать|ха(?:ха)+|лол|ok(?:ay)?|cool|nice|great|got\\s+it|sure|fine|lol|haha+|hah|long\\s+day(?:\\s+today)?|tired|bored|u\\s+there|are\\s+you\\s+there|ты\\s+тут|ты\\s+здесь',
    ),
  ],
];

/** Only emoji, punctuation and laughter: a reaction, not a request. */
const REACTION =
  /^[\p{Extended_Pictographic}\p{Emoji_Component}\s!.)(]*\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{Emoji_Component}\s!.)(]*$/u;

/** Words that may come with small talk without making it a request. */
const SMALL_TALK_FILLER = words(
  "а|ну|и|бро|братан|солнышко|солнце|дорог(?:ой|ая|уша)|мил(?:ый|ая)|родн(?:ой|ая|енький|енькая)|зай(?:ка|чик)|hun|hon|honey|dear|sweetie|darling|babe|love|mate|man|dude|buddy|bro|большое|огромное|очень|тебе|вам|бот|там|друг|ты\\s+(?:лучший|супер|молодец|топ)|молодец|круто|супер|отлично|you['’]?re\\s+(?:the\\s+best|great|awesome)|great|awesome|cool|помог\\p{L}*|выручил\\p{L}*|подскажи(?:те)?|пожалуйста|пж|плиз|please|pls|(?:that|it|you)\\s+helped|helpful|you|so|much|very|there|bot|a|lot|friend|again|ещ[её]|раз",
);

/** The kind of small talk when the message is nothing else ("спасибо!", "hi there"). */
export function smallTalk(text: string): SmallTalkKind | undefined {
  if (REACTION.test(text)) return 'chat';
  let rest = text;
  let kind: SmallTalkKind | undefined;
  for (const [name, pattern] of SMALL_TALK) {
    if (has(pattern, rest)) {
      kind ??= name;
      rest = rest.replace(pattern, ' ');
    }
  }
  if (!kind) return undefined;
  rest = rest.replace(SMALL_TALK_FILLER, ' ');
  return /[\p{L}\p{N}]/u.test(rest) ? undefined : kind;
}

/** "ещё пункт в сессию": a point of a goal's list is a step ("пункт выдачи" is a place). */
const STEP = words('шаг\\p{L}*|подзадач\\p{L}*|пункт(?:а|ов|ы|ом|ик\\p{L}*)?(?!\\s+выдач)|steps?');
const GOAL = words('цел(?:ь|и|ей|ью|ям|ями|ях)|цельк\\p{L}*|целк\\p{L}*|goals?');
/** "не удаляй" takes a delete back. */
const DELETE = words(
  "(?<!(?:не|don['’]t|do\\s+not)\\s+)(?:удали\\p{L}*|удаля\\p{L}*|удалить|убери|убрать|уберите|сотри|стереть|стира\\p{L}*|delete|remove|drop(?!\\s+(?:off|by|in))|erase|get\\s+rid\\s+of|выкин\\p{L}*|выброс\\p{L}*|scrap|ditch)",
);
const CANCEL = words('отмени\\p{L}*|cancel');
const UNDONE_WORDS = words(UNDONE);
const STEP_STATUS = words(
  'выполн\\p{L}*|сделал\\p{L}*|сделан\\p{L}*|готов[оа]?|закончил\\p{L}*|заверш\\p{L}*|пропус\\p{L}*|пропущ\\p{L}*|начал\\p{L}*|в\\s+процессе|в\\s+работе|done|completed?|finished|did|skip\\p{L}*|in\\s+progress|started|working\\s+on|mark(?:ed)?|отметь|отметить|галочк\\p{L}*|галк\\p{L}*|tick(?:ed)?|check\\s+off',
);
const STATUS_PREFIX = startsWith('готово|сделано|выполнено|done|completed|finished');
/** "learn chords - done" */
const STATUS_SUFFIX = /[-—–:]\s*(?:готово|сделано|выполнено|done|completed|finished)[\s.!]*$/u;
const MARK_AS = words('(?:отметь|отметить|mark)\\s+.+\\s+(?:как|as)\\s+\\p{L}+');
const ADD = words('добав\\p{L}*|нов(?:ый|ая|ую|ое)|созда\\p{L}*|add|new|create');
/** "что по категории" asks about a thing; "что по пятнице", "что по утрам" ask about days. */
const STATUS_OF_THING = `(?:что|чо|че|чё)\\s+(?:там\\s+)?по\\s+(?!(?:пон|вт|сред|чет|пят|суб|вос|сегодн|завтр|послезавтр|выходн|будн|недел|месяц|утр|вечер|дн|ноч|${MONTH_WORD})|мне|тебе|план|расписани|календар|дел(?:ам|у)?(?![\\p{L}])|встреч|событи|задач|погод|времен)\\p{L}+|как\\s+там\\s+(?:с|по)(?=\\s)`;
const PROGRESS = words(
  `${STATUS_OF_THING}|прогресс\\p{L}*|продвига\\p{L}*|продвинул\\p{L}*|сколько\\s+осталось|как\\s+(?:там\\s+)?(?:дела|успехи)\\s+(?:с|по)|сколько\\s+процентов|процент\\p{L}*|how\\s+am\\s+i\\s+doing|how\\s+(?:far|close)|progress|percent(?:age)?|how\\s+much\\s+of|how(?:['’]s|\\s+is|\\s+are)\\s+.+\\s+(?:going|coming\\s+along)|что\\s+(?:там\\s+)?с\\s+цел\\p{L}*|как\\s+там\\s+цель|what['’]?s\\s+up\\s+with|status\\s+of|сколько\\s+(?:уже\\s+)?(?:сделано|осталось|прошл\\p{L}*)|сколько\\s+шагов\\s+осталось|движемся|двигаюсь|продвигаюсь|сводк\\p{L}*|tracking|how\\s+much\\s+is\\s+left|(?:че|чо|что)\\s+там\\s+с|на\\s+каком\\s+(?:я\\s+)?этапе|where\\s+am\\s+i\\s+at|am\\s+i\\s+on\\s+track|по\\s+\\p{L}+\\s+(?:я\\s+)?(?:вообще\\s+)?(?:успева(?:ю|ем)|в\\s+графике)|много\\s+(?:ли\\s+)?(?:ещ[её]\\s+)?(?:пунктов|шагов)`,
);
/** "запиши целью", "that's a goal": the thing said first is named a goal afterwards. */
const NAMED_A_GOAL =
  "(?:запиши|поставь|сохрани|добавь|сделай)\\s+(?:это\\s+|её\\s+|ее\\s+|мне\\s+)?целью|that['’]?s\\s+(?:a|my)\\s+(?:new\\s+)?goal|(?:it|this)\\s+is\\s+(?:a|my)\\s+(?:new\\s+)?goal|make\\s+(?:it|this|that)\\s+a\\s+goal";
/** "цель сдать на категорию": the word «цель» followed by what to achieve (not by an action on goals). */
const GOAL_THEN_VERB =
  'цель\\s+(?!(?:удалить|убрать|стереть|отменить|снести|изменить|поменять|перенести|показать)(?![\\p{L}]))\\p{L}+(?:ть|ться|ти)(?![\\p{L}])';
const GOAL_CREATE = words(
  `${NAMED_A_GOAL}|нов(?:ая|ую)\\s+цель|(?:поставь?|поставить|создай|создать|добавь|добавить|задай|запиши)\\s+(?:мне\\s+|себе\\s+)?(?:новую\\s+)?цель|(?:запиши|добавь|сохрани|поставь)\\s+(?:это\\s+|её\\s+|ее\\s+)?как\\s+цель|(?:add|save|set|put)\\s+(?:it\\s+|this\\s+|that\\s+)?as\\s+(?:a\\s+|my\\s+)?goal|мо[яю]\\s+цель|цель\\s*[:—–-]|(?:set|create|add|make)\\s+(?:me\\s+)?(?:a\\s+)?(?:new\\s+)?goal|new\\s+goal|my\\s+goal\\s+is|goal\\s*:`,
);
const DESIRE = startsWith(
  "(?:я\\s+)?(?:очень\\s+)?(?:хочу|хотел[аи]?\\s+бы|мечтаю|планирую|собираюсь)|i\\s+(?:really\\s+)?(?:want|would\\s+like|wish|plan|am\\s+going|am\\s+planning)\\s+to|i['’](?:d\\s+(?:really\\s+)?like|m\\s+going|m\\s+planning)\\s+to",
);
const FREE = words(
  'свобод(?:ен|на|ны|но|ное|ного|ные|ных|ный|ным)|окн[оа]|окошк\\p{L}*|есть\\s+(?:ли\\s+)?время|найди\\s+(?:мне\\s+)?время|free|available|availability|slot|slots|(?:anything|something|any\\s+time|am\\s+i)\\s+open(?!\\s+(?:up|on\\s+\\p{L}+\\s+(?:street|st|road|ave)))|do\\s+i\\s+have\\s+time|когда\\s+(?:можно|получится|смогу|я\\s+могу)\\s+(?:поставить|запланировать|назначить|вписать|втиснуть)|when\\s+(?:could|can)\\s+i\\s+(?:fit|schedule|squeeze|put)',
);
const REMIND_FIRST = startsWith(
  '(?:please\\s+)?(?:remind\\s+me|напомни(?:те)?(?:\\s+мне)?(?:\\s+(?:плиз|пж|пожалуйста))?,?|пингани\\s+меня|ping\\s+me)(?![^.!?]{0,12}?(?:^|[\\s,])(?:what|when|which|что|какие|когда|во\\s+сколько)(?![\\p{L}]))(?!\\s+(?:за|\\d|an?\\s+(?:hour|day|week)|(?:one|two|\\d+)\\s+\\p{L}+\\s+before))',
);
const UPDATE = words(
  // "встречу двигаем на пт", "math test got postponed", "bls thing got cut to 3 hrs"
  'двига\\p{L}*|postponed|rescheduled|delayed|(?:cut|trimmed)\\s+(?:down\\s+)?to(?=\\s+(?:\\d|an?\\s|one|two|half))|перенес\\p{L}*|перенос\\p{L}*|перекин\\p{L}*|перекинуть|сдвин\\p{L}*|передвин\\p{L}*|подвин\\p{L}*|измени\\p{L}*|поменя\\p{L}*|отложи|move|reschedule|push|postpone|(?<!(?:night|day|late|early|morning|evening|double|my|a|the|work)\\s+)shift|change|delay|bring\\s+forward|make\\s+(?:it|the|my|this)|slide|needs?\\s+(?:a\\s+)?(?:new|different)\\s+(?:time|day|date)|(?:другое|новое)\\s+время',
);
const SEARCH = words(
  `что\\s+(?:у\\s+меня|запланировано|в\\s+планах|по\\s+планам)|как(?:ие|ой|ая)\\s+(?:у\\s+меня\\s+)?(?:планы|встречи|события|дела|мероприятия)|покажи\\s+(?:мне\\s+)?(?:мо[йиё]\\s+|мою\\s+)?(?:календар|расписан|событи|встреч|план|дела)\\p{L}*|расписание|когда\\s+у\\s+меня|what['’]?s\\s+(?:on|planned|up|happening|scheduled)|what\\s+(?:do\\s+i\\s+have|have\\s+i\\s+got|meetings|events|is\\s+on)|what['’]ve\\s+i\\s+got|show\\s+(?:me\\s+)?(?:my\\s+|the\\s+)?(?:calendar|schedule|events|meetings|agenda|plans)|agenda|(?:rundown|overview)\\s+(?:of|for)\\s+(?:my|today|tomorrow|tonight|this|next|the\\s+(?:day|week|weekend)|${WEEKDAY_WORD})|anything\\s+on|am\\s+i\\s+busy|when\\s+is\\s+my|when['’]s\\s+my|(?<!(?:put|add|stick|pop|throw)\\s+(?:it|this|that|them)\\s+(?:on|in|to|into)\\s+)my\\s+(?:schedule|calendar|events|meetings|plans)|show\\s+me\\s+(?:today|tomorrow|this\\s+week|next\\s+week)|(?:что|какие)\\s+(?:в|на)\\s+(?:календаре|расписании)|мо[иё]\\s+(?:встречи|события|дела|планы)|покажи\\s+(?:мне\\s+)?(?:сегодня|завтра|неделю)`,
);
const CREATE = words(
  'напомни\\p{L}*|не\\s+забыть|не\\s+забудь\\p{L}*|не\\s+да(?:й|йте)\\s+(?:мне\\s+)?забыть|(?:ping|nudge|alert)\\s+me|запланируй|запланировать|добавь|добавить|создай|назначь|поставь|запиши|remind|schedule|add|book|set\\s+up|plan|create|put|squeeze\\s+in|fit\\s+in',
);
/** Adding said in the imperative anywhere: "к цели X добавь шаг…", "закинь ещё пункт". */
const ADD_NOW = words('добавь|добавьте|закинь|докин\\p{L}*|накинь|add');
/** "для цели с клиентами …, добавь", "to one of my goals": a goal named as where a thing goes. */
const INTO_GOAL = words(
  "(?:к|для)\\s+(?:одной\\s+)?цели|в\\s+(?:одну\\s+)?цель|(?:to|in|into)\\s+one\\s+of\\s+my\\s+goals|(?:to|for|in|into)\\s+(?:my\\s+|the\\s+)?(?:[\\p{L}'’]+\\s+){1,3}goal(?!s)",
);
/** "take the tutor step out of bar exam": removing said with "take … out". */
const TAKE_OUT = words('take\\s+.{1,40}?\\s+out(?:\\s+of)?|вычеркн\\p{L}*');
const GOAL_CREATE_FIRST = startsWith(
  `${GOAL_THEN_VERB}|(?:поставь?|поставить|создай|создать|добавь|добавить|задай)\\s+(?:мне\\s+|себе\\s+)?(?:новую\\s+)?цель|нов(?:ая|ую)\\s+цель|цель\\s*[:—–-]|(?:set|create|add|make)\\s+(?:me\\s+)?(?:a\\s+)?(?:new\\s+)?goal|new\\s+goal|my\\s+goal\\s+is|goal\\s*:`,
);
const ADD_FIRST = startsWith('добав\\p{L}*|нов(?:ый|ая|ую|ое)|созда\\p{L}*|add|new|create');
const CREATE_FIRST = startsWith(
  '(?:пожалуйста\\s+)?(?:напомни\\p{L}*|не\\s+забыть|не\\s+забудь\\p{L}*|запланируй|добавь|создай|назначь|поставь|запиши)|(?:please\\s+)?(?:remind|(?:ping|nudge|alert)\\s+me|schedule|add|book|set\\s+up|create)',
);
/** Questions about words, not about the person's plans: "что такое SMART цели?". */
const DEFINITION = startsWith(
  'что\\s+такое|что\\s+значит|что\\s+означает|объясни|explain|what\\s+does|what\\s+is\\s+an?|what\\s+are\\s+smart',
);
const QUESTION = startsWith(
  "что|какая|какой|какое|какие|кто|сколько|где|почему|зачем|как|what|what['’]s|who|how|where|why|which|is|are|does|do|will",
);

/** "как прошла неделя?", "итоги недели", "how was my week?", "weekly review". */
const WEEK_REVIEW = words(
  "как\\s+(?:у\\s+меня\\s+)?(?:прошла|прошл[аи]?|была)\\s+(?:(?:моя|эта|прошлая|вся)\\s+)?недел\\p{L}*|как\\s+(?:(?:моя|эта)\\s+)?неделя\\s+(?:прошла|была)|как\\s+я\\s+провел\\p{L}*\\s+(?:эту\\s+)?неделю|(?:подвед\\p{L}*|подвест\\p{L}*|покажи|какие)?\\s*итог\\p{L}*\\s+(?:моей\\s+|этой\\s+|прошлой\\s+)?недел\\p{L}*|(?:обзор|сводк\\p{L}*|отч[её]т\\p{L}*|результат\\p{L}*)\\s+(?:за\\s+)?(?:моей\\s+|эту\\s+|этой\\s+|прошлую\\s+)?недел\\p{L}*|(?:недельн\\p{L}*|еженедельн\\p{L}*)\\s+(?:обзор|итог\\p{L}*|отч[её]т|сводк\\p{L}*)|что\\s+я\\s+(?:сделал\\p{L}*|успел\\p{L}*|выполнил\\p{L}*)\\s+за\\s+(?:эту\\s+|прошлую\\s+)?неделю|how\\s+(?:was|did|has|is)\\s+(?:my|the|this|last)\\s+week|how['’]s\\s+(?:my|the|this)\\s+week\\s+been|how\\s+did\\s+i\\s+do\\s+(?:this|last)\\s+week|(?:my\\s+)?week\\s+in\\s+review|weekly\\s+(?:review|summary|recap|report)|(?:review|recap|sum\\s+up|summari[sz]e)\\s+(?:of\\s+)?(?:my|the|this|last)\\s+week|(?:summary|recap)\\s+of\\s+(?:my|the|this|last)\\s+week|what\\s+did\\s+i\\s+(?:do|get\\s+done|accomplish|achieve)\\s+(?:this|last)\\s+week",
);

/**
 * "add 'write launch tweet' to side project": a quoted thing added to something that is not
 * a day or the calendar is a step of the goal named.
 */
const ADD_QUOTED_TO = startsWith(
  `(?:please\\s+)?(?:add|put|добавь\\p{L}*|закинь)\\s+(?:«[^»]+»|"[^"]+"|“[^”]+”|'[^']+'|‘[^’]+’)\\s+(?:to|into|under|в|во|к)\\s+(?!(?:my\\s+|the\\s+|мой\\s+)?(?:calendar|schedule|agenda|list|календар|расписани|список|today|tomorrow|tonight|сегодня|завтра|${WEEKDAY_WORD}|\\d))\\p{L}+`,
);

/** "take 'book the road test' out": a quoted item taken out of something that is not the calendar. */
const TAKE_QUOTED_OUT = startsWith(
  `(?:please\\s+)?take\\s+(?:«[^»]+»|"[^"]+"|“[^”]+”|'[^']+'|‘[^’]+’)(?!\\s+(?:out\\s+)?(?:of|из)\\s+(?:my\\s+|the\\s+|мо\\p{L}+\\s+)?(?:calendar|schedule|agenda|календар|расписани))\\s+out`,
);

/** "добавь в свитер ещё пришить пуговицы": a thing to do added into something that is no day or list. */
const ADD_TODO_INTO = startsWith(
  `(?:добавь|закинь|докинь)\\s+(?:в|во|к)\\s+(?!(?:календар|расписани|список|спис|план|дела|заметк|напомина|сегодня|завтра|послезавтра|${WEEKDAY_WORD})\\p{L}*)\\p{L}+\\s+(?:ещ[её]\\s+)?\\p{L}+(?:ть|ться|ти)(?![\\p{L}])`,
);

/** Decides the intent of a request (small talk is told apart first); the first matching check wins. */
export function classify(text: string): Classification {
  if (has(DEFINITION, text)) return { intent: 'unknown' };
  if (has(ADD_QUOTED_TO, text)) return { intent: 'step_add' };
  if (has(TAKE_QUOTED_OUT, text)) return { intent: 'step_delete' };
  if (has(ADD_TODO_INTO, text)) return { intent: 'step_add' };
  // "remind me in 45 min to move the laundry": a reminder, whatever verbs follow.
  if (has(REMIND_FIRST, text)) return { intent: 'event_create' };
  if (has(WEEK_REVIEW, text)) return { intent: 'week_review' };
  // "поставь цель: 10 000 шагов в день" is a goal even though it says "шагов".
  if (has(GOAL_CREATE_FIRST, text)) return { intent: 'goal_create' };
  if (has(PROGRESS, text) && !has(ADD_NOW, text) && !has(DELETE, text)) {
    return { intent: 'goal_progress' };
  }
  // "leo's reading goal: tick the first item": a step named by its place in the list.
  if (has(STEP_BY_PLACE, text)) {
    return { intent: has(DELETE, text) || has(TAKE_OUT, text) ? 'step_delete' : 'step_status' };
  }
  if (has(STEP, text)) {
    if (has(DELETE, text) || has(TAKE_OUT, text)) return { intent: 'step_delete' };
    if (has(ADD_FIRST, text) || has(ADD_NOW, text)) return { intent: 'step_add' };
    // "reopen the lit review step", "сними галочку с шага": a step back to not done.
    if (has(STEP_STATUS, text) || has(UNDONE_WORDS, text)) return { intent: 'step_status' };
    return { intent: 'step_add' };
  }
  if (has(UNDONE_WORDS, text)) return { intent: 'step_status' };
  if (has(STATUS_PREFIX, text) || has(STATUS_SUFFIX, text) || has(MARK_AS, text)) {
    return { intent: 'step_status' };
  }
  if (has(GOAL, text)) {
    if (has(DELETE, text) || has(CANCEL, text) || isColloquialDelete(text)) {
      return { intent: 'goal_delete' };
    }
    if (has(PROGRESS, text)) return { intent: 'goal_progress' };
    if (has(INTO_GOAL, text) && has(ADD_NOW, text) && !has(GOAL_CREATE, text)) {
      return { intent: 'step_add' };
    }
    if (has(GOAL_CREATE, text) || (has(ADD, text) && !has(SEARCH, text))) {
      return { intent: 'goal_create' };
    }
    return { intent: 'goal_search' };
  }
  const free = has(FREE, text) || isFreeTimeQuestion(text);
  if (!free && (isWhenIsQuestion(text) || isScheduleQuestion(text))) {
    return { intent: 'event_search' };
  }
  const clockTime = mentionsClockTime(text);
  if (has(DESIRE, text) && !clockTime) return { intent: 'goal_create' };
  if (free) return { intent: 'free_slots' };
  if (has(DELETE, text) || has(CANCEL, text) || isColloquialDelete(text)) {
    return { intent: 'event_delete' };
  }
  if (has(UPDATE, text) || isChangeOfEvent(text)) return { intent: 'event_update' };
  if (isBareGoal(text, clockTime)) return { intent: 'goal_create' };
  if (has(CREATE_FIRST, text)) return { intent: 'event_create' };
  if (has(SEARCH, text)) return { intent: 'event_search' };
  if (has(CREATE, text)) return { intent: 'event_create' };
  if (has(QUESTION, text)) return { intent: 'unknown' };
  return { intent: 'maybe_event' };
}
