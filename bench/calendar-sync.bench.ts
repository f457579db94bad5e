/**
 * Calendar sync benchmark: one pass of the sync engine (src/services/calendar-sync) over a
 * calendar with 500 changes — 400 foreign events (one in ten weekly) turned into busy time,
 * and 100 of maxOn's own events moved there and applied back — then a pass with only those
 * 100 own events moved again (the part that used to go one by one), then a first pass that writes
 * 500 of the user's events to an empty calendar. The provider is in memory, so the figures
 * are the engine's own cost (PostgreSQL included), not a network's.
 *
 *   npm run bench:calendar-sync
 *
 * Settings (read here only; the bench is not app code):
 *   DATABASE_URL  admin connection; a fresh database maxon_bench_calsync_<timestamp> is made
 *                 next to it and dropped at the end (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import {
  CalendarConnectionKind,
  CalendarMapping,
  ExternalBusyInterval,
  User,
} from '../src/entities/index.js';
import { createLogger } from '../src/logger.js';
import { startApi, type App } from '../src/roles/start-api.js';
import type {
  CalendarProvider,
  ExternalEvent,
  OutgoingEvent,
} from '../src/services/calendar-sync/provider.js';
import { CalendarSyncEngine } from '../src/services/calendar-sync/sync-engine.js';

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const FOREIGN = 400;
const OWN = 100;
const PUSHED = 500;
const DAY_MS = 86_400_000;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** A calendar held in memory: what a pull answers is set by the bench. */
class MemoryCalendar implements CalendarProvider {
  changes: ExternalEvent[] = [];
  written = new Map<string, OutgoingEvent>();

  async listCalendars() {
    return [{ id: 'work', name: 'Work', readOnly: false }];
  }
  async pullChanges() {
    const changes = this.changes;
    this.changes = [];
    return { changes, cursor: `c${Date.now()}`, fullResync: false };
  }
  async pushEvent(_calendarId: string, event: OutgoingEvent) {
    this.written.set(event.maxonId, event);
    return { remoteId: `/work/${event.maxonId}.ics`, etag: `"${this.written.size}"` };
  }
  async deleteEvent() {}
}

const foreignEvent = (index: number, start: Date): ExternalEvent => ({
  remoteId: `/work/foreign-${index}.ics`,
  title: `Meeting ${index}`,
  start,
  end: new Date(start.getTime() + 45 * 60_000),
  allDay: false,
  recurrence: index % 10 === 0 ? 'FREQ=WEEKLY;COUNT=12' : null,
  exceptions: [],
  timeZone: 'Europe/Berlin',
  maxonId: null,
  etag: `"f${index}"`,
  deleted: false,
});

async function seedUser(app: App, events: number, base: Date): Promise<User> {
  const [user] = await app.db.query(
    `INSERT INTO users (display_name) VALUES ('bench') RETURNING id`,
  );
  for (let index = 0; index < events; index += 1) {
    const start = new Date(base.getTime() + (index % 60) * DAY_MS + (index % 8) * 3_600_000);
    await app.db.query(
      `INSERT INTO events (user_id, title, starts_at, timezone, duration_minutes)
       VALUES ($1, $2, $3, 'Europe/Berlin', 60)`,
      [user.id, `Ours ${index}`, start],
    );
  }
  return app.db.getRepository(User).findOneByOrFail({ id: user.id });
}

/** A CalDAV connection of `user` writing to the memory calendar (`busy`: its busy calendars). */
async function writingTo(app: App, user: User, busy: string[]) {
  const connections = app.deps.services.calendarConnections;
  const connection = await connections.create(user, {
    kind: CalendarConnectionKind.CALDAV,
    name: 'Work',
    url: 'https://caldav.example.com/',
    credentials: { username: 'u', password: 'p' },
  });
  return connections.chooseCalendars(user, connection.id, {
    busyCalendarIds: busy,
    writeCalendarId: 'work',
  });
}

