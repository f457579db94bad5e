import type {
  AssistantLanguage,
  EventDeleteIntent,
  EventTarget,
  EventUpdateIntent,
  MissingSlot,
} from '../intent.types.js';
import { type DurationFound, takeDuration } from './durations.js';
import { takeAmountChange } from './event-amounts.js';
import {
  type Clock,
  isoDate,
  isoTime,
  type LocalDate,
  daysBetween,
  startOfWeek,
  toInstant,
  todayOf,
} from './local-time.js';
import { dayQuestion, questionFor, weekdayQuestion } from './questions.js';
import { dayWithin, takeWeekRange } from './ranges.js';
import { takeOffsetChange } from './reminders.js';
import { type Scanner, words } from './text.js';
import { cleanPhrase, takeFillers, targetFrom } from './titles.js';
import { hasWhen, placeWeekday, takeWhen, timeOfWhen, type WhenFound } from './when.js';

const VERBS = [
  'перенес\\p{L}*|перенести|двига\\p{L}*|подвига\\p{L}*|перекин\\p{L}*|передвинь|сдвинь|сдвинуть|подвинь|измени\\p{L}*|поменя\\p{L}*|отложи',
  'удали\\p{L}*|удаля\\p{L}*|удалить|отмени\\p{L}*|убери\\p{L}*|убрать|сотри',
  'move[ds]?|reschedule[ds]?|push(?:ed)?(?:\\s+back)?|postpone[ds]?|delayed|(?:cut|trimmed)(?:\\s+down)?|(?<!(?:my|the|a|night|day|late|early|morning|evening|work)\\s+)shift|change|delay|bring\\s+forward|make|delete|cancel|remove|drop|erase|slide|needs?\\s+to',
];
const FILLERS = [
  'из\\s+(?:календаря|расписания)|from\\s+(?:my\\s+|the\\s+)?(?:calendar|schedule)',
  '(?:длительность|продолжительность)|(?:the\\s+)?(?:duration|length)\\s+of',
  '(?:событие|напоминание|мероприятие)(?:\\s+(?:про|о|об))?|(?:the\\s+)?reminder(?:\\s+(?:to|about|for))?|event',
  'не\\s+будет|отменяется|пожалуйста|please|у\\s+меня|сделай|давай|pls|plz|пж|плиз|got|was|has\\s+been|теперь|будет',
  'needs?\\s+(?:a\\s+)?(?:new|different)\\s+(?:time|day|date)|(?:нужно\\s+)?(?:другое|новое)\\s+время',
  // "которая в среду": the answer to "which one?" names it by its day
  'который|которая|которое|которую|the\\s+one|whatever(?:\\s+(?:is|i\\s+have))?',
  // "встречу, ту что в пятницу", "отмени те, что в пятницу": "the one(s)" before its day
  '(?<=(?:^|,)\\s*)(?:ту|та|те|тот)(?=\\s*,?\\s*$|\\s*,?\\s+что(?![\\p{L}]))',
  // "не успеваю, отмени что-нибудь одно": a reason and "any one of them" name no event.
  'не\\s+успева\\p{L}*|не\\s+успею|что-?(?:нибудь|то)(?:\\s+одно)?|одно\\s+из\\s+(?:них|двух)|something|one\\s+of\\s+them',
];
const POSTPONE = /отлож|postpone|delay|push\s+back/u;

const NOT_THIS = words(
  '(?:а\\s+)?не\\s+(?:в|во|на|к)\\s+[\\p{L}\\d:.]+|(?:and\\s+)?not\\s+(?:on\\s+|at\\s+)?(?:\\d{1,2}(?::\\d{2})?(?:\\s*[ap]m)?(?!\\s*(?:hours?|hrs?|minutes?|mins?)(?![\\p{L}]))|mon\\p{L}*|tue\\p{L}*|wed\\p{L}*|thu\\p{L}*|fri\\p{L}*|sat\\p{L}*|sun\\p{L}*)',
);

/** Words that say "an event" without saying which one ("ту штуку", "wednesday's thing"). */
const GENERIC =
  /^(?:событие|мероприятие|напоминание|его|ее|её|это|то,?\s+что|(?:ту|эту|та|эта)?\s*штук[уа]|(?:ту|эту|то|это)?\s*дело|it|this|that|one|events?|reminder|(?:the\s+|that\s+|my\s+)?thing)$/iu;

function targetOf(scanner: Scanner, clock: Clock): EventTarget {
  const when = takeWhen(scanner, clock);
  takeFillers(scanner, VERBS);
  takeFillers(scanner, FILLERS);
  const target: EventTarget = {};
  const text = targetFrom(scanner, { accusative: true });
  if (text && !GENERIC.test(text)) target.text = text;
  const date = when.date ?? (when.weekday ? placeWeekday(when.weekday, clock).date : undefined);
  if (date) target.date = isoDate(date);
  if (when.time) target.time = isoTime(when.time);
  return target;
}

