/**
 * Finding the goal, step or event a message names among the user's own: shared word stems
 * (endings cut, so "встречу" meets "встреча"). Pure, so the executor only fetches and acts.
 */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2);

/**
 * Same word up to its ending: a common beginning of all but the last two letters of the
 * shorter word, at least three ("стоматолога" ~ "стоматолог", "встречу" ~ "встреча").
 */
function sameStem(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= Math.max(3, Math.min(a.length, b.length) - 2);
}

function overlap(title: string, words: string): number {
  const wanted = wordsOf(words);
  return wordsOf(title).filter((word) => wanted.some((other) => sameStem(word, other))).length;
}

export function matches(title: string, words: string): boolean {
  return overlap(title, words) > 0 || title.toLowerCase().includes(words.toLowerCase());
}

/** Every item sharing the best overlap with the words (one, several tied, or none). */
export function bestMatches<T>(items: T[], titleOf: (item: T) => string, words: string): T[] {
  const scored = items.map((item) => ({ item, score: overlap(titleOf(item), words) }));
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  return best === 0 ? [] : scored.filter((entry) => entry.score === best).map((e) => e.item);
}
