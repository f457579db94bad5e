import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { CALLBACK_MAX_BYTES, type Callback } from '../../src/clients/shared/callback-data.js';
import {
  BUTTONS,
  packCallback,
  readClientState,
  unpackCallback,
} from '../../src/clients/shared/features/registry.js';
import { escapeHtml, markup, splitHtml, visibleLength } from '../../src/clients/shared/html.js';
import {
  meansNone,
  parseDate,
  parseTime,
  parseTimeRange,
} from '../../src/clients/shared/parse-input.js';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('callback data', () => {
  const every: Callback[] = [
    { a: 'menu' },
    { a: 'help' },
    { a: 'web' },
    { a: 'goals', offset: 16 },
    { a: 'goal', goalId: ID },
    { a: 'newGoal' },
    { a: 'stepDone', stepId: ID },
    { a: 'goalEdit', goalId: ID },
    { a: 'goalEditTitle', goalId: ID },
    { a: 'goalEditDeadline', goalId: ID },
    { a: 'goalAddStep', goalId: ID },
    { a: 'goalDelete', goalId: ID },
    { a: 'goalDeleteYes', goalId: ID },
    { a: 'plan', goalId: ID },
    { a: 'planCancel', goalId: ID },
    { a: 'planAccept', proposalId: ID },
    { a: 'schedule', goalId: ID },
    { a: 'goalChart', goalId: ID },
    { a: 'habits', offset: 8 },
    { a: 'habit', habitId: ID },
    { a: 'newHabit' },
    { a: 'habitSchedule', habitId: ID, preset: 'wd' },
    { a: 'habitDone', habitId: ID },
    { a: 'habitDoneInList', habitId: ID },
    { a: 'habitSkip', habitId: ID },
    { a: 'habitUndo', habitId: ID },
    { a: 'habitPause', habitId: ID },
    { a: 'habitResume', habitId: ID },
    { a: 'habitTime', habitId: ID },
    { a: 'habitDelete', habitId: ID },
    { a: 'habitDeleteYes', habitId: ID },
    { a: 'habitPicture', habitId: ID },
    { a: 'habitRaise', habitId: ID, target: 42 },
    { a: 'habitArchive', habitId: ID },
    { a: 'calendar', mode: 'w', date: '2026-11-23' },
    { a: 'event', eventId: ID },
    { a: 'eventEditDate', eventId: ID },
    { a: 'eventEditTime', eventId: ID },
    { a: 'eventDelete', eventId: ID },
    { a: 'eventReminders', eventId: ID },
    { a: 'eventReminderToggle', eventId: ID, minutes: 1440 },
    { a: 'eventReminderNone', eventId: ID },
    { a: 'settings' },
    { a: 'toggle', toggle: 'dg' },
    { a: 'language' },
    { a: 'timezone' },
    { a: 'dailyTime', field: 'ev' },
    { a: 'quietHours' },
    { a: 'defaultReminders' },
    { a: 'defaultReminderToggle', minutes: 0 },
    { a: 'defaultReminderNone' },
    { a: 'quickReply', index: 3 },
    { a: 'notifyDone', notificationId: ID },
    { a: 'notifySnooze', notificationId: ID, preset: 'tmr' },
    { a: 'notifyStepDone', stepId: ID },
    { a: 'notifyHabitDone', habitId: ID },
    { a: 'notifyHabitSkip', habitId: ID },
    { a: 'nudgeHabitDone', habitId: ID },
    { a: 'planSchedule', goalId: ID },
    { a: 'planHabit', goalId: ID, n: 2, days: 127, at: '0730' },
    { a: 'smart', goalId: ID },
    { a: 'coachDate', goalId: ID, date: '2027-03-01' },
    { a: 'coachNoDate', goalId: ID },
    { a: 'coachMeasure', goalId: ID },
    { a: 'coachSkip', goalId: ID },
    { a: 'reviewHabit', habitId: ID },
    { a: 'reviewPlan', goalId: ID },
    { a: 'newEvent' },
    { a: 'startZone', zone: 'Europe/London' },
    { a: 'startLang', lang: 'en' },
    { a: 'tryExample', n: 1 },
    { a: 'eventDeleteYes', eventId: ID },
    { a: 'timezoneSet', zone: 'America/Argentina/Rio_Gallegos' },
    { a: 'admin' },
    { a: 'adminFind' },
    { a: 'adminUser', userId: ID },
    { a: 'adminBlock', userId: ID },
    { a: 'adminBlockYes', userId: ID },
    { a: 'adminUnblock', userId: ID },
    { a: 'adminCompose' },
    { a: 'adminAudience', audience: 'ru', n: 12 },
    { a: 'adminSend', audience: 'all', n: 12 },
    { a: 'adminDrop' },
    { a: 'adminProgress', broadcastId: ID },
    { a: 'adminStop', broadcastId: ID },
    { a: 'calendars' },
    { a: 'calendarConnection', connectionId: ID },
    { a: 'calendarBusy', connectionId: ID, index: 2 },
    { a: 'calendarWrite', connectionId: ID, index: 0 },
    { a: 'calendarSync', connectionId: ID },
    { a: 'calendarDisconnect', connectionId: ID },
    { a: 'calendarDisconnectYes', connectionId: ID },
    { a: 'calendarFeed' },
    { a: 'calendarFeedNew' },
    { a: 'calendarCalDav' },
    { a: 'calendarIcs' },
    { a: 'eventEditTitle', eventId: ID },
    { a: 'eventEditDuration', eventId: ID },
    { a: 'eventEditNotes', eventId: ID },
    { a: 'eventRepeat', eventId: ID },
    { a: 'eventRepeatSet', eventId: ID, rule: 'wd' },
    { a: 'goalEditDescription', goalId: ID },
    { a: 'step', stepId: ID },
    { a: 'stepEditTitle', stepId: ID },
    { a: 'stepEditEstimate', stepId: ID },
    { a: 'stepEditTime', stepId: ID },
    { a: 'stepDelete', stepId: ID },
    { a: 'stepDeleteYes', stepId: ID },
    { a: 'editRedo' },
    { a: 'editKeep' },
    { a: 'editResend' },
    { a: 'eventRemindersCustom', eventId: ID },
    { a: 'eventRepeatCustom', eventId: ID },
    { a: 'today' },
    { a: 'todayCheckIn', habitId: ID },
  ];

  it.each(every.map((callback) => [callback.a, callback] as const))(
    '%s packs within 64 bytes and unpacks to itself',
    (_name, callback: Callback) => {
      const packed = packCallback(callback);
      expect(Buffer.byteLength(packed)).toBeLessThanOrEqual(CALLBACK_MAX_BYTES);
      expect(unpackCallback(packed)).toEqual(callback);
    },
  );

  it('gives distinct data for distinct actions', () => {
    const packed = every.map(packCallback);
    expect(new Set(packed).size).toBe(packed.length);
    expect(new Set(every.map((callback) => callback.a))).toEqual(new Set(Object.keys(BUTTONS)));
  });

  it('keeps the wire format of buttons already in chats', () => {
    expect(every.map(packCallback)).toEqual([
      'm',
      'h',
      'bw',
      'gl:16',
      `g:${ID}`,
      'ng',
      `sd:${ID}`,
      `ge:${ID}`,
      `get:${ID}`,
      `ged:${ID}`,
      `gas:${ID}`,
      `gx:${ID}`,
      `gxy:${ID}`,
      `gp:${ID}`,
      `gpc:${ID}`,
      `gpa:${ID}`,
      `gs:${ID}`,
      `gpic:${ID}`,
      'hl:8',
      `hb:${ID}`,
      'hn',
      `hs:${ID}:wd`,
      `hc:${ID}`,
      `hcl:${ID}`,
      `hk:${ID}`,
      `hu:${ID}`,
      `hp:${ID}`,
      `hr:${ID}`,
      `ht:${ID}`,
      `hx:${ID}`,
      `hxy:${ID}`,
      `hpic:${ID}`,
      `htr:${ID}:42`,
      `hta:${ID}`,
      'c:w:2026-11-23',
      `e:${ID}`,
      `eed:${ID}`,
      `eet:${ID}`,
      `ex:${ID}`,
      `er:${ID}`,
      `ert:${ID}:1440`,
      `ern:${ID}`,
      's',
      'st:dg',
      'sl',
      'stz',
      'stm:ev',
      'sq',
      'sdr',
      'sdt:0',
      'sdn',
      'qr:3',
      `nd:${ID}`,
      `ns:${ID}:tmr`,
      `nsd:${ID}`,
      `nhd:${ID}`,
      `nhs:${ID}`,
      `vhd:${ID}`,
      `gps:${ID}`,
      `gph:${ID}:2:127:0730`,
      `gsm:${ID}`,
      `gcd:${ID}:2027-03-01`,
      `gcn:${ID}`,
      `gcm:${ID}`,
      `gck:${ID}`,
      `wrh:${ID}`,
      `wrp:${ID}`,
      'ne',
      'oz:Europe/London',
      'ol:en',
      'ox:1',
      `exy:${ID}`,
      'stzs:America/Argentina/Rio_Gallegos',
      'am',
      'af',
      `au:${ID}`,
      `ab:${ID}`,
      `aby:${ID}`,
      `aub:${ID}`,
      'ac',
      'aa:ru:12',
      'asd:all:12',
      'ad',
      `ap:${ID}`,
      `ak:${ID}`,
      'k',
      `kc:${ID}`,
      `kb:${ID}:2`,
      `kw:${ID}:0`,
      `ks:${ID}`,
      `kx:${ID}`,
      `kxy:${ID}`,
      'kf',
      'kfn',
      'kd',
      'ki',
      `uet:${ID}`,
      `ued:${ID}`,
      `uen:${ID}`,
      `uer:${ID}`,
      `uers:${ID}:wd`,
      `ugd:${ID}`,
      `us:${ID}`,
      `ust:${ID}`,
      `use:${ID}`,
      `usp:${ID}`,
      `usx:${ID}`,
      `usxy:${ID}`,
      'mer',
      'mek',
      'mes',
      `erc:${ID}`,
      `uerw:${ID}`,
      'td',
      `tdc:${ID}`,
    ]);
  });

  it.each([
    '',
    'zz',
    'g',
    'g:not-a-uuid',
    `g:${ID}:extra`,
    'gl:-1',
    'gl:1e3',
    'c:x:2026-01-01',
    'c:d:yesterday',
    'st:unknown',
    `ns:${ID}:forever`,
    "g:'; DROP TABLE goals;--",
  ])('refuses %p', (data) => {
    expect(unpackCallback(data)).toBeNull();
  });
});

