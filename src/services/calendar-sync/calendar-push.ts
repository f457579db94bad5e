import { createHash } from 'node:crypto';
import { IsNull, MoreThan, Not, type DataSource } from 'typeorm';
import {
  CalendarLocalKind,
  CalendarMapping,
  Event,
  Step,
  type CalendarConnection,
  type User,
} from '../../entities/index.js';
import { CalendarProviderError, type CalendarProvider, type OutgoingEvent } from './provider.js';

export interface PushDeps {
  db: DataSource;
}

export interface LocalItem {
  kind: CalendarLocalKind;
  event: OutgoingEvent;
}

const DAY_MS = 86_400_000;
/** At most this many of our items are written per pass (the rest follow in later passes). */
const MAX_PUSHES_PER_PASS = 500;

/** Hash of what we would write: an unchanged item is not written again (idempotent). */
export const contentHash = (event: OutgoingEvent): string =>
  createHash('sha256').update(JSON.stringify(event)).digest('hex');

/** An event as maxOn writes it to a provider. */
export const eventItem = (event: Event): LocalItem => ({
  kind: CalendarLocalKind.EVENT,
  event: {
    maxonId: event.id,
    title: event.title,
    start: event.startsAt,
    end: new Date(event.startsAt.getTime() + event.durationMinutes * 60_000),
    allDay: event.allDay,
    recurrence: event.recurrence,
    // Only when there are some: the hash of every other event stays what it was. In a fixed
    // key order (jsonb reorders keys), so the hash does not depend on where it was read.
    ...(event.recurrence && event.exceptions?.length
      ? {
          exceptions: event.exceptions.map(({ originalStart, start }) => ({
            originalStart,
            start,
          })),
        }
      : {}),
    timeZone: event.timezone,
    description: event.notes,
  },
});

/** A planned step (placed, not yet an event) as maxOn writes it to a provider. */
export const stepItem = (step: Step, user: User): LocalItem => ({
  kind: CalendarLocalKind.STEP,
  event: {
    maxonId: step.id,
    title: step.title,
    start: step.plannedStart!,
    end: new Date(
      step.plannedStart!.getTime() +
        (step.plannedDurationMinutes ?? step.estimatedMinutes ?? 30) * 60_000,
    ),
    allDay: false,
    recurrence: null,
    timeZone: user.settings.timezone,
    description: step.ifThenCue,
  },
});

/** The user's events (from yesterday on, and recurring ones) and planned steps not yet placed as events. */
export async function localItems(db: DataSource, user: User, now: Date): Promise<LocalItem[]> {
  const since = new Date(now.getTime() - DAY_MS);
  const events = await db.getRepository(Event).find({
    where: [
      { userId: user.id, startsAt: MoreThan(since) },
      { userId: user.id, recurrence: Not(IsNull()) },
    ],
    order: { startsAt: 'ASC' },
  });
  const items: LocalItem[] = events.map(eventItem);
  const placed = new Set(events.map((event) => event.stepId));
  const steps = await db.getRepository(Step).find({
    where: { goal: { userId: user.id }, plannedStart: MoreThan(since) },
  });
  for (const step of steps) {
    if (placed.has(step.id) || !step.plannedStart) continue;
    items.push(stepItem(step, user));
  }
  return items;
}

/**
 * Writes our events and planned steps to the connection's write calendar: creates what has
 * no mapping, updates what changed since the last push, deletes what we deleted. The
 * mapping row is written right after each provider call, so a retry or a restart updates
 * instead of duplicating. Conflict rule: a 409/412 (the provider's copy changed since our
 * last write) leaves the provider's version; the next pull brings it here.
 */
export async function pushLocalChanges(
  deps: PushDeps,
  provider: CalendarProvider,
  connection: CalendarConnection,
  user: User,
  now: Date,
): Promise<void> {
  const calendarId = connection.writeCalendarId!;
  const repository = deps.db.getRepository(CalendarMapping);
  const mappings = await repository.find({ where: { connectionId: connection.id, calendarId } });
  const byLocal = new Map(
    mappings.map((mapping) => [`${mapping.localKind}:${mapping.localId}`, mapping]),
  );
  const items = await localItems(deps.db, user, now);
  const present = new Set(items.map((item) => `${item.kind}:${item.event.maxonId}`));
  let pushes = 0;
  for (const item of items) {
    const mapping = byLocal.get(`${item.kind}:${item.event.maxonId}`);
    const hash = contentHash(item.event);
    if (mapping?.pushedHash === hash) continue;
    if (pushes >= MAX_PUSHES_PER_PASS) break;
    pushes += 1;
    let result;
    try {
      result = await provider.pushEvent(calendarId, item.event, mapping?.remoteId ?? null);
    } catch (error) {
      if (!(error instanceof CalendarProviderError)) throw error;
      if (error.failure === 'conflict') continue;
      if (error.failure !== 'gone' || !mapping) throw error;
      // Deleted over there while we changed it here: ours is written again.
      result = await provider.pushEvent(calendarId, item.event, null);
    }
    await repository.upsert(
      {
        connectionId: connection.id,
        calendarId,
        localKind: item.kind,
        localId: item.event.maxonId,
        remoteId: result.remoteId,
        etag: result.etag,
        pushedHash: hash,
      },
      ['connectionId', 'localKind', 'localId'],
    );
  }
  // Items we deleted (or that are no longer planned): removed from the provider too. Items
  // that merely fell out of the window (past events) are left where they are.
  for (const mapping of mappings) {
    const key = `${mapping.localKind}:${mapping.localId}`;
    if (present.has(key) || (await stillExists(deps.db, mapping))) continue;
    await provider.deleteEvent(calendarId, mapping.remoteId);
    await repository.delete({ id: mapping.id });
  }
}

/**
 * The user chose another calendar to write to: our copies in the calendar written before are
 * deleted there and their mappings dropped (the push that follows creates them in the new
 * one), so nothing shows twice. Each mapping goes only after its delete succeeded: a failed
 * pass retries the rest.
 */
export async function retireOtherCalendars(
  deps: PushDeps,
  provider: CalendarProvider,
  connection: CalendarConnection,
): Promise<void> {
  const repository = deps.db.getRepository(CalendarMapping);
  const stale = await repository.find({
    where: { connectionId: connection.id, calendarId: Not(connection.writeCalendarId!) },
  });
  for (const mapping of stale) {
    await provider.deleteEvent(mapping.calendarId, mapping.remoteId);
    await repository.delete({ id: mapping.id });
  }
}

async function stillExists(db: DataSource, mapping: CalendarMapping): Promise<boolean> {
  if (mapping.localKind === CalendarLocalKind.EVENT) {
    return db.getRepository(Event).exists({ where: { id: mapping.localId } });
  }
  return db
    .getRepository(Step)
    .exists({ where: { id: mapping.localId, plannedStart: Not(IsNull()) } });
}
