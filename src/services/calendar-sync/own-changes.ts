import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import {
  CalendarLocalKind,
  CalendarMapping,
  Event,
  Step,
  type CalendarConnection,
  type User,
} from '../../entities/index.js';
import { DomainError } from '../../errors/domain-error.js';
import type { EventService } from '../event.service.js';
import type { StepService } from '../step.service.js';
import { contentHash, eventItem, stepItem, type LocalItem } from './calendar-push.js';
import type { ExternalEvent, OutgoingEvent } from './provider.js';

/** What applies a provider's change to maxOn's own items (the services: reminders follow). */
export interface OwnChangeTargets {
  events: Pick<EventService, 'update' | 'delete'>;
  steps: Pick<StepService, 'update'>;
}

/**
 * Changes made in the provider to events maxOn wrote there (found through the mapping
 * table), applied back to maxOn: moved or renamed → the event or planned step moves; deleted
 * → the event is deleted, the step unplanned. Conflict rule: an edit made in maxOn that is
 * not pushed yet (its content differs from what was last pushed) wins — it is left alone
 * here and the push that follows writes it over the provider's copy (re-creating a deleted
 * one). Our own writes coming back change nothing (same content).
 */
export async function applyOwnChanges(
  db: DataSource,
  targets: OwnChangeTargets,
  connection: CalendarConnection,
  user: User,
  calendarId: string,
  changes: ExternalEvent[],
): Promise<void> {
  if (changes.length === 0) return;
  const repository = db.getRepository(CalendarMapping);
  const mappings = await repository.find({ where: { connectionId: connection.id, calendarId } });
  const byRemote = new Map(mappings.map((mapping) => [mapping.remoteId, mapping]));
  for (const change of changes) {
    const mapping = byRemote.get(change.remoteId);
    if (!mapping) continue;
    const local = await localItemOf(db, user, mapping);
    if (!local || contentHash(local.event) !== mapping.pushedHash) continue;
    if (change.deleted) {
      await removeLocal(targets, user, mapping);
      await repository.delete({ id: mapping.id });
      continue;
    }
    if (sameTime(local.event, change)) continue;
    let moved: LocalItem;
    try {
      moved = await moveLocal(db, targets, user, mapping, local, change);
    } catch (error) {
      // A change maxOn cannot take (an event longer than two weeks…): ours stays as it is.
      if (error instanceof DomainError) continue;
      throw error;
    }
    await repository.update(
      { id: mapping.id },
      { pushedHash: contentHash(moved.event), etag: change.etag },
    );
  }
}

async function localItemOf(
  db: DataSource,
  user: User,
  mapping: CalendarMapping,
): Promise<LocalItem | null> {
  if (mapping.localKind === CalendarLocalKind.EVENT) {
    const event = await db.getRepository(Event).findOneBy({ id: mapping.localId });
    return event && eventItem(event);
  }
  const step = await db.getRepository(Step).findOneBy({ id: mapping.localId });
  return step?.plannedStart ? stepItem(step, user) : null;
}

async function removeLocal(
  targets: OwnChangeTargets,
  user: User,
  mapping: CalendarMapping,
): Promise<void> {
  if (mapping.localKind === CalendarLocalKind.EVENT) {
    await targets.events.delete(user, mapping.localId);
  } else {
    await targets.steps.update(user, mapping.localId, { plannedStart: null });
  }
}

async function moveLocal(
  db: DataSource,
  targets: OwnChangeTargets,
  user: User,
  mapping: CalendarMapping,
  local: LocalItem,
  change: ExternalEvent,
): Promise<LocalItem> {
  const title = change.title.trim() || local.event.title;
  if (mapping.localKind === CalendarLocalKind.STEP) {
    const step = await targets.steps.update(user, mapping.localId, {
      title,
      plannedStart: change.start,
      plannedDurationMinutes: minutesBetween(change.start, change.end),
    });
    return stepItem(step, user);
  }
  // An all-day event comes as UTC dates: the same dates at midnight in the event's zone.
  const start = change.allDay
    ? DateTime.fromISO(utcDate(change.start), { zone: local.event.timeZone }).toJSDate()
    : change.start;
  await targets.events.update(user, mapping.localId, {
    title,
    allDay: change.allDay,
    start,
    durationMinutes: minutesBetween(change.start, change.end),
  });
  return eventItem(await db.getRepository(Event).findOneByOrFail({ id: mapping.localId }));
}

const minutesBetween = (start: Date, end: Date) =>
  Math.max(1, Math.round((end.getTime() - start.getTime()) / 60_000));

const utcDate = (instant: Date) => instant.toISOString().slice(0, 10);

/** Same title and time (all-day compared by dates, ours in the event's zone). */
function sameTime(ours: OutgoingEvent, theirs: ExternalEvent): boolean {
  const title = theirs.title.trim() || ours.title;
  if (ours.title !== title || ours.allDay !== theirs.allDay) return false;
  if (!ours.allDay) {
    return (
      ours.start.getTime() === theirs.start.getTime() && ours.end.getTime() === theirs.end.getTime()
    );
  }
  const local = (instant: Date) =>
    DateTime.fromJSDate(instant, { zone: ours.timeZone }).toISODate();
  return local(ours.start) === utcDate(theirs.start) && local(ours.end) === utcDate(theirs.end);
}
