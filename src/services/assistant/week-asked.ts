/**
 * "прошлая неделя", "на прошлой неделе", "предыдущую неделю", "last week", "previous week":
 * the previous calendar week. ("как прошла неделя" has the verb "прошла", not the adjective.)
 */
const LAST_WEEK =
  /(?<!\p{L})(?:прошл(?:ая|ой|ую|ое)|предыдущ\p{L}*)\s+недел|\b(?:last|previous)\s+week\b|\bweek\s+before\b/iu;

/** Which calendar week a "how was the week?" message asks about. */
export const weekAsked = (text: string): 'this' | 'last' =>
  LAST_WEEK.test(text) ? 'last' : 'this';
