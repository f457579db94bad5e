import type { DataSource } from 'typeorm';
import type { ParseContext, ParsedIntent } from '../../assistant/intent.types.js';
import {
  formalWordsOf,
  latinSpellingOf,
  withFormalWords,
} from '../../assistant/offline/lexicon.js';
import { parseMessageAs } from '../../assistant/offline/offline-engine.js';
import { pickBest, type TitleCandidate, TitleSearch } from './title-search.js';

/** Nouns that end like a past-tense verb ("вокал", "футбол", "сериал"): no report by themselves. */
const PAST_LOOKALIKE =
  '(?:вокал|канал|финал|сериал|журнал|материал|сигнал|скандал|зал|бал|подвал|интервал|портал|идеал|металл|отдел|предел|стул|футбол|волейбол|баскетбол|гандбол|гол|пол|стол|укол|протокол|тыл)(?![\\p{L}])';

/**
 * Words that report something done: a past-tense verb ("выпила", "сходил", "занимался",
 * "practiced", "sold"), "готово / done", a check mark, "засчитай / log it".
 */
const REPORTED = new RegExp(
  [
    `(?<![\\p{L}])(?!${PAST_LOOKALIKE})\\p{L}{2,}(?:ал|ял|ил|ел|ыл|ул|ол|ёл)(?:а|и|ся|ась|ись)?(?![\\p{L}])`,
    '(?<![\\p{L}])(?:готов[оа]?|сделан[оа]?|выполнен[оа]?|есть|засчитай|отметь|отмечай|ел[аи]?|пил[аи]?|спал[аи]?)(?![\\p{L}])',
    '(?<![\\p{L}])(?:\\p{L}{2,}ed|done|did|finished|sold|found|bought|got|went|ran|read|took|made|wrote|met|paid|sent|log)(?![\\p{L}])',
    '[✅✔☑🎉🙌]',
  ].join('|'),
  'giu',
);

/** The one habit or open step the words name clearly enough, if there is one. */
async function bestDone(
  search: TitleSearch,
  userId: string,
  words: string,
  kinds: ('habits' | 'openSteps')[] = ['habits', 'openSteps'],
) {
  if (!/\p{L}{3,}/u.test(words)) return undefined;
  const found = await Promise.all(
    kinds.map(async (kind) =>
      (await search.find(userId, kind, words, 3)).map((item) => ({
        ...item,
        kind: kind === 'habits' ? ('habit' as const) : ('step' as const),
      })),
    ),
  );
  const ranked = found
    .flat()
    .filter((item) => item.kind === 'habit' || !countsMoreThanSaid(item.title, words))
    .sort((a, b) => b.score - a.score);
  const pick = pickBest(ranked, (item: TitleCandidate) => item.score);
  return 'one' in pick && pick.one.score >= MIN_SCORE ? pick.one : undefined;
}

/** A number of two or more in a title: «Прорешать 50 задач», «Read 12 books». */
const COUNT = /(?<![\p{N}])(\d+)(?![\p{N}])/u;

/**
 * "решил задачку на литкоде" is not «Прорешать 50 задач на литкоде» done: a step of many
 * is done by a report only when the report says the same number.
 */
function countsMoreThanSaid(title: string, text: string): boolean {
  const count = COUNT.exec(title)?.[1];
  return (
    count !== undefined &&
    Number(count) >= 2 &&
    !new RegExp(`(?<![\\p{N}])${count}(?![\\p{N}])`, 'u').test(text)
  );
}

/** A verb in the past ("бегал", "не заходил", "played"): a report more than a plan. */
export function saysPast(text: string): boolean {
  return PAST.test(text);
}
const PAST = new RegExp(
  `(?<![\\p{L}])(?:(?!${PAST_LOOKALIKE})\\p{L}{2,}(?:ал|ял|ил|ел|ыл|ул)(?:а|и|ся|ась|ись)?|\\p{L}{3,}ed|did|ran|went|played)(?![\\p{L}])`,
  'iu',
);

/** A check mark: "pushups ✔ 30 reps" reports, whatever else the words read as. */
export const hasCheckMark = (text: string): boolean => /[✅✔☑]/u.test(text);

/** Only words of a report, nothing naming what ("есть! сделала ✅", "выпила!", "done ✔️"). */
export function isBareDone(text: string): boolean {
  const naming = text.replace(REPORTED, ' ');
  return naming !== text && !/\p{L}{2,}/u.test(naming.replace(BARE_EXTRA, ' '));
}

/** Words that may come with a bare report: "уже", "всё", "just", "today". */
const BARE_EXTRA =
  /(?<![\p{L}])(?:уже|вс[её]|я|тоже|сегодня\p{L}*|вчера\p{L}*|плиз|пж|пожалуйста|just|all|i|it|today|yesterday|also|too|so|pls|please)(?![\p{L}])/giu;

/** When a thing was done: "this morning", "сегодня утром", "вечером", "today", "вчера". */
const PART_OF_DAY =
  /(?<![\p{L}])(?:(?:this|last|yesterday|in\s+the)\s+(?:morning|afternoon|evening|night)|tonight|today|yesterday|сегодня|вчера|утром|вечером|дн[её]м|ночью)(?![\p{L}])/giu;

/** How sure a match must be: a shared stem (full-text rank) or close letters. */
const MIN_SCORE = 0.45;

/**
 * "витамины выпила", "sold the camera!", "practiced guitar yesterday": a message the rules did
 * not read, which reports that one of the user's active habits or open steps is done. The
 * item is found in the database by its words (TitleSearch); only one clear match counts, so
 * anything less stays a question.
 */
export async function readDoneReport(
  db: DataSource,
  userId: string,
  text: string,
  context: ParseContext,
): Promise<ParsedIntent | undefined> {
  // The item is named by the other words: "сходила к юристу" is not «Сходить к диетологу».
  const unreported = text.replace(REPORTED, ' ');
  if (unreported === text) return undefined;
  // "checked my bp this morning": the time of day says when, not which («Morning walk»);
  // "курсач сдала": the formal word of the title («Сдать курсовую») is searched too.
  const naming = withFormalWords(unreported.replace(PART_OF_DAY, ' '));
  const search = new TitleSearch(db);
  const said = parseMessageAs(text, context, 'habit_check_in');
  // "meditated ✅", "вчера читала": the verb itself names the practice (same stem).
  const found =
    (await bestDone(search, userId, naming)) ??
    (await bestDone(search, userId, text, ['habits'])) ??
    // "пробежал" for «Пробежка», "анки" for «Скачать Anki»: the formal or Latin words alone.
    (await bestDone(search, userId, `${formalWordsOf(text)} ${latinSpellingOf(unreported)}`));
  if (!found) {
    if (!isBareDone(text)) return undefined;
    const asked = { ...said, missing: ['target'] } as ParsedIntent & { target?: string };
    delete asked.target;
    return asked;
  }
  const { kind, title } = found;
  const language = said.language;
  if (kind === 'step') {
    return { intent: 'step_status', language, missing: [], target: title, status: 'done' };
  }
  const date = said.intent === 'habit_check_in' ? said.date : undefined;
  return {
    intent: 'habit_check_in',
    language,
    missing: [],
    target: title,
    status: 'done',
    ...(date ? { date } : {}),
  };
}
