import { createHmac, timingSafeEqual } from 'node:crypto';

/** The person a messenger vouches for in a mini app's signed init data. */
export interface InitDataUser {
  id: string;
  name: string;
  languageCode?: string;
}

export type InitDataCheck =
  | { ok: true; user: InitDataUser; authDate: Date }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/**
 * Checks a mini app's init data, the way Telegram (core.telegram.org/bots/webapps,
 * "Validating data received via the Mini App") and MAX (dev.max.ru/docs/webapps/validation)
 * both define it: every field but `hash`, sorted by key, joined as "key=value" lines, signed
 * with HMAC-SHA256 under the key HMAC-SHA256("WebAppData", bot token); `auth_date` (seconds)
 * must be younger than `maxAgeSeconds`. Pure: the clock is a parameter.
 */
export function checkInitData(
  raw: string,
  botToken: string,
  maxAgeSeconds: number,
  now: Date,
): InitDataCheck {
  const params = new URLSearchParams(raw);
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) return { ok: false, reason: 'malformed' };
  const hash = params.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/i.test(hash)) return { ok: false, reason: 'malformed' };
  const checkString = keys
    .filter((key) => key !== 'hash')
    .sort()
    .map((key) => `${key}=${params.get(key)}`)
    .join('\n');
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const expected = createHmac('sha256', secret).update(checkString).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) {
    return { ok: false, reason: 'bad-signature' };
  }
  const authSeconds = Number(params.get('auth_date'));
  const user = parseUser(params.get('user'));
  if (!Number.isInteger(authSeconds) || !user) return { ok: false, reason: 'malformed' };
  const ageSeconds = now.getTime() / 1000 - authSeconds;
  if (ageSeconds > maxAgeSeconds || ageSeconds < -60) return { ok: false, reason: 'expired' };
  return { ok: true, user, authDate: new Date(authSeconds * 1000) };
}

/** Signs init data as the messenger would: for tests and the local fakes. */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  const checkString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const hash = createHmac('sha256', secret).update(checkString).digest('hex');
  return new URLSearchParams({ ...fields, hash }).toString();
}

function parseUser(json: string | null): InitDataUser | null {
  if (!json) return null;
  try {
    const user = JSON.parse(json) as {
      id?: unknown;
      first_name?: unknown;
      last_name?: unknown;
      language_code?: unknown;
    };
    if (typeof user.id !== 'number' && typeof user.id !== 'string') return null;
    const name = [user.first_name, user.last_name].filter((part) => typeof part === 'string');
    return {
      id: String(user.id),
      name: name.join(' '),
      languageCode: typeof user.language_code === 'string' ? user.language_code : undefined,
    };
  } catch {
    return null;
  }
}
