/**
 * Typo tolerance over a closed vocabulary: the words of dates, times and repetition
 * ("завтар", "tomorow", "wendesday", "tmrw") are read as the word meant before any extractor
 * runs. Only this vocabulary is corrected — a title word is never touched — and only when one
 * word of the vocabulary is the unique closest within the edit distance allowed for its length.
 */

const VOCABULARY = [
  // ru days and relative days
  'сегодня',
  'завтра',
  'послезавтра',
  'вчера',
  'позавчера',
  'понедельник',
  'понедельника',
  'вторник',
  'вторника',
  'среду',
  'среда',
  'четверг',
  'четверга',
  'пятницу',
  'пятница',
  'субботу',
  'суббота',
  'воскресенье',
  'воскресенья',
  'следующей',
  'следующий',
  'следующую',
  'следующее',
  'неделе',
  'недели',
  'выходных',
  'выходные',
  'утром',
  'вечером',
  'вечера',
  'днём',
  'ночью',
  'каждый',
  'каждую',
  'каждое',
  'каждые',
  'минут',
  'минуты',
  'часов',
  'января',
  'февраля',
  'марта',
  'апреля',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
  'напомни',
  'перенеси',
  'перенесите',
  'отмени',
  'удали',
  'удалить',
  // en
  'today',
  'tomorrow',
  'tonight',
  'yesterday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mondays',
  'tuesdays',
  'wednesdays',
  'thursdays',
  'fridays',
  'saturdays',
  'sundays',
  'morning',
  'evening',
  'afternoon',
  'weekend',
  'minutes',
  'january',
  'february',
  'march',
  'april',
  'august',
  'september',
  'october',
  'november',
  'december',
  'remind',
  // "put it on my calender": the request word, not a title word
  'calendar',
  'reschedule',
  'cancel',
  'delete',
];

/** Short forms people type that are not within an edit of the word. */
const SHORTHANDS: Record<string, string> = {
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmw: 'tomorrow',
  tmrww: 'tomorrow',
  tmrow: 'tomorrow',
  tmrrw: 'tomorrow',
  '2morrow': 'tomorrow',
  '2moro': 'tomorrow',
  tomoz: 'tomorrow',
  tonite: 'tonight',
  hows: "how's",
  whats: "what's",
  wats: "what's",
  wat: 'what',
  wheres: "where's",
  '2day': 'today',
  tdy: 'today',
  wknd: 'weekend',
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  седня: 'сегодня',
  сёдня: 'сегодня',
  севодня: 'сегодня',
  пн: 'понедельник',
  вт: 'вторник',
  ср: 'среду',
  чт: 'четверг',
  пт: 'пятницу',
  сб: 'субботу',
  вс: 'воскресенье',
  воскр: 'воскресенье',
  вскр: 'воскресенье',
  понед: 'понедельник',
  завтро: 'завтра',
  зав: 'завтра',
  завт: 'завтра',
  зафтра: 'завтра',
  ща: 'сейчас',
  щас: 'сейчас',
  скока: 'сколько',
  ваще: 'вообще',
};

/** Real words that are one edit from a vocabulary word ("завтрак" / "завтра"). */
const REAL_WORDS = new Set([
  'вечерам',
  'утрам',
  'ночам',
  'выходным',
  'будням',
  'средам',
  'субботам',
  'пятницам',
  'воскресеньям',
  'четвергам',
  'вторникам',
  'завтрак',
  'четверти',
  'четверть',
  'завтрака',
  'завтраку',
  'завтраком',
  'сред',
  'среди',
  'вечер',
  'вечеру',
  'утро',
  'утра',
  'минута',
  'минуту',
  'часа',
  'часы',
  'часам',
  'неделя',
  'неделю',
  'неделей',
  'удалить',
  'отменить',
  'напомнить',
  'sundae',
  'monday',
  'mornings',
  'evenings',
  'afternoons',
  'weekends',
  'minute',
  'marches',
  'marched',
  'delete',
  'deleted',
  'cancel',
  'canceled',
  'cancelled',
  'remind',
  'reminds',
  'reminded',
]);

const KNOWN = new Set([...VOCABULARY, ...REAL_WORDS]);

/** Optimal string alignment distance: a swap of two neighbours counts as one edit. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
};

/** Edits allowed for a word of `length` letters: none below 5, two from 8. */
const allowedEdits = (length: number) => (length < 5 ? 0 : length < 8 ? 1 : 2);

/** The vocabulary word `token` (lower case) is a typo of, if it clearly is one. */
export function correctedWord(token: string): string | undefined {
  const shorthand = SHORTHANDS[token];
  if (shorthand) return shorthand;
  if (KNOWN.has(token)) return undefined;
  const allowed = allowedEdits(token.length);
  if (allowed === 0) return undefined;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const word of VOCABULARY) {
    // A longer real word that starts with a vocabulary word is that word's relative.
    if (token.startsWith(word) && token.length > word.length) continue;
    // Same stem, another ending: an inflection ("субботам" of "субботу"), not a typo.
    const longer = token.length > word.length && /^\p{Script=Cyrillic}/u.test(token);
    if (longer && commonPrefix(token, word) >= word.length - 2) continue;
    if (word[0] !== token[0] && !(word[1] === token[0] && word[0] === token[1])) continue;
    const distance = editDistance(token, word, allowed);
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = tie || word !== best;
  }
  return best && !tie ? best : undefined;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** "sun" is a word too: Sunday only where a day is said ("on sun", "sun 7pm", "sun at 10"). */
const SUNDAY =
  /(?<![\p{L}\p{N}])(?:(?<=(?:on|this|next|every)\s+)sun|sun(?=\s+(?:\d|at\s|morning|afternoon|evening|night)))(?![\p{L}\p{N}])/giu;

/** The text with typos of the closed vocabulary corrected (case of the first letter kept). */
export function correctTypos(text: string): string {
  return text.replace(SUNDAY, 'sunday').replace(TOKEN, (token) => {
    const lower = token.toLowerCase();
    if (/\d/u.test(lower) && !SHORTHANDS[lower]) return token;
    const word = correctedWord(lower);
    if (!word) return token;
    return token[0] !== lower[0] ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
}