/** "перенеси то, что в субботу", "move whatever is on friday": the day names the event. */
const THE_ONE_ON =
  /(?:^|\s)(?:то,?\s+что|whatever|the\s+(?:thing|one))(?:\s+(?:у\s+меня|стоит|есть|is|i\s+have))?\s+(?:в|во|на|on|at)\s/iu;

const hasTarget = (target: EventTarget) => Boolean(target.text || target.date || target.time);

/** "удали встречу с Олей", "cancel tomorrow's call". */
/**
 * "анализы удали, сдала сегодня утром", "drop the dentist, went yesterday": a clause of what was
 * already done is why, and its day is not the event's.
 */
const DONE_ALREADY = new RegExp(
  `,\\s*(?:(?:я|мы|уже|ведь|i|we|already)\\s+)*(?:\\p{L}+(?:ла|ли|лась|лись|ил|ал|ел|ял|ыл)|went|did|had|got|finished|was)(?![\\p{L}]).*$`,
  'iu',
);

export function buildEventDelete(
  scanner: Scanner,
  clock: Clock,
  language: AssistantLanguage,
): EventDeleteIntent {
  scanner.take(DONE_ALREADY);
  const target = targetOf(scanner, clock);
  const missing: MissingSlot[] = hasTarget(target) ? [] : ['target'];
  const intent: EventDeleteIntent = { intent: 'event_delete', language, missing, target };
  if (missing[0]) intent.question = questionFor('event_delete', missing[0], language);
  return intent;
}

/** "сдвинь на 11", "moved to 4": a bare hour ending the message is the new time. */
const BARE_NEW_HOUR = /^\s*(?:на|to)\s+(\d{1,2})(?:[:.](\d{2}))?[\s.,;!]*$/u;

function bareNewHour(text: string): WhenFound | undefined {
  const m = BARE_NEW_HOUR.exec(text);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (hour > 23 || minute > 59) return undefined;
  // Like "в 3": 1–5 o'clock is the afternoon; 1–12 is read from the event by the executor.
  const bare = hour >= 1 && hour <= 12 && !m[1]!.startsWith('0');
  return { time: { hour: hour <= 5 && bare ? hour + 12 : hour, minute }, bare };
}

const hasDay = (when: WhenFound) => Boolean(when.date || when.weekday || when.instant);

/** "перенесли на среду на полвосьмого": a new day said just before the new time is new too. */
function withDayBefore(scanner: Scanner, clock: Clock, when: WhenFound): WhenFound {
  if (hasDay(when)) return when;
  const separator = [...scanner.text.matchAll(/(?<=^|\s)(?:на|to|until|till|for)(?=\s)/gu)].pop();
  if (separator?.index === undefined) return when;
  const saved = scanner.text.slice(separator.index);
  const tail = scanner.cutFrom(separator.index);
  const day = takeWhen(tail, clock);
  if (hasDay(day) && !timeOfWhen(day) && !/\p{L}/u.test(cleanPhrase(tail.rest()))) {
    return { ...day, ...when };
  }
  scanner.restore(separator.index, saved);
  return when;
}

/** Splits "перенеси X на пятницу" / "move X to Friday" before the new time. */
function takeNewWhen(scanner: Scanner, clock: Clock): WhenFound | undefined {
  const separators = [...scanner.text.matchAll(/(?<=^|\s)(?:на|to|until|till|for)(?=\s)/gu)];
  for (const separator of separators.reverse()) {
    const saved = scanner.text.slice(separator.index);
    const tail = scanner.cutFrom(separator.index);
    const when = takeWhen(tail, clock);
    if (hasWhen(when)) return withDayBefore(scanner, clock, when);
    const hour = bareNewHour(tail.text);
    if (hour) return withDayBefore(scanner, clock, hour);
    scanner.restore(separator.index, saved);
  }
  return undefined;
}

