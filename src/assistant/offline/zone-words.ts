/**
 * A timezone said with the time ("в 11 по мск", "3pm msk", "6pm london time"): the time is that
 * city's whatever the user's own zone is. The words are taken out so they do not end up in a title.
 */
const ZONES: [RegExp, string][] = [
  [
    /(?<![\p{L}\p{N}])(?:(?:по\s+)?мск|по\s+москве|по\s+московскому(?:\s+времени)?|msk|moscow\s+time)(?![\p{L}\p{N}])/giu,
    'Europe/Moscow',
  ],
  // "по лондону", "london time", "uk time"
  [
    /(?<![\p{L}\p{N}])(?:по\s+лондону|по\s+лондонскому(?:\s+времени)?|(?:london|uk)\s+time)(?![\p{L}\p{N}])/giu,
    'Europe/London',
  ],
  // "по нью-йорку", "new york time", "ny time", "eastern time"
  [
    /(?<![\p{L}\p{N}])(?:по\s+нью-?йорку|(?:new\s+york|ny|nyc|eastern)\s+time)(?![\p{L}\p{N}])/giu,
    'America/New_York',
  ],
];

/** The text without the zone words, and the zone they name (if any). */
export function takeZoneWords(text: string): { text: string; zone?: string } {
  for (const [words, zone] of ZONES) {
    const without = text.replace(words, ' ');
    if (without !== text) return { text: without.replace(/\s+/gu, ' ').trim(), zone };
  }
  return { text };
}
