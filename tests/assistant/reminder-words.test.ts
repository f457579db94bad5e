import { describe, expect, it } from '@jest/globals';
import { intentAnswerSchema, toParsedIntent } from '../../src/assistant/model/intent-schema.js';
import { iso, NOW, parseAs } from './parse-helpers.js';

/** Now is Wednesday 2026-03-04 12:00 in Moscow (09:00 UTC). */
describe('reminder requests: remind at the time said', () => {
  it.each([
    ['напомни через 2 часа позвонить маме', 'Позвонить маме', '2026-03-04T11:00:00.000Z'],
    ['remind me in 30 minutes to take the pills', 'Take the pills', '2026-03-04T09:30:00.000Z'],
    ['не забыть завтра в 9 оплатить интернет', 'Оплатить интернет', '2026-03-05T06:00:00.000Z'],
    ['не забудь купить хлеб сегодня в 19', 'Купить хлеб', '2026-03-04T16:00:00.000Z'],
    ['ping me at 5 to leave', 'Leave', '2026-03-04T14:00:00.000Z'],
    ["don't let me forget to buy milk tomorrow at 6pm", 'Buy milk', '2026-03-05T15:00:00.000Z'],
    ['напомните мне в 18:30 забрать посылку', 'Забрать посылку', '2026-03-04T15:30:00.000Z'],
  ])('%s', (text, title, start) => {
    const intent = parseAs('event_create', text);
    expect({ title: intent.title, start: iso(intent.start) }).toEqual({ title, start });
    expect(intent.reminderMinutesBefore).toEqual([0]);
    expect(intent.missing).toEqual([]);
  });

  it('leaves the offset to the user default when nobody asked to be reminded', () => {
    const intent = parseAs('event_create', 'созвон с командой через 3 минуты');
    expect(iso(intent.start)).toBe('2026-03-04T09:03:00.000Z');
    expect(intent.reminderMinutesBefore).toBeUndefined();
  });

  it.each([
    ['встреча завтра в 15, напомни за час', 'Встреча', [60]],
    ['dentist on friday at 3pm, remind me 2 hours before', 'Dentist', [120]],
    ['созвон в пятницу в 11 напомни за 15 минут и за день', 'Созвон', [1440, 15]],
    ['встреча с Олей завтра в 15 без напоминания', 'Встреча с Олей', []],
    ['lunch with Tom tomorrow at 1pm no reminder', 'Lunch with Tom', []],
  ])('%s → offsets said', (text, title, offsets) => {
    const intent = parseAs('event_create', text);
    expect(intent.title).toBe(title);
    expect(intent.reminderMinutesBefore).toEqual(offsets);
  });

  it('reads "за час" as an offset only next to a reminder verb', () => {
    const intent = parseAs('event_create', 'завтра в 10 пробежка за час до работы');
    expect(intent.reminderMinutesBefore).toBeUndefined();
  });
});

describe('changing the reminders of an existing event', () => {
  it.each([
    ['напомни за день до стоматолога', 'стоматолога', [1440]],
    ['напомни за неделю и за день до дня рождения мамы', 'дня рождения мамы', [10080, 1440]],
    ['remind me an hour before the standup', 'standup', [60]],
    ['remind me 15 minutes before my dentist appointment', 'dentist appointment', [15]],
  ])('%s', (text, target, offsets) => {
    const intent = parseAs('event_update', text);
    expect(intent.target.text).toBe(target);
    expect(intent.reminderMinutesBefore).toEqual(offsets);
    expect(intent.missing).toEqual([]);
  });
});

describe('the model engine carries the same reminder slot', () => {
  const nulls = Object.fromEntries(Object.keys(intentAnswerSchema.shape).map((k) => [k, null]));

  it('keeps the offsets the model read, and leaves them out when it said nothing', () => {
    const answer = intentAnswerSchema.parse({
      ...nulls,
      intent: 'event_create',
      language: 'en',
      missing: [],
      title: 'Take the pills',
      start: '2026-03-04T12:30:00+03:00',
      reminderMinutesBefore: [0],
    });
    expect(toParsedIntent(answer)).toMatchObject({ reminderMinutesBefore: [0] });
    const silent = intentAnswerSchema.parse({ ...answer, reminderMinutesBefore: null });
    expect(toParsedIntent(silent)).not.toHaveProperty('reminderMinutesBefore');
  });

  it('rejects offsets beyond four weeks', () => {
    const result = intentAnswerSchema.safeParse({
      ...nulls,
      intent: 'event_create',
      language: 'ru',
      missing: [],
      reminderMinutesBefore: [50_000],
    });
    expect(result.success).toBe(false);
  });
});

describe('reminder nouns are requests, not titles', () => {
  it.each([
    ['напоминай каждый вечер в 21:45 проверять дз у сына', 'Проверять дз у сына'],
    ['напоминалку каждый понедельник в 9 сдавать отчет', 'Сдавать отчет'],
    ['reminder on the 30th at noon: renew car registration', 'Renew car registration'],
    ['set a reminder for 7:45am tomorrow to take out the trash', 'Take out the trash'],
    ['in an hour and a half remind me to feed the fish', 'Feed the fish'],
  ])('%s', (text, title) => {
    expect(parseAs('event_create', text)).toMatchObject({ title, reminderMinutesBefore: [0] });
  });

  it('"in an hour and a half" is 90 minutes from now', () => {
    const intent = parseAs('event_create', 'in an hour and a half remind me to feed the fish');
    expect(intent.start?.getTime()).toBe(NOW.getTime() + 90 * 60_000);
  });
});
