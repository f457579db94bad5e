import { DateTime } from 'luxon';

/**
 * A timezone as people name it: an IANA name, a city (Russian or English), or a UTC offset
 * ("UTC+5", "+3", "МСК+4"). What cannot be read gets the closest zones as suggestions.
 */
export type ZoneAnswer = { zone: string } | { suggestions: string[] };

// The runtime's own list (its ICU spells some old names: Europe/Kiev, Asia/Calcutta).
const ZONES: string[] = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
const BY_LOWER = new Map(ZONES.map((zone) => [zone.toLowerCase(), zone]));

/** Cities people name that are not (or not spelled like) an IANA zone's city. */
const CITIES: Record<string, string> = {
  москва: 'Europe/Moscow',
  мск: 'Europe/Moscow',
  'санкт-петербург': 'Europe/Moscow',
  петербург: 'Europe/Moscow',
  питер: 'Europe/Moscow',
  спб: 'Europe/Moscow',
  'saint petersburg': 'Europe/Moscow',
  'st petersburg': 'Europe/Moscow',
  казань: 'Europe/Moscow',
  kazan: 'Europe/Moscow',
  'нижний новгород': 'Europe/Moscow',
  воронеж: 'Europe/Moscow',
  'ростов-на-дону': 'Europe/Moscow',
  ростов: 'Europe/Moscow',
  краснодар: 'Europe/Moscow',
  сочи: 'Europe/Moscow',
  ярославль: 'Europe/Moscow',
  тула: 'Europe/Moscow',
  калининград: 'Europe/Kaliningrad',
  самара: 'Europe/Samara',
  ижевск: 'Europe/Samara',
  саратов: 'Europe/Saratov',
  волгоград: 'Europe/Volgograd',
  ульяновск: 'Europe/Ulyanovsk',
  уфа: 'Asia/Yekaterinburg',
  пермь: 'Asia/Yekaterinburg',
  екатеринбург: 'Asia/Yekaterinburg',
  челябинск: 'Asia/Yekaterinburg',
  тюмень: 'Asia/Yekaterinburg',
  омск: 'Asia/Omsk',
  новосибирск: 'Asia/Novosibirsk',
  томск: 'Asia/Tomsk',
  барнаул: 'Asia/Barnaul',
  кемерово: 'Asia/Novokuznetsk',
  новокузнецк: 'Asia/Novokuznetsk',
  красноярск: 'Asia/Krasnoyarsk',
  иркутск: 'Asia/Irkutsk',
  чита: 'Asia/Chita',
  якутск: 'Asia/Yakutsk',
  хабаровск: 'Asia/Vladivostok',
  владивосток: 'Asia/Vladivostok',
  магадан: 'Asia/Magadan',
  'петропавловск-камчатский': 'Asia/Kamchatka',
  камчатка: 'Asia/Kamchatka',
  минск: 'Europe/Minsk',
  киев: 'Europe/Kiev',
  kiev: 'Europe/Kiev',
  алматы: 'Asia/Almaty',
  астана: 'Asia/Almaty',
  ташкент: 'Asia/Tashkent',
  бишкек: 'Asia/Bishkek',
  тбилиси: 'Asia/Tbilisi',
  ереван: 'Asia/Yerevan',
  баку: 'Asia/Baku',
  лондон: 'Europe/London',
  париж: 'Europe/Paris',
  берлин: 'Europe/Berlin',
  рим: 'Europe/Rome',
  мадрид: 'Europe/Madrid',
  стамбул: 'Europe/Istanbul',
  дубай: 'Asia/Dubai',
  'нью-йорк': 'America/New_York',
  'new york': 'America/New_York',
  washington: 'America/New_York',
  boston: 'America/New_York',
  'san francisco': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  'лос-анджелес': 'America/Los_Angeles',
  токио: 'Asia/Tokyo',
  пекин: 'Asia/Shanghai',
  beijing: 'Asia/Shanghai',
  бангкок: 'Asia/Bangkok',
  бали: 'Asia/Makassar',
  bali: 'Asia/Makassar',
  delhi: 'Asia/Calcutta',
  mumbai: 'Asia/Calcutta',
  india: 'Asia/Calcutta',
};

/** IANA zones by their city part ("london" → Europe/London, "new york" → America/New_York). */
const IANA_CITIES = new Map(
  ZONES.filter((zone) => zone.includes('/')).map((zone) => [
    zone.split('/').at(-1)!.replace(/_/gu, ' ').toLowerCase(),
    zone,
  ]),
);

/** The zone picked for a UTC offset: the first of these that has it now (Russia first). */
const BY_OFFSET = [
  'Europe/London',
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
  'Europe/Berlin',
  'Asia/Dubai',
  'Asia/Calcutta',
  'Asia/Katmandu',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
];

const normalize = (text: string) =>
  text.trim().toLowerCase().replace(/ё/gu, 'е').replace(/\s+/gu, ' ');

export function readTimezone(text: string, now = DateTime.now()): ZoneAnswer {
  const name = normalize(text);
  const exact = BY_LOWER.get(name.replace(/ /gu, '_'));
  if (exact) return { zone: exact };
  const city = CITIES[name] ?? IANA_CITIES.get(name);
  if (city) return { zone: city };
  const offset = offsetMinutes(name);
  if (offset !== null) {
    const zone = BY_OFFSET.find((candidate) => now.setZone(candidate).offset === offset);
    if (zone) return { zone };
    if (offset % 60 === 0 && Math.abs(offset) <= 12 * 60) {
      // POSIX sign: Etc/GMT-5 is five hours ahead of UTC.
      const hours = -offset / 60;
      return { zone: hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '+' : ''}${hours}` };
    }
  }
  return { suggestions: closestZones(name) };
}

/** "utc+5", "gmt-3", "+3", "+5:30", "мск+4" → minutes east of UTC; null when not an offset. */
function offsetMinutes(text: string): number | null {
  const match = /^(utc|gmt|мск|msk)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/u.exec(text);
  if (!match) return /^(utc|gmt)$/u.test(text) ? 0 : null;
  const sign = match[2] === '+' ? 1 : -1;
  const minutes = sign * (Number(match[3]) * 60 + Number(match[4] ?? 0));
  const base = match[1] === 'мск' || match[1] === 'msk' ? 180 : 0;
  const total = base + minutes;
  return Math.abs(total) <= 14 * 60 ? total : null;
}

/** Up to three zones whose city is spelled closest to `name` (typos, partial names). */
function closestZones(name: string): string[] {
  if (!name) return [];
  const scored: [number, string][] = [];
  for (const [city, zone] of [...Object.entries(CITIES), ...IANA_CITIES]) {
    const distance = city.startsWith(name) && name.length >= 3 ? 0.5 : editDistance(name, city);
    if (distance <= Math.max(2, Math.floor(name.length / 3))) scored.push([distance, zone]);
  }
  scored.sort((a, b) => a[0] - b[0]);
  return [...new Set(scored.map(([, zone]) => zone))].slice(0, 3);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** A zone name from a button (callback data): only one the runtime knows. */
export const knownZone = (raw: string): string | undefined =>
  BY_LOWER.get(raw.toLowerCase()) === raw ? raw : undefined;