async function main(): Promise<void> {
  const dbName = `maxon_bench_calsync_${Date.now()}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  await admin(`CREATE DATABASE "${dbName}"`);
  let app: App | undefined;
  try {
    const config = loadConfig({
      NODE_ENV: 'production',
      SECRETS_KEY: `k1:${randomBytes(32).toString('base64')}`,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: dbUrl.toString(),
      SERVICE_API_KEY: randomBytes(24).toString('hex'),
      PLAYGROUND_ENABLED: 'false',
      WORKER_ENABLED: 'false',
    });
    app = await startApi(config, createLogger(config.LOG_LEVEL));
    const { services } = app.deps;
    const calendar = new MemoryCalendar();
    const engine = new CalendarSyncEngine(
      app.db,
      services.calendarConnections,
      { [CalendarConnectionKind.CALDAV]: () => calendar },
      { events: services.events, steps: services.steps },
      { intervalMinutes: 15, busyDays: 120 },
      createLogger('silent'),
    );
    const now = new Date();
    const base = new Date(now.getTime() + DAY_MS);

    // A user whose 100 events were pushed before; the calendar then has 500 changes.
    const user = await seedUser(app, OWN, base);
    const connection = await writingTo(app, user, ['work']);
    await engine.sync(connection.id, now);
    const own = [...calendar.written.values()];
    calendar.changes = [
      ...Array.from({ length: FOREIGN }, (_, index) =>
        foreignEvent(index, new Date(base.getTime() + (index % 90) * DAY_MS + 7 * 3_600_000)),
      ),
      ...own.map((event, index) => ({
        ...foreignEvent(FOREIGN + index, new Date(event.start.getTime() + 2 * 3_600_000)),
        remoteId: `/work/${event.maxonId}.ics`,
        title: event.title,
        recurrence: null,
        maxonId: event.maxonId,
      })),
    ];
    const heapBefore = process.memoryUsage().heapUsed;
    let started = performance.now();
    await engine.sync(connection.id, now);
    const pullMs = performance.now() - started;
    const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
    const busyRows = await app.db
      .getRepository(ExternalBusyInterval)
      .countBy({ connectionId: connection.id });
    // A moved-back event's mapping carries the etag of the provider's change.
    const shifted = await app.db.query(
      `SELECT count(*)::int AS n FROM events e JOIN calendar_mappings m ON m.local_id = e.id
       WHERE e.user_id = $1 AND m.etag LIKE '"f%'`,
      [user.id],
    );
    console.log(
      `sync pass, ${FOREIGN + OWN} changes (${FOREIGN} foreign → ${busyRows} busy intervals, ` +
        `${shifted[0].n} own events moved back): ${pullMs.toFixed(0)} ms, heap +${heapMiB.toFixed(1)} MiB`,
    );

    // The own-event part alone: the 100 events moved once more (an hour later) over there.
    calendar.changes = [...calendar.written.values()].map((event, index) => ({
      ...foreignEvent(FOREIGN + index, new Date(event.start.getTime() + 3_600_000)),
      remoteId: `/work/${event.maxonId}.ics`,
      title: event.title,
      recurrence: null,
      maxonId: event.maxonId,
      etag: `"g${index}"`,
    }));
    started = performance.now();
    await engine.sync(connection.id, now);
    const ownMs = performance.now() - started;
    const movedAgain = await app.db.query(
      `SELECT count(*)::int AS n FROM calendar_mappings WHERE connection_id = $1 AND etag LIKE '"g%'`,
      [connection.id],
    );
    console.log(
      `sync pass, ${OWN} own events moved there (${movedAgain[0].n} applied back): ${ownMs.toFixed(0)} ms`,
    );

    // A first pass writing 500 events to an empty calendar.
    const writer = await seedUser(app, PUSHED, base);
    const second = await writingTo(app, writer, []);
    started = performance.now();
    await engine.sync(second.id, now);
    const pushMs = performance.now() - started;
    const mappings = await app.db
      .getRepository(CalendarMapping)
      .countBy({ connectionId: second.id });
    started = performance.now();
    await engine.sync(second.id, now);
    const idleMs = performance.now() - started;
    console.log(
      `first push of ${PUSHED} events: ${pushMs.toFixed(0)} ms (${mappings} mappings); ` +
        `the next pass with nothing changed: ${idleMs.toFixed(0)} ms; ` +
        `rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`,
    );
  } finally {
    await app?.stop();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

await main();
