import { describe, expect, it } from '@jest/globals';
import { InvalidJobPayloadError, parsePayload } from '../../src/jobs/define-job.js';
import { eventReminderJob } from '../../src/jobs/event-reminder.job.js';
import { JOBS } from '../../src/jobs/registry.js';
import { webhookDeliveryJob } from '../../src/jobs/webhook-delivery.job.js';

const EVENT_REMINDER = {
  key: 'event:e1:15@2026-03-01T10:00:00.000Z',
  dueAt: '2026-03-01T09:45:00.000Z',
  eventId: 'e1',
  userId: 'u1',
  offsetMinutes: 15,
  occurrenceStart: '2026-03-01T10:00:00.000Z',
};

describe('job payloads', () => {
  it('hands the handler the payload its scheduler wrote', () => {
    expect(parsePayload(eventReminderJob, EVENT_REMINDER)).toEqual(EVENT_REMINDER);
  });

  it('rejects a malformed payload, naming the job and the field', () => {
    const malformed = { ...EVENT_REMINDER, offsetMinutes: '15' };
    expect(() => parsePayload(eventReminderJob, malformed)).toThrow(InvalidJobPayloadError);
    expect(() => parsePayload(eventReminderJob, malformed)).toThrow(
      /Job "event-reminder" has a malformed payload:[\s\S]*offsetMinutes/,
    );
  });

  it('rejects a payload without its key or with a due time that is not an instant', () => {
    expect(() => parsePayload(eventReminderJob, { ...EVENT_REMINDER, key: undefined })).toThrow(
      /key/,
    );
    expect(() => parsePayload(eventReminderJob, { ...EVENT_REMINDER, dueAt: 'soon' })).toThrow(
      /dueAt/,
    );
    expect(() =>
      parsePayload(webhookDeliveryJob, {
        key: 'webhook:n1:0',
        dueAt: EVENT_REMINDER.dueAt,
        notificationId: 'n1',
        attempt: 0,
      }),
    ).toThrow(/attempt/);
  });

  it('keeps the job names stored in the jobs table, one definition each', () => {
    expect(JOBS.map((job) => job.name)).toEqual([
      'event-reminder',
      'morning-digest',
      'deadline-check',
      'overdue-steps',
      'reminder',
      'release-notification',
      'webhook-delivery',
      'redeliver-notifications',
      'habit-day-end',
      'habit-reminder',
      'weekly-review',
      'broadcast',
      'calendar-sync',
    ]);
  });
});
