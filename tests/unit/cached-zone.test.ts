import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { cachedZone, instantOfWallClock } from '../../src/services/cached-zone.js';

const ZONES = ['America/New_York', 'Europe/Moscow', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

describe('instantOfWallClock', () => {
  it('agrees with luxon on every quarter-hour around DST changes, gaps and repeats included', () => {
    const days = ['2026-03-08', '2026-11-01', '2026-04-05', '2026-10-04', '2026-03-29'];
    for (const zone of ZONES) {
      for (const day of days) {
        for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
          const local = new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000);
          const expected = DateTime.fromISO(local.toISOString().slice(0, 23), { zone });
          expect([zone, instantOfWallClock(local.getTime(), zone).toISOString()]).toEqual([
            zone,
            expected.toJSDate().toISOString(),
          ]);
        }
      }
    }
  });

  it('gives the same offsets as the plain zone', () => {
    for (const zone of ZONES) {
      for (let hour = 0; hour < 24 * 365; hour += 7) {
        const ts = Date.parse('2026-01-01T00:00:00Z') + hour * 3_600_000;
        const plain = DateTime.fromMillis(ts, { zone }).toISO();
        expect(DateTime.fromMillis(ts, { zone: cachedZone(zone) }).toISO()).toBe(plain);
      }
    }
  });
});
