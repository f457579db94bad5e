import { Agenda, type AgendaBackend, type JobId } from 'agenda';
import { MongoBackend, ObjectId } from '@agendajs/mongo-backend';
import { PostgresBackend } from '@agendajs/postgres-backend';
import { ListeningPool } from '../../db/listening-pool.js';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { JobQueue, ScheduledJob } from '../../services/job-queue.js';
import { decideAgendaDebugColorsOnce } from './agenda-debug.js';
import type { LockMany, RenewLocks } from './agenda-locks.js';
import { Batcher } from './batcher.js';
import { insertManyOn, type InsertMany } from './postgres-schedule-many.js';
import { lockManyOn, renewLocksOn, saveStatesInBatches } from './postgres-batching.js';

export interface AgendaSettings {
  databaseUrl: string;
  mongodbUrl?: string;
  table: string;
  processEveryMs: number;
  /**
   * How long a job's lock lasts without renewal: a dead worker's jobs wait this long for
   * another worker. A live worker renews its locks every third of it.
   */
  lockLifetimeMs: number;
  /** PostgreSQL pools: connection and statement timeouts (see createDataSource). */
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** The embedded PostgreSQL: one session serves all connections (no per-connection settings). */
  embedded?: boolean;
}

export interface AgendaQueue extends JobQueue {
  /** The Agenda that runs jobs: the worker defines its handlers on it and starts it. */
  readonly agenda: Agenda;
  readonly backend: 'mongodb' | 'postgresql';
  /** PostgreSQL: locks due jobs in batches (see agenda-locks.ts). */
  readonly lockMany?: LockMany;
  /** Renews this worker's locks (the heartbeat of agenda-locks.ts). */
  readonly renewLocks: RenewLocks;
  readonly lockLifetimeMs: number;
  /** Closes the queue's connections (the worker stops processing first). */
  close(): Promise<void>;
}

/**
 * Who holds a lock (the jobs' last_modified_by): unique per process start, as a pid is not
 * (a restarted container's worker is pid 1 again, and would renew its dead predecessor's locks).
 */
const OWNER = `maxon-${process.pid}-${randomUUID().slice(0, 8)}`;

function agendaOn(backend: AgendaBackend, settings: AgendaSettings): Agenda {
  decideAgendaDebugColorsOnce();
  return new Agenda({
    backend,
    name: OWNER,
    // A number: Agenda 6 mis-parses strings such as '500 milliseconds'.
    processEvery: settings.processEveryMs,
    removeOnComplete: true,
    defaultLockLifetime: settings.lockLifetimeMs,
  });
}

/**
 * Agenda on MongoDB when a URL is given (production), else on the main PostgreSQL
 * database. The same job code runs on both. Every process that schedules jobs opens one;
 * only workers start processing.
 */
export async function openAgendaQueue(settings: AgendaSettings): Promise<AgendaQueue> {
  if (settings.mongodbUrl) {
    const backend = new MongoBackend({ address: settings.mongodbUrl, collection: settings.table });
    const agenda = agendaOn(backend, settings);
    await agenda.ready;
    removeInBatches(agenda);
    return {
      ...queueOf(
        agenda,
        agenda,
        'mongodb',
        settings,
        () => backend.disconnect(),
        (...job) => reviveMongoJob(agenda, ...job),
      ),
      renewLocks: renewMongoLocks(agenda),
    };
  }

  const { table } = settings;
  const timeouts = {
    connectionTimeoutMillis: settings.connectTimeoutMs,
    query_timeout: settings.statementTimeoutMs,
    keepAlive: true,
  };
  const pool = new ListeningPool({ connectionString: settings.databaseUrl, max: 4, ...timeouts });
  // The worker's own bookkeeping (locking a job, marking it started and finished, removing
  // it) does not wait for the WAL to reach the disk: an fsync per statement, several per
  // job, capped the worker at a few hundred jobs a second. What a PostgreSQL crash may lose
  // of it is a fraction of a second of job state, so a job runs again, and the idempotency
  // keys make that harmless. Jobs are inserted through `pool`, which commits durably.
  const workPool = new ListeningPool({
    connectionString: settings.databaseUrl,
    max: 10,
    ...timeouts,
    ...(settings.embedded ? {} : { options: '-c synchronous_commit=off' }),
  });
  // An idle connection that dies (a server restart) is dropped and replaced on next use;
  // unheard, its error would end the process.
  for (const each of [pool, workPool]) each.on('error', () => undefined);
  // No LISTEN/NOTIFY: a worker polls every processEvery, and Agenda's notifications (three
  // per job run) cost more than they save; every process also gets every other's job
  // events, re-emitted as if local.
  const backendOn = (on: pg.Pool, ensureSchema: boolean) =>
    new PostgresBackend({ pool: on, tableName: table, ensureSchema, disableNotifications: true });

  // Agenda (re)creates its table, function and trigger on connect, which fails when
  // processes start together (and then `ready` never resolves): they take turns. One key for
  // every job table, since the job log table agenda also creates is shared by all of them.
  const schemaLock = await pool.connect();
  try {
    await schemaLock.query('SELECT pg_advisory_lock(hashtext($1))', ['agenda:schema']);
    const scheduler = agendaOn(backendOn(pool, true), settings);
    await scheduler.ready;
    // Agenda finds a job by key with `data->>'key' = …`; without this every lookup scans.
    await pool.query(
      `CREATE INDEX IF NOT EXISTS "${table}_key_idx" ON "${table}" (name, (data->>'key'))`,
    );
    await schemaLock.query('SELECT pg_advisory_unlock(hashtext($1))', ['agenda:schema']);
    const workBackend = backendOn(workPool, false);
    saveStatesInBatches(workBackend.repository, workPool, table);
    const agenda = agendaOn(workBackend, settings);
    await agenda.ready;
    removeInBatches(agenda);
    const close = async () => {
      await workPool.end();
      await pool.end();
    };
    return {
      ...queueOf(
        agenda,
        scheduler,
        'postgresql',
        settings,
        close,
        async (name, key, at) => {
          await pool.query(
            `UPDATE "${table}" SET next_run_at = $3, fail_count = 0, failed_at = NULL
              WHERE name = $1 AND data->>'key' = $2 AND next_run_at IS NULL AND locked_at IS NULL`,
            [name, key, at],
          );
        },
        insertManyOn(pool, table),
      ),
      lockMany: lockManyOn(workBackend.repository, workPool, table),
      renewLocks: renewLocksOn(workPool, table),
    };
  } finally {
    schemaLock.release();
  }
}

