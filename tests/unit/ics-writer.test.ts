import { describe, expect, it } from '@jest/globals';
import { type FeedItem, writeIcs } from '../../src/services/calendar-sync/ics/ics-writer.js';

const ITEM: FeedItem = {
  uid: 'a@maxon',
  title: 'Dentist',
  start: new Date('2027-05-10T09:00:00Z'),
  durationMinutes: 60,
  allDay: false,
  timezone: 'Europe/Moscow',
  recurrence: null,
  notes: null,
  reminders: [15],
  updatedAt: new Date('2026-12-01T10:00:00Z'),
};

describe('the ICS feed body', () => {
  it('is the same for the same rows a second (or a day) later, so its ETag holds', () => {
    const now = new Date('2026-12-08T10:00:00.400Z');
    const body = writeIcs('maxOn', [ITEM], now);
    expect(writeIcs('maxOn', [ITEM], new Date(now.getTime() + 1_000))).toBe(body);
    expect(writeIcs('maxOn', [ITEM], new Date(now.getTime() + 86_400_000))).toBe(body);
    expect(writeIcs('maxOn', [{ ...ITEM, title: 'Dentist!' }], now)).not.toBe(body);
  });

  it('still describes zones with daylight saving across the years it covers', () => {
    const body = writeIcs('maxOn', [{ ...ITEM, timezone: 'Europe/London' }], new Date());
    expect(body).toContain('BEGIN:DAYLIGHT');
    expect(body).toContain('TZID:Europe/London');
  });
});
