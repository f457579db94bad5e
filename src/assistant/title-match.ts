/**
 * Finding the goal, step or event a message names among the user's own: shared word stems
 * (endings cut, so "встречу" meets "встреча"). Pure, so the executor only fetches and acts.
 */
const normalizeWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2)
    .map((word) => word.slice(0, Math.max(3, word.length - 2)));

function overlap(title: string, words: string): number {
  const wanted = new Set(normalizeWords(words));
  return normalizeWords(title).filter((stem) => wanted.has(stem)).length;
}

export function matches(title: string, words: string): boolean {
  return overlap(title, words) > 0 || title.toLowerCase().includes(words.toLowerCase());
}

export function bestMatch<T>(
  items: T[],
  titleOf: (item: T) => string,
  words: string,
): T | undefined {
  let best: T | undefined;
  let bestScore = 0;
  for (const item of items) {
    const score = overlap(titleOf(item), words);
    if (score > bestScore) [best, bestScore] = [item, score];
  }
  return best;
}