describe('HTML', () => {
  it('escapes every interpolated value, not the template', () => {
    const title = '<script>alert("x")</script> & <b>';
    expect(markup`<b>${title}</b>`).toBe(
      '<b>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;</b>',
    );
    expect(escapeHtml('a&b<c>')).toBe('a&amp;b&lt;c&gt;');
  });

  it('splits long markup at line breaks into parts within the limit, keeping tags whole', () => {
    const lines = Array.from({ length: 200 }, (_, i) => markup`<b>${i}</b> строка & <i>текст</i>`);
    const parts = splitHtml(lines.join('\n'), 1000);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(visibleLength(part)).toBeLessThanOrEqual(1000);
      expect(part.match(/<b>/g)?.length).toBe(part.match(/<\/b>/g)?.length);
    }
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });

  it('cuts a single overlong line as escaped plain text', () => {
    const hostile = `<b>${escapeHtml('<&>'.repeat(3000))}</b>`;
    const parts = splitHtml(hostile, 4096);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(visibleLength(part)).toBeLessThanOrEqual(4096);
      expect(part).not.toMatch(/<(?!\/?b>)|&(?!amp;|lt;|gt;)/);
    }
    expect(
      parts
        .map((part) => part.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
        .join(''),
    ).toBe('<&>'.repeat(3000));
  });
});

