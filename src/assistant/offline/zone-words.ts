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

/** "her time", "по их времени": the time of the city the message names. */
const THEIR_TIME =
  /(?<![\p{L}\p{N}])(?:(?:his|her|their)\s+time|по\s+(?:их|его|е[её])\s+времени)(?![\p{L}\p{N}])/iu;
const CITIES: [RegExp, string][] = [
  [/(?<![\p{L}])(?:moscow|москв\p{L}*)(?![\p{L}])/iu, 'Europe/Moscow'],
  [/(?<![\p{L}])(?:london|лондон\p{L}*)(?![\p{L}])/iu, 'Europe/London'],
  [/(?<![\p{L}])(?:new\s+york|nyc|нью-?йорк\p{L}*)(?![\p{L}])/iu, 'America/New_York'],
];

/** The text without the zone words, and the zone they name (if any). */
export function takeZoneWords(text: string): { text: string; zone?: string } {
  const city = THEIR_TIME.test(text) && CITIES.find(([name]) => name.test(text));
  if (city)
    return { text: text.replace(THEIR_TIME, ' ').replace(/\s+/gu, ' ').trim(), zone: city[1] };
  for (const [words, zone] of ZONES) {
    const without = text.replace(words, ' ');
    if (without !== text) return { text: without.replace(/\s+/gu, ' ').trim(), zone };
  }
  return { text };
}
