import { In, type DataSource, type EntityManager } from 'typeorm';
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
import { eventFieldsOf, minutesBetween, sameAsOurs } from './own-change-fields.js';
import type { ExternalEvent } from './provider.js';

/** What applies a provider's change to maxOn's own items (the services: reminders follow). */
export interface OwnChangeTargets {
  events: Pick<EventService, 'updateManyIn' | 'deleteManyIn' | 'announce'>;
  steps: Pick<StepService, 'update'>;
}

interface Mapped {
  mapping: CalendarMapping;
  local: LocalItem;
  change: ExternalEvent;
}

/**
 * Changes made in the provider to events maxOn wrote there (found through the mapping
 * table), applied back to maxOn: moved, renamed, a series' rule or one of its occurrences
 * changed (→ the event's exceptions) → the event or planned step follows; deleted → the
 * event is deleted, the step unplanned. Conflict rule: an edit made in maxOn that is not
 * pushed yet (its content differs from what was last pushed) wins — it is left alone here
 * and the push that follows writes it over the provider's copy (re-creating a deleted one).
 * Our own writes coming back change nothing (same content).
 *
 * Batched: the mappings and our items are read with one query each, and every event change
 * is written with its mapping in one transaction (a retry after a crash finds either both
 * or neither); reminders are re-planned after the commit.
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
  const mappings = await db.getRepository(CalendarMapping).find({
    where: {
      connectionId: connection.id,
      calendarId,
      remoteId: In(changes.map((change) => change.remoteId)),
    },
  });
  const locals = await localItemsOf(db, user, mappings);
  const byRemote = new Map(mappings.map((mapping) => [mapping.remoteId, mapping]));
  const pending: Mapped[] = [];
  for (const change of changes) {
    const mapping = byRemote.get(change.remoteId);
    const local = mapping && locals.get(`${mapping.localKind}:${mapping.localId}`);
    // Gone here, or changed here since our last push: ours wins (see above).
    if (!mapping || !local || contentHash(local.event) !== mapping.pushedHash) continue;
    pending.push({ mapping, local, change });
  }
  const isEvent = (item: Mapped) => item.mapping.localKind === CalendarLocalKind.EVENT;
  await applyToSteps(
    db,
    targets,
    user,
    pending.filter((item) => !isEvent(item)),
  );
  const changed = await db.transaction((manager) =>
    applyToEvents(manager, targets, user, pending.filter(isEvent)),
  );
  await targets.events.announce(changed);
}

/** Our events and planned steps behind `mappings`, by "kind:id" (one query per kind). */
async function localItemsOf(
  db: DataSource,
  user: User,
  mappings: CalendarMapping[],
): Promise<Map<string, LocalItem>> {
  const ids = (kind: CalendarLocalKind) =>
    mappings.filter((mapping) => mapping.localKind === kind).map((mapping) => mapping.localId);
  const eventIds = ids(CalendarLocalKind.EVENT);
  const stepIds = ids(CalendarLocalKind.STEP);
  const events = eventIds.length
    ? await db.getRepository(Event).findBy({ id: In(eventIds), userId: user.id })
    : [];
  const steps = stepIds.length ? await db.getRepository(Step).findBy({ id: In(stepIds) }) : [];
  const items = [
    ...events.map(eventItem),
    ...steps.filter((step) => step.plannedStart).map((step) => stepItem(step, user)),
  ];
  return new Map(items.map((item) => [`${item.kind}:${item.event.maxonId}`, item]));
}

/** Event changes and their mappings in the caller's transaction; the ids that changed. */
async function applyToEvents(
  manager: EntityManager,
  targets: OwnChangeTargets,
  user: User,
  items: Mapped[],
): Promise<string[]> {
  const deleted = items.filter((item) => item.change.deleted);
  const updates = items.flatMap((item) => {
    if (item.change.deleted) return [];
    const input = eventFieldsOf(item.local.event, item.change);
    // A change maxOn cannot take (an unsupported rule…): ours stays as it is.
    if (!input || sameAsOurs(item.local.event, item.change, input)) return [];
    return [{ id: item.mapping.localId, input, item }];
  });
  const { saved } = await targets.events.updateManyIn(manager, user, updates);
  const deletedIds = deleted.map((item) => item.mapping.localId);
  await targets.events.deleteManyIn(manager, user, deletedIds);
  if (deleted.length > 0) {
    await manager.delete(CalendarMapping, { id: In(deleted.map((item) => item.mapping.id)) });
  }
  const byLocal = new Map(updates.map(({ id, item }) => [id, item]));
  await updateMappings(
    manager,
    saved.map((event) => ({
      id: byLocal.get(event.id)!.mapping.id,
      hash: contentHash(eventItem(event).event),
      etag: byLocal.get(event.id)!.change.etag,
    })),
  );
  return [...saved.map((event) => event.id), ...deletedIds];
}

/** Many mappings' pushed hash and etag in one statement. */
async function updateMappings(
  manager: EntityManager,
  rows: Array<{ id: string; hash: string; etag: string | null }>,
): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `UPDATE calendar_mappings AS m SET pushed_hash = u.hash, etag = u.etag
     FROM unnest($1::uuid[], $2::varchar[], $3::varchar[]) AS u(id, hash, etag)
     WHERE m.id = u.id`,
    [rows.map((row) => row.id), rows.map((row) => row.hash), rows.map((row) => row.etag)],
  );
}

/**
 * Planned steps one by one through StepService (what a step change drags along — its
 * goal's progress — stays there); a user rarely has many planned steps changed at once.
 */
async function applyToSteps(
  db: DataSource,
  targets: OwnChangeTargets,
  user: User,
  items: Mapped[],
): Promise<void> {
  const repository = db.getRepository(CalendarMapping);
  for (const { mapping, local, change } of items) {
    if (change.deleted) {
      await targets.steps.update(user, mapping.localId, { plannedStart: null });
      await repository.delete({ id: mapping.id });
      continue;
    }
    const title = change.title.trim() || local.event.title;
    if (
      title === local.event.title &&
      change.start.getTime() === local.event.start.getTime() &&
      change.end.getTime() === local.event.end.getTime()
    ) {
      continue;
    }
    let step: Step;
    try {
      step = await targets.steps.update(user, mapping.localId, {
        title,
        plannedStart: change.start,
        plannedDurationMinutes: minutesBetween(change.start, change.end),
      });
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw error;
    }
    await repository.update(
      { id: mapping.id },
      { pushedHash: contentHash(stepItem(step, user).event), etag: change.etag },
    );
  }
}
