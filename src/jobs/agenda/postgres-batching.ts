import type { JobParameters, JobRepository } from 'agenda';
import type pg from 'pg';
import type { LockMany, RenewLocks } from './agenda-locks.js';
import { Batcher } from './batcher.js';

/**
 * Batched versions of the statements Agenda's PostgreSQL backend sends for every job (its
 * SQL, for many rows at once). A statement costs about as much in round trips and syscalls
 * as in work, so at hundreds of jobs a second these dominated the worker's CPU.
 */

/** Agenda's locking query (getNextJobToRun), for up to `limit` jobs. */
export function lockManyOn(repository: JobRepository, pool: pg.Pool, table: string): LockMany {
  const toJob = rowMapping(repository);
  return async (limit, name, nextScanAt, lockDeadline, now, options) => {
    const { rows } = await pool.query(
      `UPDATE "${table}" SET locked_at = $1, last_modified_by = $5
        WHERE id IN (
          SELECT id FROM "${table}"
           WHERE name = $2 AND disabled = FALSE
             AND ((locked_at IS NULL AND next_run_at <= $3) OR locked_at <= $4)
           ORDER BY next_run_at ASC NULLS LAST, priority DESC
           LIMIT $6
             FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [now ?? new Date(), name, nextScanAt, lockDeadline, options?.lastModifiedBy ?? null, limit],
    );
    return rows.map(toJob);
  };
}

/** The heartbeat's renewal of this worker's locks (agenda-locks.ts), one UPDATE for all. */
export function renewLocksOn(pool: pg.Pool, table: string): RenewLocks {
  return async (ids, owner, at) => {
    const { rows } = await pool.query<{ id: string }>(
      `UPDATE "${table}" SET locked_at = $1
        WHERE id = ANY($2::uuid[]) AND locked_at IS NOT NULL AND last_modified_by = $3
        RETURNING id`,
      [at, ids, owner],
    );
    return new Set(rows.map((row) => row.id));
  };
}

/** Agenda's run-state saves (a job starts, a job ends) that come together go in one UPDATE. */
export function saveStatesInBatches(repository: JobRepository, pool: pg.Pool, table: string) {
  type Save = Parameters<JobRepository['saveJobState']>;
  const saves = new Batcher<Save, boolean>(async (batch) => {
    const jobs = batch.map(([job]) => job);
    const column = <T>(value: (job: JobParameters) => T) => jobs.map(value);
    const { rows } = await pool.query<{ id: string }>(
      `UPDATE "${table}" j
          SET locked_at = s.locked_at, next_run_at = s.next_run_at, last_run_at = s.last_run_at,
              progress = s.progress, fail_reason = s.fail_reason, fail_count = s.fail_count,
              failed_at = s.failed_at, last_finished_at = s.last_finished_at,
              last_modified_by = s.last_modified_by
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[],
                     $5::timestamptz[], $6::real[], $7::text[], $8::int[], $9::timestamptz[],
                     $10::timestamptz[], $11::text[])
              AS s(id, name, locked_at, next_run_at, last_run_at, progress, fail_reason,
                   fail_count, failed_at, last_finished_at, last_modified_by)
        WHERE j.id = s.id AND j.name = s.name
        RETURNING j.id`,
      [
        column((job) => String(job._id)),
        column((job) => job.name),
        column((job) => job.lockedAt ?? null),
        column((job) => job.nextRunAt ?? null),
        column((job) => job.lastRunAt ?? null),
        column((job) => job.progress ?? null),
        column((job) => job.failReason ?? null),
        column((job) => job.failCount ?? null),
        column((job) => job.failedAt ?? null),
        column((job) => job.lastFinishedAt ?? null),
        batch.map(([, options]) => options?.lastModifiedBy ?? null),
      ],
    );
    const saved = new Set(rows.map((row) => row.id));
    return jobs.map((job) => saved.has(String(job._id)));
  });
  repository.saveJobState = async (...save) => {
    const [job] = save;
    if (!job._id) throw new Error('Cannot save job state without job ID');
    if (!(await saves.add(save))) {
      // As Agenda's own: the job was removed (cancelled) while it ran.
      throw new Error(`job ${job._id} (name: ${job.name}) cannot be updated: it does not exist`);
    }
  };
}

/** The backend's own (private) row-to-job mapping. */
function rowMapping(repository: JobRepository): (row: unknown) => JobParameters {
  const { rowToJob } = repository as unknown as { rowToJob?(row: unknown): JobParameters };
  if (typeof rowToJob !== 'function') {
    throw new Error('@agendajs/postgres-backend internals changed: rowToJob not found');
  }
  return (row) => rowToJob.call(repository, row);
}