/**
 * Agenda removes each finished one-time job (removeOnComplete) with a query of its own;
 * removals by id that come together go in one query (Agenda ignores the count returned).
 */
function removeInBatches(agenda: Agenda): void {
  const repository = agenda.db;
  const removeJobs = repository.removeJobs.bind(repository);
  const removals = new Batcher<JobId | string, number>(async (ids) => {
    await removeJobs({ ids });
    return ids.map(() => 1);
  });
  repository.removeJobs = (options) => {
    const { id, ...rest } = options;
    return id && Object.keys(rest).length === 0 ? removals.add(id) : removeJobs(options);
  };
}

/** Gives a job that is neither queued nor running (it failed) its next run again. */
type ReviveJob = (name: string, key: string, at: Date) => Promise<void>;

/** `agenda` runs the jobs; `scheduler` inserts, cancels and lists them. */
function queueOf(
  agenda: Agenda,
  scheduler: Agenda,
  backend: AgendaQueue['backend'],
  settings: AgendaSettings,
  disconnect: () => Promise<void>,
  revive: ReviveJob,
  insertMany?: InsertMany,
): Omit<AgendaQueue, 'renewLocks'> {
  const schedule: JobQueue['schedule'] = async (job, payload, at) => {
    const saved = await scheduler
      .create(job.name, payload)
      .schedule(at)
      .unique({ 'data.key': payload.key }, { insertOnly: true })
      .save();
    // The key was taken by a job with no next run: one that failed for good, or (before
    // retries) failed once. The repair at start-up must bring it back, not skip it.
    if (!saved.attrs.nextRunAt) await revive(job.name, payload.key, at);
  };
  return {
    agenda,
    backend,
    lockLifetimeMs: settings.lockLifetimeMs,
    schedule,

    async scheduleMany(job, items) {
      if (!insertMany) {
        for (const { payload, at } of items) await schedule(job, payload, at);
        return;
      }
      const rows = items.map(({ payload, at }) => ({ key: payload.key, data: payload, at }));
      await insertMany(job.name, rows);
    },

    cancel(job, match) {
      return scheduler.cancel({ name: job.name, data: match as Record<string, unknown> });
    },

    async list({ name, limit, offset }) {
      const { jobs } = await scheduler.queryJobs({
        ...(name ? { name } : {}),
        sort: { nextRunAt: 'asc' },
        skip: offset,
        limit,
      });
      return jobs.map((job): ScheduledJob => ({
        id: String(job._id),
        name: job.name,
        key: (job.data as { key?: string } | undefined)?.key ?? null,
        nextRunAt: job.nextRunAt ?? null,
        lastRunAt: job.lastRunAt ?? null,
        lastFinishedAt: job.lastFinishedAt ?? null,
        failCount: job.failCount ?? 0,
        failReason: job.failReason ?? null,
        state: job.state,
      }));
    },

    async close() {
      await agenda.stop(false);
      await disconnect();
    },
  };
}

async function reviveMongoJob(agenda: Agenda, name: string, key: string, at: Date) {
  await mongoCollection(agenda).updateMany(
    { name, 'data.key': key, nextRunAt: null, lockedAt: null },
    { $set: { nextRunAt: at, failCount: 0, failedAt: null } },
  );
}

interface MongoCollection {
  find(query: object, options: object): { toArray(): Promise<{ _id: unknown }[]> };
  updateMany(query: object, update: object): Promise<unknown>;
}

function mongoCollection(agenda: Agenda): MongoCollection {
  const { collection } = agenda.db as unknown as { collection?: MongoCollection };
  if (!collection) throw new Error('@agendajs/mongo-backend internals changed: no collection');
  return collection;
}

/** The heartbeat's renewal on MongoDB: the backend's collection, one updateMany. */
function renewMongoLocks(agenda: Agenda): RenewLocks {
  const collection = mongoCollection(agenda);
  return async (ids, owner, at) => {
    const query = {
      _id: { $in: ids.map((id) => new ObjectId(id)) },
      lockedAt: { $ne: null },
      lastModifiedBy: owner,
    };
    const mine = await collection.find(query, { projection: { _id: 1 } }).toArray();
    await collection.updateMany(
      { ...query, _id: { $in: mine.map((job) => job._id) } },
      {
        $set: { lockedAt: at },
      },
    );
    return new Set(mine.map((job) => String(job._id)));
  };
}
