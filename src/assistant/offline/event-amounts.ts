import { NUMBER, readNumber } from './numbers.js';
import { type Scanner, words } from './text.js';

/**
 * Changes of an existing event said as amounts and properties rather than a new time: "на 45
 * минут дольше", "на час короче", "extend it by 20 min", "shorten it to 90 min", "a full hour",
 * "продли до 23", "на 2 дня позже", "pushed a week", "переименуй X в Y", "rename X to Y". Pure.
 */
export interface AmountChange {
  /** Add to (negative: take from) the current duration. */
  durationDeltaMinutes?: number;
  /** The new duration. */
  durationMinutes?: number;
  /** The new end, HH:mm local (on the event's day): "продли до 23". */
  endTime?: string;
  /** Move by this many minutes (negative: earlier). */
  shiftMinutes?: number;
  /** The new title: "переименуй планерку в синк с отделом". */
  newTitle?: string;
  /** "в это же время", "same time": the time stays (with a week said: the same weekday too). */
  sameTime?: boolean;
}

const UNIT =
  'часа|часов|час|ч|минуты|минуту|минут|мин|дня|дней|день|сутки|недели|неделю|неделя|недель|hours?|hrs?|h|minutes?|mins?|min|days?|weeks?';
const UNIT_MINUTES: [RegExp, number][] = [
  [/^(?:ч|h)/u, 60],
  [/^(?:мин|min)/u, 1],
  [/^(?:д|сут|day)/u, 1440],
  [/^(?:недел|week)/u, 10080],
];
const AMOUNT = `(?:(${NUMBER}|an?|one)\\s+)?(${UNIT})(\\s+and\\s+a\\s+half)?`;
const HALF_HOUR = 'полчас(?:а|ика)|half\\s+an\\s+hour';

function minutesOf(count: string | undefined, unit: string, half?: string): number | undefined {
  const value = !count || /^(?:an?|one)$/iu.test(count) ? 1 : readNumber(count);
  const per = UNIT_MINUTES.find(([pattern]) => pattern.test(unit.toLowerCase()))?.[1];
  if (value === undefined || per === undefined) return undefined;
  return Math.round(value * per + (half ? per / 2 : 0));
}

const LONGER = 'дольше|длиннее|подольше|побольше|longer|more';
const SHORTER = 'короче|покороче|меньше|shorter|less';
const LATER = 'позже|попозже|вперед|вперёд|later|back';
const EARLIER = 'раньше|пораньше|назад|earlier|up|forward';
const EXTEND = 'продли\\p{L}*|продлить|удлини\\p{L}*|extend\\p{L}*|lengthen\\p{L}*';
const SHORTEN = 'сократи\\p{L}*|укороти\\p{L}*|shorten\\p{L}*|cut';
const MOVE = 'двига\\p{L}*|двинь|сдвин\\p{L}*|перенес\\p{L}*|push(?:ed)?|bump(?:ed)?|moved?';

/** `minutes`, negative when the word said is one of `negative` ("короче", "earlier"). */
function signed(minutes: number | undefined, said: string | undefined, negative: string) {
  if (!minutes) return undefined;
  return new RegExp(`^(?:${negative})$`, 'iu').test(said ?? '') ? -minutes : minutes;
}

