import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether an Authorization header may read /metrics: always without METRICS_TOKEN, else only
 * `Bearer <METRICS_TOKEN>` (compared in constant time).
 */
export function metricsAccess(token: string | undefined) {
  const expected = token ? digest(token) : null;
  return (authorization: string | undefined): boolean => {
    if (!expected) return true;
    const given = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '')?.[1]?.trim();
    return given !== undefined && timingSafeEqual(digest(given), expected);
  };
}
