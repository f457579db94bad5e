import { performance } from 'node:perf_hooks';
import { busyRowsOf } from '../src/services/calendar-sync/busy-expansion.js';
import { parseIcsEvents } from '../src/services/calendar-sync/ics/ics-parser.js';

/**
 * A 2,000-event ICS (one in ten weekly, with an EXDATE; zones Berlin/New York/UTC) parsed by
 * the ICS provider's parser and expanded into busy time over the sync window (120 days).
 * Usage: npm run build && node dist/bench/ics-busy.bench.js
 */
const EVENTS = 2_000;
const zones = ['Europe/Berlin', 'America/New_York', 'UTC'];
const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//EN'];
for (let index = 0; index < EVENTS; index += 1) {
  const day = new Date(Date.UTC(2027, 0, 1) + (index % 120) * 86_400_000);
  const date = day.toISOString().slice(0, 10).replace(/-/g, '');
  const zone = zones[index % zones.length]!;
  const hour = String(8 + (index % 9)).padStart(2, '0');
  const tz = zone === 'UTC' ? ':' : `;TZID=${zone}:`;
  lines.push(
    'BEGIN:VEVENT',
    `UID:event-${index}@bench`,
    'DTSTAMP:20270101T000000Z',
    `DTSTART${tz}${date}T${hour}0000${zone === 'UTC' ? 'Z' : ''}`,
    `DTEND${tz}${date}T${hour}4500${zone === 'UTC' ? 'Z' : ''}`,
    `SUMMARY:Meeting ${index}`,
    ...(index % 10 === 0 ? ['RRULE:FREQ=WEEKLY;COUNT=20'] : []),
    'END:VEVENT',
  );
}
lines.push('END:VCALENDAR');
const text = lines.join('\r\n');

const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const events = parseIcsEvents(text);
const parsed = performance.now();
const from = new Date(Date.UTC(2027, 0, 1));
const to = new Date(from.getTime() + 120 * 86_400_000);
const rows = events.flatMap((event) => busyRowsOf(event, from, to, 'Europe/Moscow'));
const done = performance.now();
const heapAfter = process.memoryUsage().heapUsed;
console.log(
  `ICS ${(text.length / 1024).toFixed(0)} KiB, ${events.length} events → ${rows.length} busy intervals: ` +
    `parse ${(parsed - started).toFixed(0)} ms, expand ${(done - parsed).toFixed(0)} ms, ` +
    `total ${(done - started).toFixed(0)} ms, heap +${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB, ` +
    `rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`,
);
