import { isRename } from './event-amounts.js';
import { MONTH } from './lexicon.js';
import { startsWith, words } from './text.js';

/**
 * Whole categories of phrasing the keyword rules did not know, each a pattern over a kind of
 * sentence rather than over particular messages: a question about one's schedule said
 * without "что у меня" ("че там на четверг", "anything tmrw?"), a goal said without "хочу"
 * (a goal verb in the infinitive, a deadline), a change said as a comparison ("на 45 минут
 * раньше", "30 min later", "rename … to …").
 */

const has = (pattern: RegExp, text: string): boolean => {
  pattern.lastIndex = 0;
  return pattern.test(text);
};

/** "че там на четверг", "есть что в воскресенье", "anything tmrw?", "plans for sat?". */
const SCHEDULE_QUESTION = words(
  [
    '(?:что|чо|че|чё|шо)\\s+(?:там\\s+|тама\\s+)?(?:у\\s+меня\\s+)?(?:на|в|во|по)(?=\\s)',
    '(?:что|чо|че|чё)\\s+(?:там\\s+)?у\\s+меня',
    '(?:сегодня|завтра)\\s+(?:что|чо|че)',
    'есть\\s+(?:ли\\s+)?(?:что|чего|что-?то|что-?нибудь)(?:\\s+нибудь)?',
    'по\\s+(?:планам|делам)',
    'планы\\s+на',
    'я\\s+занят\\p{L}*',
    'anything\\s+(?:on|for|planned|scheduled|tmrw|tomorrow|today|tonight|this|next)',
    '^anything\\s+\\p{L}+\\s*\\??$',
    '(?:plans|anything)\\s+(?:for|on)',
    'what\\s+(?:do\\s+)?i\\s+(?:have|got)',
    'what\\s+i\\s+(?:have|got)',
    "what\\s+i[’']ve\\s+got",
    'am\\s+i\\s+busy',
    "what[’']?s\\s+(?:today|tomorrow|tmrw|friday|the\\s+week)\\s+look",
  ].join('|'),
);

/** A question about when a named thing is: "когда концерт", "во сколько ужин", "what time is". */
const WHEN_IS = startsWith(
  "(?:а\\s+|так\\s+)?(?:когда(?!\\s+(?:можно|получится|смогу|я\\s+могу|свобод))|во\\s+сколько|в\\s+какое\\s+время|какого\\s+числа)|what\\s+(?:day|time|date)\\s+(?:is|was)|when\\s+is|when['’]s",
);

/** "any gaps on friday", "есть куда вписать встречу", "is wednesday afternoon open?". */
const FREE_MORE = words(
  'вписать|втиснуть|впихнуть|gaps?|open\\s*\\??$|(?:an?\\s+)?\\d+\\s*h(?:ours?)?\\s+block|block\\s+of\\s+time',
);

/** Deleting said colloquially: "вычеркни", "снеси", "scratch date night". */
const DELETE_MORE = words(
  'вычеркн\\p{L}*|снеси|сноси|снести|не\\s+будет|отменяется|отменил\\p{L}*|scratch|scrap|nix|axe|kill|call\\s+off|cross\\s+off|is\\s+off|(?:got|is|been)\\s+cancel+ed',
);

/** Changing an event said as a comparison or a new property. */
const CHANGE_MORE = words(
  [
    // "слушай короче, …" is a way of talking, not "shorter"
    'раньше|позже|дольше|(?<!(?:^|слушай|ну|так|а|ой)[\\s,]*)короче(?!\\s*,)|подольше|покороче|продли\\p{L}*|сократи\\p{L}*|укороти\\p{L}*|удлини\\p{L}*',
    'переименуй\\p{L}*|назови|вместо|а\\s+не\\s+в|двига\\p{L}*|двинь|перенесли|пусть\\s+(?:начн\\p{L}*|будет|закончит\\p{L}*)|время\\s+то\\s+же',
    'хватит\\s+\\d+|сделай\\s+на|займ[её]т\\s+.+\\s+а\\s+не|не\\s+в\\s+\\p{L}+\\s+а\\s+в',
    'earlier|later|longer|shorter|extend\\p{L}*|shorten\\p{L}*|rename|instead|bump|pushed|moved\\s+to|is\\s+now|starts?\\s+at\\s+.+\\s+now|same\\s+time|a\\s+full\\s+hour|not\\s+\\d',
  ].join('|'),
);
/** "в пятницу, время то же": a new day for an existing event. */
const SAME_TIME = words('время\\s+(?:то\\s+)?же|(?:это|то)\\s+же\\s+время|same\\s+time');
/** "театр не в пятницу а в субботу": the old day and the new one. */
const NOT_THIS_BUT = words(
  'не\\s+(?:в|во|на)\\s+\\p{L}+,?\\s+а\\s+(?:в|во|на)|not\\s+(?:on\\s+)?\\p{L}+,?\\s+but',
);
/** What a change compares: an amount of time or a clock time. */
const CHANGE_AMOUNT = /\d|час|минут|недел|день|дня|дней|hour|min|week|day|noon|полдень/iu;

