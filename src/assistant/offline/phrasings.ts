import { isRename } from './event-amounts.js';
import { MONTH, WEEKDAY_WORD } from './lexicon.js';
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
    // not "то, что в пятницу в 10 …", "ту, что в пятницу": the one on Friday, named to be changed
    '(?<!(?<![\\p{L}])т[оуае],?\\s+)(?:что|чо|че|чё|шо)\\s+(?:там\\s+|тама\\s+)?(?:у\\s+меня\\s+)?(?:на|в|во|по)(?=\\s)',
    '(?:что|чо|че|чё)\\s+(?:там\\s+)?у\\s+меня',
    '(?:сегодня|завтра)\\s+(?:что|чо|че)',
    'есть\\s+(?:ли\\s+)?(?:что|чего|что-?то|что-?нибудь)(?:\\s+нибудь)?',
    'по\\s+(?:планам|делам)',
    'планы\\s+на',
    // "21го что-нибудь стоит?", "план на сегодня?", "покажи пятницу"
    'что-?(?:нибудь|то)?\\s+(?:у\\s+меня\\s+)?(?:стоит|запланирован\\p{L}*)(?=\\s*(?:\\?|$|(?:на|в|во)\\s))',
    `план\\s+на\\s+(?:сегодня|завтра|послезавтра|неделю|выходные|${WEEKDAY_WORD})(?=\\s*(?:\\?|$))`,
    `покажи\\s+(?:мне\\s+)?${WEEKDAY_WORD}`,
    'я\\s+занят\\p{L}*',
    'anything\\s+(?:on|for|planned|scheduled|tmrw|tomorrow|today|tonight|this|next)',
    '^anything\\s+\\p{L}+\\s*\\??$',
    '(?:plans|anything)\\s+(?:for|on)',
    'what\\s+(?:do\\s+)?i\\s+(?:have|got)',
    'what\\s+i\\s+(?:have|got)',
    "what\\s+i[’']ve\\s+got",
    'am\\s+i\\s+(?:busy|slammed|swamped|packed|booked)',
    'do\\s+i\\s+have\\s+anything|got\\s+anything\\s+(?:on|for)',
    // "how's my thursday looking", "how does tomorrow look"
    `how(?:['’]s|\\s+is|\\s+does)\\s+(?:my\\s+)?(?:today|tomorrow|tonight|(?:this|next|the)\\s+week|(?:the\\s+)?weekend|${WEEKDAY_WORD})\\s+look\\p{L}*`,
    "what[’']?s\\s+(?:today|tomorrow|tmrw|friday|the\\s+week)\\s+look",
  ].join('|'),
);

/**
 * A question about when a named thing is: "когда концерт", "во сколько ужин", "what time is",
 * "напомни, когда у меня собрание" (asked, not a reminder), "when do i run payroll".
 */
const WHEN_IS = startsWith(
  "(?:а\\s+|так\\s+|напомни(?:те)?(?:\\s+мне)?,?\\s+|remind\\s+me,?\\s+)?(?:когда(?!\\s+(?:можно|получится|смогу|я\\s+могу|свобод))|во\\s+сколько|в\\s+какое\\s+время|какого\\s+числа)|what\\s+(?:day|time|date)(?:\\s+is|\\s+was|['’]s|\\s+does)|when\\s+is|when['’]s|when\\s+do\\s+(?:i|we)(?=\\s+(?!have\\s+(?:time|a\\s+(?:free|slot|gap|window))))",
);
/** The thing named first: "утренник во сколько начинается?", "стоматолог когда?". */
const WHEN_IS_AFTER = startsWith(
  '(?:\\p{L}+\\s+){1,3}(?:во\\s+сколько|в\\s+какое\\s+время|когда|какого\\s+числа|в\\s+какой\\s+день)(?=\\s*(?:\\?|$)|\\s+(?:начина|заканчива|кончает|будет|у\\s+меня)\\p{L}*\\s*\\??\\s*$)',
);

