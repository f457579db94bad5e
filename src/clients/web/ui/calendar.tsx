import { useEffect, useState } from 'preact/hooks';
import {
  MeDocument,
  WebCalendarDocument,
  type WebCalendarQuery,
} from '../../shared/gql/graphql.js';
import { gql } from './api.js';
import { useChanges } from './live.js';
import { addDays, calendarTitle, dayKey, dayTitle, mondayOf, timeIn } from './dates.js';
import type { WebTexts } from './web.texts.js';

type Occurrence = WebCalendarQuery['events'][number];
type Busy = WebCalendarQuery['externalBusy'][number];
type View = 'week' | 'month';

/** The days a view shows: a week from Monday, or the whole weeks covering a month. */
function daysOf(view: View, anchor: string): string[] {
  if (view === 'week') return Array.from({ length: 7 }, (_, i) => addDays(mondayOf(anchor), i));
  const first = mondayOf(`${anchor.slice(0, 7)}-01`);
  return Array.from({ length: 42 }, (_, i) => addDays(first, i));
}

/**
 * The calendar grid: events and planned steps (kind STEP) by day, in the user's timezone,
 * a week or a month at a time; live: it reloads when something of the user's changes.
 */
export function Calendar({ t }: { t: WebTexts }) {
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [locale, setLocale] = useState('ru');
  const [view, setView] = useState<View>('week');
  const [anchor, setAnchor] = useState<string | null>(null);
  const [occurrences, setOccurrences] = useState<Occurrence[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState<Busy[]>([]);
  const changes = useChanges();

  useEffect(() => {
    void gql(MeDocument, {}).then(({ me }) => {
      setTimeZone(me.settings.timezone);
      setLocale(me.settings.language === 'EN' ? 'en' : 'ru');
      setAnchor(dayKey(new Date(), me.settings.timezone));
    });
  }, []);

  const days = anchor ? daysOf(view, anchor) : [];
  useEffect(() => {
    if (!days.length) return;
    // A day either side: the grid's days are the user's, the query's bounds are UTC.
    const from = new Date(`${addDays(days[0]!, -1)}T00:00:00Z`).toISOString();
    const to = new Date(`${addDays(days[days.length - 1]!, 2)}T00:00:00Z`).toISOString();
    setLoading(true);
    void gql(WebCalendarDocument, { from, to }).then(({ events, externalBusy }) => {
      setOccurrences(events);
      setBusy(externalBusy);
      setLoading(false);
    });
    // Reloaded in place when something changed (no blank grid in between).
  }, [view, anchor, changes]);

  if (!timeZone || !anchor) return <section class="calendar" />;
  const byDay = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences ?? []) {
    const day = dayKey(new Date(occurrence.start), timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), occurrence]);
  }
  // Busy time from the user's other calendars, on the day it starts.
  const busyByDay = new Map<string, Busy[]>();
  for (const interval of busy) {
    const day = dayKey(new Date(interval.startsAt), timeZone);
    busyByDay.set(day, [...(busyByDay.get(day) ?? []), interval]);
  }
  const today = dayKey(new Date(), timeZone);
  const month = anchor.slice(0, 7);
  const step = (direction: number) =>
    setAnchor(
      view === 'week'
        ? addDays(anchor, 7 * direction)
        : `${addDays(`${month}-15`, 30 * direction).slice(0, 7)}-01`,
    );

  return (
    <section class="calendar" data-testid="calendar" aria-busy={loading}>
      <header class="calendar-bar">
        <button onClick={() => step(-1)}>◀</button>
        <button onClick={() => setAnchor(today)}>{t.today}</button>
        <button onClick={() => step(1)}>▶</button>
        <span class="calendar-title">{calendarTitle(days, month, locale, t.week)}</span>
        <button class={view === 'week' ? 'active' : ''} onClick={() => setView('week')}>
          {t.week}
        </button>
        <button class={view === 'month' ? 'active' : ''} onClick={() => setView('month')}>
          {t.month}
        </button>
      </header>
      <div class={`grid ${view}`}>
        {days.map((day) => {
          const items = (byDay.get(day) ?? []).sort((a, b) => a.start.localeCompare(b.start));
          const outside = view === 'month' && !day.startsWith(month);
          return (
            <div
              key={day}
              class={`day${day === today ? ' today' : ''}${outside ? ' outside' : ''}`}
              data-day={day}
            >
              <div class="day-title">{dayTitle(day, locale, view === 'week')}</div>
              {items.map((item) => (
                <div
                  key={`${item.event.id}@${item.start}`}
                  class={`event kind-${item.event.kind.toLowerCase()}`}
                  data-testid="calendar-event"
                >
                  {!item.event.allDay && (
                    <span class="time">{timeIn(new Date(item.start), timeZone, locale)}</span>
                  )}
                  <span class="title">{item.event.title}</span>
                  {item.event.kind === 'STEP' && <span class="tag">{t.step}</span>}
                  {item.event.kind === 'DEADLINE' && <span class="tag">{t.deadline}</span>}
                </div>
              ))}
              {(busyByDay.get(day) ?? []).map((interval) => (
                <div key={interval.id} class="event busy" data-testid="calendar-busy">
                  <span class="time">
                    {timeIn(new Date(interval.startsAt), timeZone, locale)}–
                    {timeIn(new Date(interval.endsAt), timeZone, locale)}
                  </span>
                  <span class="title">{interval.title ?? t.busy}</span>
                </div>
              ))}
              {view === 'week' && occurrences && items.length === 0 && !busyByDay.has(day) && (
                <div class="empty">{t.noEvents}</div>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