type Reader = (m: RegExpExecArray) => AmountChange | undefined;
const RULES: [RegExp, Reader][] = [
  // "на 45 минут дольше", "полчаса короче", "30 minutes longer"
  [
    words(`(?:на\\s+|by\\s+)?(?:${AMOUNT}|(${HALF_HOUR}))\\s+(${LONGER}|${SHORTER})`),
    (m) => {
      const delta = signed(m[4] ? 30 : minutesOf(m[1], m[2] ?? '', m[3]), m[5], SHORTER);
      return delta ? { durationDeltaMinutes: delta } : undefined;
    },
  ],
  // "extend sprint planning by 20 min", "сократи на 15 минут", "сократи на полчаса"
  [
    words(
      `(${EXTEND}|${SHORTEN})(?<keep>(?:\\s+\\S+){0,4}?)\\s+(?:на|by)\\s+(?:${AMOUNT}|(${HALF_HOUR}))`,
      'giud',
    ),
    (m) => {
      const minutes = m[6] ? 30 : minutesOf(m[3], m[4] ?? '', m[5]);
      const delta = signed(minutes, m[1], SHORTEN);
      return delta ? { durationDeltaMinutes: delta } : undefined;
    },
  ],
  // "продли до 23", "extend it until 4pm": the new end
  [
    words(
      `(?:${EXTEND}|пусть|(?:run|go)\\s+(?:until|till|to))(?<keep>(?:\\s+\\S+){0,4}?)\\s+(?:(?:идет|идёт|длится|закончится|будет)\\s+)?(?:до|until|till|to)\\s+(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?`,
      'giud',
    ),
    (m) => {
      let hour = Number(m[2]);
      const minute = Number(m[3] ?? 0);
      if (m[4]?.toLowerCase() === 'pm' && hour < 12) hour += 12;
      if (hour > 24 || minute > 59) return undefined;
      return {
        endTime: `${String(hour % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
      };
    },
  ],
  // "shorten the review to 90 min", "хватит 15 минут", "пусть будет 3 часа", "сделай на 30 минут"
  [
    words(
      `(?:(?:${SHORTEN}|${EXTEND}|make)(?<keep>(?:\\s+\\S+){0,4}?)\\s+(?:to|до)|make(?<named>(?:\\s+\\S+){1,4}?)|хватит|займ[её]т|пусть\\s+будет|пусть\\s+длится|сделай\\s+на|make\\s+it)\\s+${AMOUNT}(?!\\s+(?:${LATER}|${EARLIER}|${LONGER}|${SHORTER}))`,
      'giud',
    ),
    (m) => {
      const minutes = minutesOf(m[3], m[4] ?? '', m[5]);
      return minutes && minutes < 1440 ? { durationMinutes: minutes } : undefined;
    },
  ],
  // "make the call with dana a full hour"
  [words('(?:a\\s+)?full\\s+hour|целый\\s+час'), () => ({ durationMinutes: 60 })],
  // "на 2 дня позже", "a week earlier", "30 min later"
  [
    words(`(?:на\\s+|by\\s+)?(?:${AMOUNT}|(${HALF_HOUR}))\\s+(${LATER}|${EARLIER})`),
    (m) => {
      const shift = signed(m[4] ? 30 : minutesOf(m[1], m[2] ?? '', m[3]), m[5], EARLIER);
      return shift ? { shiftMinutes: shift } : undefined;
    },
  ],
  // "не три часа, а два", "not 3 hours but 2": the old length and the new one
  [
    words(`не\\s+${AMOUNT}\\s*,?\\s+а\\s+(${NUMBER})|not\\s+${AMOUNT}\\s*,?\\s+but\\s+(${NUMBER})`),
    (m) => {
      const [count, unit] = m[4] ? [m[4], m[2]] : [m[8], m[6]];
      const minutes = minutesOf(count, unit ?? '');
      return minutes && minutes < 1440 ? { durationMinutes: minutes } : undefined;
    },
  ],
  // "двигаем ровно на неделю", "got pushed a week", "bump it by 2 days"
  [
    words(
      `(${MOVE})(?:\\s+(back|up|forward))?(?<keep>(?:\\s+\\S+){0,4}?)\\s+(?:(?:ровно|just|exactly)\\s+)?(?:на|by)?\\s*(?<!(?:след\\p{L}*|будущ\\p{L}*|эт\\p{L}*|next|this|following)\\s+)${AMOUNT}`,
      'giud',
    ),
    (m) => {
      const minutes = minutesOf(m[4], m[5] ?? '', m[6]);
      // Only days or weeks: a move by minutes or hours is said with "позже" (the rule above).
      const shift = minutes && minutes >= 1440 ? signed(minutes, m[2], 'up|forward') : undefined;
      return shift ? { shiftMinutes: shift } : undefined;
    },
  ],
];

/** "переименуй X в Y", "назови X «Y»", "rename X to Y", "call X Y": target words and new title. */
const RENAME = [
  words('(?:переименуй\\p{L}*|переименовать)\\s+(.+?)\\s+(?:в|на)\\s+(.+)$', 'iud'),
  words('(?:назови|название)\\s+(.+?)\\s*[«"“](.+?)[»"”]', 'iud'),
  words('rename\\s+(.+?)\\s+(?:to|as)\\s+(.+)$', 'iud'),
  // "созвон с упаковкой переименуй в …", "the standup, rename to …": the name said first
  words(
    '(.+?),?\\s+(?:переименуй\\p{L}*|переименовать|rename(?:\\s+it)?)\\s+(?:в|на|to|as)\\s+(.+)$',
    'iud',
  ),
  // "у встречи с бухгалтером поменяй название на сверка по налогам": the name said first
  words('(?:у\\s+)?(.+?)\\s+(?:поменяй|измени|смени)\\s+название\\s+на\\s+(.+)$', 'iud'),
  words('(?:change\\s+the\\s+(?:name|title)\\s+of)\\s+(.+?)\\s+to\\s+(.+)$', 'iud'),
];

/** Whether the message renames an event (no amount needed to be a change). */
export function isRename(text: string): boolean {
  return RENAME.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

/** "время то же", "в тоже время", "same time": the day changes, the time stays (the default anyway). */
const SAME_TIME = words(
  '(?:а\\s+)?время\\s+(?:то\\s+)?же(?:\\s+самое)?|(?:в\\s+)?(?:это|то)\\s*же\\s+(?:самое\\s+)?время|(?:at\\s+)?(?:the\\s+)?same\\s+time|keep\\s+the\\s+time',
);

/** Takes an amount change (and the words of a rename's new title) out of the message. */
export function takeAmountChange(scanner: Scanner): AmountChange {
  const sameTime = scanner.take(SAME_TIME) !== null;
  for (const pattern of RENAME) {
    const match = scanner.peek(pattern);
    const [name, title] = [match?.indices?.[1], match?.indices?.[2]];
    if (!match || !name || !title) continue;
    const newTitle = scanner
      .slice(title[0], title[1])
      .replace(/[«»"“”.!]+/gu, '')
      .trim();
    if (!newTitle) continue;
    // The old name stays as the target: the verb and the new title are taken out.
    scanner.blank(match.index, name[0]);
    scanner.blank(name[1], match.index + match[0].length);
    return { newTitle: newTitle.charAt(0).toUpperCase() + newTitle.slice(1) };
  }
  for (const [pattern, read] of RULES) {
    const match = scanner.peek(pattern);
    const change = match && read(match);
    if (!match || !change) continue;
    // Words between the verb and the amount name the event ("extend sprint planning by 20").
    const keep = match.indices?.groups?.keep ?? match.indices?.groups?.named;
    const end = match.index + match[0].length;
    if (keep && keep[1] > keep[0]) {
      scanner.blank(match.index, keep[0]);
      scanner.blank(keep[1], end);
    } else scanner.blank(match.index, end);
    return change;
  }
  return sameTime ? { sameTime } : {};
}