/** Goal verbs in the infinitive ("накопить", "научиться"): what people set out to achieve. */
const GOAL_VERB_RU =
  'выучить|научиться|накопить|отложить|похудеть|сбросить|набрать|закрыть|погасить|выплатить|открыть|уволиться|сдать|подтянуть|выйти|найти|пробежать|проплыть|прочитать|написать|сделать|получить|заработать|сменить|бросить|стать|переехать|съездить|освоить|улучшить|достичь|закончить|запустить|построить|купить|подготовиться|поступить|выступить|бегать|отжиматься|подтягиваться|увеличить|собрать|записать|создать|читать|учить';
const GOAL_VERB_EN =
  'lose|become|get\\s+(?:promoted|fit|a|an|my|to|better|in|into)|run\\s+(?:a|an|my)|learn|save|pay\\s+off|finish|reach|build|write|launch|quit|earn|hit|visit|travel|achieve|master|improve|gain|ship|complete|pass|land|grow|read\\s+\\d+|do\\s+a|bench|deadlift|squat|speak|qualify';

/** A deadline a goal is said with: "к октябрю", "до конца марта", "в 2027", "by may 15". */
const GOAL_DEADLINE = words(
  [
    `(?:к|до)\\s+(?:\\d{1,2}\\s+)?${MONTH}`,
    '(?:к|до)\\s+(?:концу|конца)\\s+\\p{L}+',
    '(?:к|до)\\s+(?:лету|осени|зиме|весне|новому\\s+году|нового\\s+года)',
    'в\\s+20\\d\\d(?:\\s+году)?(?![:.]\\d)',
    'на\\s+след\\p{L}*\\s+год|в\\s+следующем\\s+году|в\\s+этом\\s+году|за\\s+(?:\\d+|полгода|год|пару|два|три)\\s*(?:месяц\\p{L}*|недел\\p{L}*|год\\p{L}*|лет)?',
    'этой\\s+зимой|этим\\s+летом|этой\\s+весной|этой\\s+осенью|когда-?нибудь',
    `by\\s+(?:the\\s+end\\s+of\\s+)?(?:${MONTH}|summer|spring|fall|autumn|winter|new\\s+year|next\\s+year|the\\s+end\\s+of\\s+the\\s+year)`,
    'in\\s+\\d+\\s+(?:months?|years?)|next\\s+year|this\\s+year|someday|one\\s+day|in\\s+20\\d\\d',
  ].join('|'),
);
const GOAL_OPENING = startsWith(
  `(?:мечта|цель|goal|dream)\\s*[-—–:]|(?:${GOAL_VERB_RU})(?:ся)?|${GOAL_VERB_EN}`,
);
/** A Russian infinitive as the first word after a deadline: "к апрелю закончить курс". */
const INFINITIVE_AFTER_DEADLINE = /^\s*\p{Script=Cyrillic}+(?:ть|ться|ти|чь)(?![\p{L}])/iu;
/** Words of a particular day or hour: an appointment, not a goal. */
const DAY_WORD = words(
  'сегодня|завтра|послезавтра|понедельник\\p{L}*|вторник\\p{L}*|сред[уае]|четверг\\p{L}*|пятниц\\p{L}*|суббот\\p{L}*|воскресень\\p{L}*|пн|вт|ср|чт|пт|сб|вс|today|tonight|tomorrow|tmrw|tmw|mon|tue|tues|wed|thu|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|вчера|yesterday|утром|вечером|morning|evening',
);
/** Past tense first: a thing done ("купил кроссовки"), not a goal. */
const PAST = /^\s*\p{L}+(?:ал|ял|ил|ел|ыл|ла|ли)\s/iu;

export function isScheduleQuestion(text: string): boolean {
  return has(SCHEDULE_QUESTION, text);
}

export function isWhenIsQuestion(text: string): boolean {
  return has(WHEN_IS, text);
}

export function isFreeTimeQuestion(text: string): boolean {
  return has(FREE_MORE, text);
}

export function isColloquialDelete(text: string): boolean {
  return has(DELETE_MORE, text);
}

export function isChangeOfEvent(text: string): boolean {
  return (
    (has(CHANGE_MORE, text) && CHANGE_AMOUNT.test(text)) ||
    isRename(text) ||
    has(SAME_TIME, text) ||
    has(NOT_THIS_BUT, text)
  );
}

/**
 * A goal said without "хочу": a goal verb first ("накопить на машину", "become a scuba
 * diver"), or a deadline with an infinitive or a noun phrase ("итальянский до A2 к
 * октябрю"), and no particular day or clock time (that would be an appointment).
 */
export function isBareGoal(text: string, clockTime: boolean): boolean {
  if (clockTime || has(DAY_WORD, text) || PAST.test(text)) return false;
  if (has(GOAL_OPENING, text)) return true;
  if (!has(GOAL_DEADLINE, text)) return false;
  const rest = text.replace(GOAL_DEADLINE, ' ');
  return INFINITIVE_AFTER_DEADLINE.test(rest) || /\p{L}{3,}/u.test(rest);
}
