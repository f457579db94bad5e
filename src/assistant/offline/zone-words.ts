/**
 * A timezone said with the time ("в 11 по мск", "3pm msk"): the time is Moscow's whatever the
 * user's own zone is. The words are taken out so they do not end up in a title.
 */
const MOSCOW =
  /(?<![\p{L}\p{N}])(?:(?:по\s+)?мск|по\s+москве|по\s+московскому(?:\s+времени)?|msk|moscow\s+time)(?![\p{L}\p{N}])/giu;

/** The text without the zone words, and the zone they name (if any). */
export function takeZoneWords(text: string): { text: string; zone?: string } {
  const without = text.replace(MOSCOW, ' ');
  if (without === text) return { text };
  return { text: without.replace(/\s+/gu, ' ').trim(), zone: 'Europe/Moscow' };
}
