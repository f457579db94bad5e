import type { DataSource } from 'typeorm';
import type { ParseContext, ParsedIntent } from '../../assistant/intent.types.js';
import { parseMessageAs } from '../../assistant/offline/offline-engine.js';
import { pickBest, type TitleCandidate, TitleSearch } from './title-search.js';

/**
 * Words that report something done: a past-tense verb ("выпила", "сходил", "занимался",
 * "practiced", "sold"), "готово / done", a check mark, "засчитай / log it".
 */
const REPORTED = new RegExp(
  [
    '(?<![\\p{L}])\\p{L}{2,}(?:ал|ял|ил|ел|ыл|ул|ол|ёл)(?:а|и|ся|ась|ись)?(?![\\p{L}])',
    '(?<![\\p{L}])(?:готов[оа]?|сделан[оа]?|выполнен[оа]?|есть|засчитай|отметь|отмечай)(?![\\p{L}])',
    '(?<![\\p{L}])(?:\\p{L}{2,}ed|done|did|finished|sold|found|bought|got|went|ran|read|took|made|wrote|met|paid|sent|log)(?![\\p{L}])',
    '[✅✔☑🎉🙌]',
  ].join('|'),
  'giu',
);

/** Only words of a report, nothing naming what ("есть! сделала ✅", "выпила!", "done ✔️"). */
export function isBareDone(text: string): boolean {
  const naming = text.replace(REPORTED, ' ');
  return naming !== text && !/\p{L}{2,}/u.test(naming.replace(BARE_EXTRA, ' '));
}

/** Words that may come with a bare report: "уже", "всё", "just", "today". */
const BARE_EXTRA =
  /(?<![\p{L}])(?:уже|вс[её]|я|тоже|сегодня|вчера|just|all|i|it|today|yesterday|also|too|so)(?![\p{L}])/giu;

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
  const naming = text.replace(REPORTED, ' ');
  if (naming === text) return undefined;
  if (isBareDone(text)) {
    const said = parseMessageAs(text, context, 'habit_check_in');
    return { ...said, missing: ['target'] } as ParsedIntent;
  }
  const search = new TitleSearch(db);
  const [habits, steps] = await Promise.all([
    search.find(userId, 'habits', naming, 3),
    search.find(userId, 'openSteps', naming, 3),
  ]);
  const ranked = [
    ...habits.map((item) => ({ ...item, kind: 'habit' as const })),
    ...steps.map((item) => ({ ...item, kind: 'step' as const })),
  ].sort((a, b) => b.score - a.score);
  const pick = pickBest(ranked, (item: TitleCandidate) => item.score);
  if (!('one' in pick) || pick.one.score < MIN_SCORE) return undefined;
  const { kind, title } = pick.one;
  const said = parseMessageAs(text, context, 'habit_check_in');
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