/** "перенеси встречу с Олей на пятницу в 16:00", "push the standup to 10:30". */
export function buildEventUpdate(
  scanner: Scanner,
  clock: Clock,
  language: AssistantLanguage,
): EventUpdateIntent {
  // "не в пятницу, а в субботу", "not 6": the old value said alongside the new one.
  scanner.takeAll(NOT_THIS);
  const amount = takeAmountChange(scanner);
  const loose = /длительн|продолжительн|duration|length|long/u.test(scanner.text);
  const postpone = POSTPONE.test(scanner.text);
  const { sameTime, ...change } = amount;
  const duration: DurationFound =
    Object.keys(change).length > 0 ? {} : takeDuration(scanner, { loose, update: true });
  if (amount.durationMinutes) duration.minutes = amount.durationMinutes;
  if (amount.shiftMinutes) duration.shiftMinutes = amount.shiftMinutes;
  // "отложи на час" / "postpone it an hour": an amount of time moves the event.
  if (postpone && duration.minutes && !loose) {
    duration.shiftMinutes = duration.minutes;
    delete duration.minutes;
  }
  const range = takeWeekRange(scanner, clock);
  // "make tmrw's thing 2.5 hours": with a new length or name, a day said without "на"/"to"
  // names the event, it is no new day.
  const sized = Boolean(duration.minutes || amount.durationDeltaMinutes || amount.endTime);
  const newWhen =
    takeNewWhen(scanner, clock) ??
    (sized || amount.newTitle || THE_ONE_ON.test(scanner.text) ? {} : takeWhen(scanner, clock));
  const rangeDay =
    range && newWhen.weekday && !newWhen.date && dayWithin(range, newWhen.weekday.weekday);
  if (rangeDay) {
    newWhen.date = rangeDay;
    delete newWhen.weekday;
  }
  const target = targetOf(scanner, clock);
  const intent: EventUpdateIntent = { intent: 'event_update', language, missing: [], target };
  if (duration.minutes) intent.newDurationMinutes = duration.minutes;
  if (amount.durationDeltaMinutes) intent.durationDeltaMinutes = amount.durationDeltaMinutes;
  if (amount.endTime) intent.newEndTime = amount.endTime;
  if (amount.newTitle) intent.newTitle = amount.newTitle;
  if (duration.shiftMinutes) intent.shiftMinutes = duration.shiftMinutes;

  let date: LocalDate | undefined = newWhen.date ?? (newWhen.tonight ? todayOf(clock) : undefined);
  let alternative: LocalDate | undefined;
  const time = timeOfWhen(newWhen);
  if (!date && newWhen.weekday) {
    const placed = placeWeekday(newWhen.weekday, clock, time);
    date = placed.date;
    alternative = placed.alternative;
  }
  if (newWhen.instant) intent.newStart = newWhen.instant;
  else if (date && time) intent.newStart = toInstant(date, time, clock.zone);
  else if (date) intent.newDate = isoDate(date);
  else if (time) {
    intent.newTime = isoTime(time);
    if (newWhen.bare) intent.newTimeBare = true;
  }

  const missing: MissingSlot[] = [];
  if (!hasTarget(target)) missing.push('target');
  const changed =
    intent.newStart ||
    intent.newDate ||
    intent.newTime ||
    intent.newDurationMinutes ||
    intent.shiftMinutes ||
    intent.durationDeltaMinutes ||
    intent.newEndTime ||
    intent.newTitle;
  // "same time next week": the same weekday and time, that week.
  if (range && !rangeDay && !changed && sameTime) {
    const weeks = daysBetween(startOfWeek(todayOf(clock)), startOfWeek(range.first));
    if (weeks > 0) {
      intent.shiftMinutes = weeks * 1440;
      intent.missing = hasTarget(target) ? [] : ['target'];
      if (intent.missing[0]) intent.question = questionFor('event_update', 'target', language);
      return intent;
    }
  }
  // "перенеси окулиста на следующую неделю": which day of it is asked, the time stays.
  if (range && !rangeDay && !changed) {
    intent.within = { first: isoDate(range.first), last: isoDate(range.last) };
    intent.missing = hasTarget(target) ? ['change'] : ['target', 'change'];
    intent.question = hasTarget(target)
      ? dayQuestion(language)
      : questionFor('event_update', 'target', language);
    return intent;
  }
  if (!changed) missing.push('change');
  if (alternative && newWhen.weekday) missing.push('weekday');
  intent.missing = missing;
  if (missing[0] === 'weekday' && alternative && newWhen.weekday) {
    const todayIsCandidate = isoDate(alternative) === isoDate(todayOf(clock));
    intent.question = weekdayQuestion(newWhen.weekday.weekday, language, todayIsCandidate);
  } else if (missing[0]) {
    intent.question = questionFor('event_update', missing[0], language);
  }
  return intent;
}

/** "напомни за день до стоматолога", "remind me an hour before the standup". */
export function buildReminderChange(
  scanner: Scanner,
  clock: Clock,
  language: AssistantLanguage,
): EventUpdateIntent {
  const reminderMinutesBefore = takeOffsetChange(scanner);
  const target = targetOf(scanner, clock);
  const missing: MissingSlot[] = hasTarget(target) ? [] : ['target'];
  const intent: EventUpdateIntent = {
    intent: 'event_update',
    language,
    missing,
    target,
    reminderMinutesBefore,
  };
  if (missing[0]) intent.question = questionFor('event_update', missing[0], language);
  return intent;
}
