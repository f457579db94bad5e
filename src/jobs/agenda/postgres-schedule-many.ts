import type pg from 'pg';

/** Jobs of one name to queue at once, each with its payload (holding its `key`) and time. */
export type InsertMany = (
  name: string,
  items: { key: string; data: object; at: Date }[],
) => Promise<void>;

/**
 * Queues many jobs of one name in one statement, with the semantics of Agenda's
 * `unique({ 'data.key' }, { insertOnly: true })` save plus our revive: a key already queued
 * is kept as it is, a key whose job has no next run (it failed) gets that run back, a new
 * key is inserted as Agenda would insert it (the table's defaults: priority 0, type normal,
 * enabled). One round trip instead of a lookup and an insert per job, for the day ends a
 * whole timezone queues together. Uses the key index (`<table>_key_idx`).
 */
export function insertManyOn(pool: pg.Pool, table: string): InsertMany {
  return async (name, items) => {
    const unique = [...new Map(items.map((item) => [item.key, item])).values()];
    if (unique.length === 0) return;
    await pool.query(
      `WITH v AS (
         SELECT * FROM unnest($2::text[], $3::jsonb[], $4::timestamptz[]) AS v(key, data, at)
       ), revived AS (
         UPDATE "${table}" AS j SET next_run_at = v.at, fail_count = 0, failed_at = NULL
           FROM v
          WHERE j.name = $1 AND j.data->>'key' = v.key
            AND j.next_run_at IS NULL AND j.locked_at IS NULL
       )
       INSERT INTO "${table}" (name, next_run_at, data)
       SELECT $1, v.at, v.data FROM v
        WHERE NOT EXISTS (SELECT 1 FROM "${table}" AS j WHERE j.name = $1 AND j.data->>'key' = v.key)`,
      [
        name,
        unique.map((item) => item.key),
        unique.map((item) => JSON.stringify(item.data)),
        unique.map((item) => item.at),
      ],
    );
  };
}
