/** Small numbers said in words, in both languages (normalised: lower case, "ё" as "е"). */
const NUMBER_WORDS: Record<string, number> = {
  один: 1,
  одна: 1,
  одну: 1,
  одно: 1,
  одного: 1,
  два: 2,
  две: 2,
  двух: 2,
  пару: 2,
  пара: 2,
  три: 3,
  трех: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  одиннадцать: 11,
  двенадцать: 12,
  пятнадцать: 15,
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  'сорок пять': 45,
  пятьдесят: 50,
  девяносто: 90,
  полтора: 1.5,
  полторы: 1.5,
  полутора: 1.5,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  'a couple of': 2,
  couple: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  'forty five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};

const byLengthDesc = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length);

/** A number in digits ("2", "1,5", "1.5") or in words. */
export const NUMBER = `\\d+(?:[.,]\\d+)?|${byLengthDesc.join('|')}`;

/** An hour said in digits or words (1–12 in words). */
export const HOUR_NUMBER =
  '\\d{1,2}|один|два|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать|двенадцать|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';

/** Reads a number matched by `NUMBER`; undefined when it is not one. */
export function readNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const clean = text.trim().toLowerCase();
  if (/^\d+(?:[.,]\d+)?$/.test(clean)) return Number(clean.replace(',', '.'));
  return NUMBER_WORDS[clean];
}

/** Ordinals used in "every other/second", "first Monday of the month". */
export function readOrdinal(text: string): number | undefined {
  const clean = text.toLowerCase();
  if (/^(перв|first|1st)/.test(clean)) return 1;
  if (/^(втор|second|2nd|other)/.test(clean)) return 2;
  if (/^(трет|third|3rd)/.test(clean)) return 3;
  if (/^(четверт|fourth|4th)/.test(clean)) return 4;
  if (/^(последн|last)/.test(clean)) return -1;
  return undefined;
}
