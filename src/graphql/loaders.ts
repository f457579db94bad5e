import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { queryEntities } from '../db/entity-rows.js';
import { Event, Goal, Step } from '../entities/index.js';

function groupBy<T>(rows: T[], keyOf: (row: T) => string | null, keys: readonly string[]) {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) groups.get(key)?.push(row);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

function byId<T extends { id: string }>(rows: T[], keys: readonly string[]) {
  const found = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => found.get(key) ?? null);
}

/**
 * Batch loaders for one request (never shared between requests, so no user sees another's
 * cache). Each loader answers a whole page of parents with one query, in key order.
 * Loaders only follow relations from parents the caller already owns; `userId` scoping on
 * the id loaders is a second fence.
 */
export function createLoaders(db: DataSource, userId: string | null) {
  const owner = userId ?? '00000000-0000-0000-0000-000000000000';
  return {
    stepsByGoalIdLoader: new DataLoader<string, Step[]>(async (goalIds) =>
      groupBy(
        await queryEntities(
          db,
          Step,
          'SELECT * FROM steps WHERE goal_id = ANY($1::uuid[]) ORDER BY position, created_at',
          [goalIds],
        ),
        (step) => step.goalId,
        goalIds,
      ),
    ),
    eventsByStepIdLoader: new DataLoader<string, Event[]>(async (stepIds) =>
      groupBy(
        await db.getRepository(Event).find({
          where: { stepId: In([...stepIds]), userId: owner },
          order: { startsAt: 'ASC' },
        }),
        (event) => event.stepId,
        stepIds,
      ),
    ),
    goalByIdLoader: new DataLoader<string, Goal | null>(async (goalIds) =>
      byId(
        await db.getRepository(Goal).find({ where: { id: In([...goalIds]), userId: owner } }),
        goalIds,
      ),
    ),
    stepByIdLoader: new DataLoader<string, Step | null>(async (stepIds) =>
      byId(
        await db.getRepository(Step).find({
          where: { id: In([...stepIds]), goal: { userId: owner } },
        }),
        stepIds,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