describe('dialog input', () => {
  const zone = 'Europe/Moscow';
  const today = DateTime.now().setZone(zone).startOf('day');

  it('reads times and time ranges', () => {
    expect(parseTime('8:30')).toBe('08:30');
    expect(parseTime('08.05')).toBe('08:05');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('завтра')).toBeNull();
    expect(parseTimeRange('23:00-08:00')).toEqual({ start: '23:00', end: '08:00' });
    expect(parseTimeRange('22:30 до 7:15')).toEqual({ start: '22:30', end: '07:15' });
    expect(parseTimeRange('23:00')).toBeNull();
    expect(meansNone('Нет')).toBe(true);
    expect(meansNone('none')).toBe(true);
    expect(meansNone('нетфликс')).toBe(false);
  });

  it('reads dates in ISO, day.month and Russian or English words', () => {
    expect(parseDate('2027-03-01', zone)).toBe('2027-03-01');
    expect(parseDate('31.12.2027', zone)).toBe('2027-12-31');
    expect(parseDate('завтра', zone)).toBe(today.plus({ days: 1 }).toISODate());
    expect(parseDate('tomorrow', zone)).toBe(today.plus({ days: 1 }).toISODate());
    const yesterday = today.minus({ days: 1 });
    // A day and month already past this year mean next year's.
    expect(parseDate(yesterday.toFormat('dd.MM'), zone)).toBe(
      yesterday.plus({ years: 1 }).toISODate(),
    );
    expect(parseDate('31.02', zone)).toBeNull();
    expect(parseDate('абракадабра', zone)).toBeNull();
  });

  it('reads a saved state defensively', () => {
    expect(readClientState(null)).toEqual({});
    expect(readClientState({ dialog: { kind: 'goalTitle', goalId: ID } })).toEqual({
      dialog: { kind: 'goalTitle', goalId: ID },
    });
    expect(readClientState({ dialog: { kind: 'goalTitle' } })).toEqual({});
    expect(readClientState({ dialog: { kind: 'dailyTime', field: 'dg' } })).toEqual({
      dialog: { kind: 'dailyTime', field: 'dg' },
    });
    expect(readClientState({ dialog: { kind: 'noSuchDialog' } })).toEqual({});
    expect(readClientState({ dialog: { kind: 'dailyTime', field: 'zz' } })).toEqual({});
    expect(readClientState({ quickReplies: ['да', 1] })).toEqual({});
  });
});

describe('times as people write them', () => {
  it.each([
    ['в 16:30', '16:30'],
    ['4:30pm', '16:30'],
    ['4 pm', '16:00'],
    ['12am', '00:00'],
    ['16.30', '16:30'],
    ['7', '07:00'],
    ['16ч', '16:00'],
    ['at 9:15', '09:15'],
  ])('%s → %s', (text, time) => expect(parseTime(text)).toBe(time));

  it.each(['13pm', '25', 'в семь', '7:60'])('%s is not a time', (text) =>
    expect(parseTime(text)).toBeNull(),
  );

  it('reads quiet hours in common forms', () => {
    expect(parseTimeRange('23-7')).toEqual({ start: '23:00', end: '07:00' });
    expect(parseTimeRange('с 22 до 8')).toEqual({ start: '22:00', end: '08:00' });
    expect(parseTimeRange('10pm to 7am')).toEqual({ start: '22:00', end: '07:00' });
  });
});