/** "any gaps on friday", "есть куда вписать встречу", "is wednesday afternoon open?". */
const FREE_MORE = words(
  [
    'вписать|втиснуть|впихнуть|gaps?|open\\s*\\??$|(?:an?\\s+)?\\d+\\s*h(?:ours?)?\\s+block|block\\s+of\\s+time',
    // "есть просвет?", "куда воткнуть?", "any room for a call?", "when am i not booked"
    'просвет\\p{L}*|воткнуть|any\\s+room|not\\s+booked|open\\s+(?:time|slots?)|openings?',
  ].join('|'),
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
    'переименуй\\p{L}*|назови|вместо|а\\s+не\\s+в|двига\\p{L}*|двинь|перенесли|пусть(?:\\s+\\p{L}+)?\\s+(?:начн\\p{L}*|будет|закончит\\p{L}*|длится)|время\\s+то\\s+же',
    // "не три часа, а два", "make tmrw's thing 2.5 hours": a new length
    'не\\s+[\\p{L}\\d]+\\s+(?:час|минут)\\p{L}*,?\\s+а|make\\s+(?!an?\\s)\\S.*\\s+(?<!(?:for|in)\\s+)\\d+(?:[.,]\\d+)?\\s*(?:hours?|hrs?|h|minutes?|mins?)(?:\\s+long)?\\s*$',
    'хватит\\s+\\d+|сделай\\s+на|займ[её]т\\s+.+\\s+а\\s+не|не\\s+в\\s+\\p{L}+\\s+а\\s+в',
    'earlier|later|longer|shorter|extend\\p{L}*|shorten\\p{L}*|rename|instead|bump|pushed|moved\\s+to|is\\s+now|starts?\\s+at\\s+.+\\s+now|same\\s+time|a\\s+full\\s+hour|not\\s+\\d',
  ].join('|'),
);
/** "in 2 weeks same time", "через неделю в это же время": a moment from now, not a change. */
export const SAME_TIME_FROM_NOW = words(
  '(?:in|через)\\s+(?:\\S+\\s+)?(?:days?|weeks?|months?|дн\\p{L}*|день|недел\\p{L}*|месяц\\p{L}*)\\s*,?\\s+(?:at\\s+)?(?:the\\s+)?(?:same\\s+time|в\\s+(?:это|то)\\s+же\\s+время)',
);
/** "в пятницу, время то же": a new day for an existing event. */
const SAME_TIME = words('время\\s+(?:то\\s+)?же|(?:это|то)\\s*же\\s+время|same\\s+time');
/**
 * "собрание теперь в четверг", "кино с лехой в 8 теперь", "the call is now on friday",
 * "dinner at 8 now": the event's new day or time.
 */
const NOW_ON = words(
  `теперь\\s+(?:будет\\s+)?(?:в|во|на)\\s+(?:${WEEKDAY_WORD}|завтра|послезавтра|\\d)|(?:в|во|на)\\s+(?:${WEEKDAY_WORD}|завтра|послезавтра|\\d[\\d:.]*)\\s+теперь|(?:is|are)\\s+now\\s+(?:on|at)|at\\s+\\d{1,2}(?::\\d{2})?(?:\\s*[ap]m)?\\s+now(?=\\s*[.!]?\\s*$)`,
);
/** "театр не в пятницу а в субботу", "не в 13 а в 15": the old day or hour and the new one. */
const NOT_THIS_BUT = words(
  'не\\s+(?:в|во|на)\\s+[\\p{L}\\d:.]+,?\\s+а\\s+(?:в|во|на)|not\\s+(?:on\\s+)?\\p{L}+,?\\s+but',
);
/** What a change compares: an amount of time or a clock time. */
const CHANGE_AMOUNT = /\d|час|минут|недел|день|дня|дней|hour|min|week|day|noon|полдень/iu;

/** Goal verbs in the infinitive ("накопить", "научиться"): what people set out to achieve. */
const GOAL_VERB_RU =
  'вернуться|вернуть|избавиться|привести|осилить|выучить|научиться|накопить|отложить|похудеть|сбросить|набрать|закрыть|погасить|выплатить|открыть|уволиться|сдать|подтянуть|выйти|найти|пробежать|проплыть|прочитать|написать|сделать|получить|заработать|сменить|бросить|стать|переехать|съездить|освоить|улучшить|достичь|закончить|запустить|построить|купить|подготовиться|поступить|выступить|бегать|отжиматься|подтягиваться|увеличить|собрать|записать|создать|читать|учить';
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
  return has(WHEN_IS, text) || has(WHEN_IS_AFTER, text);
}

export function isFreeTimeQuestion(text: string): boolean {
  return has(FREE_MORE, text);
}

export function isColloquialDelete(text: string): boolean {
  return has(DELETE_MORE, text);
}

export function isChangeOfEvent(said: string): boolean {
  const text = said.replace(SAME_TIME_FROM_NOW, ' ');
  return (
    (has(CHANGE_MORE, text) && CHANGE_AMOUNT.test(text)) ||
    isRename(text) ||
    has(SAME_TIME, text) ||
    has(NOW_ON, text) ||
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
