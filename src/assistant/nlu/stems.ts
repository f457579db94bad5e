import snowball from 'snowball-stemmers';

/**
 * Words as stems: Snowball's Russian and English stemmers (the standard algorithms for
 * both languages), so that "испанскому" and "испанский", "meetings" and "meeting" are
 * one word to the classifier and to name matching. Numbers become one token each kind.
 */
const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');
const cache = new Map<string, string>();

export function stemOf(word: string): string {
  const lower = word.toLowerCase().replace(/ё/gu, 'е');
  const known = cache.get(lower);
  if (known !== undefined) return known;
  const stem = /\p{Script=Cyrillic}/u.test(lower) ? russian.stem(lower) : english.stem(lower);
  if (cache.size < 50_000) cache.set(lower, stem);
  return stem;
}

const TOKEN = /\d+(?:[:.]\d+)?|[\p{L}]+(?:['’][\p{L}]+)?/gu;

/** The stems of a text, numbers as `#n` (a count) or `#t` (a clock time such as 15:30). */
export function stems(text: string): string[] {
  const out: string[] = [];
  for (const [token] of text.matchAll(TOKEN)) {
    if (/^\d/u.test(token)) out.push(/[:.]/u.test(token) ? '#t' : '#n');
    else out.push(stemOf(token.replace(/['’]/gu, '')));
  }
  return out;
}
