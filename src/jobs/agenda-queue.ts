import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import { PostgresBackend } from '@agendajs/postgres-backend';
import pg from 'pg';
import type { JobData, JobName, JobQueue, ScheduledJob } from '../services/job-queue.js';

export interface AgendaSettings {
  databaseUrl: string;
  mongodbUrl?: string;
  table: string;
  processEveryMs: number;
}

export interface AgendaQueue extends JobQueue {
  readonly agenda: Agenda;
  readonly backend: 'mongodb' | 'postgresql';
  /** Closes the queue's connections (the worker stops processing first). */
  close(): Promise<void>;
}

/**
 * Agenda on MongoDB when a URL is given (production), else on the main PostgreSQL
 * database. The same job code runs on both. Every process that schedules jobs opens one;
 * only workers start processing.
 */
export async function openAgendaQueue(settings: AgendaSettings): Promise<AgendaQueue> {
  const { table } = settings;
  const pool = settings.mongodbUrl
    ? null
    : new pg.Pool({ connectionString: settings.databaseUrl, max: 4 });
  // Agenda (re)creates its table, function and trigger on connect, which fails when
  // processes start together (and then `ready` never resolves): they take turns. One key for
  // every job table, since the job log table agenda also creates is shared by all of them.
  const schemaLock = pool ? await pool.connect() : null;
  await schemaLock?.query('SELECT pg_advisory_lock(hashtext($1))', ['agenda:schema']);
  const backend = settings.mongodbUrl
    ? new MongoBackend({ address: settings.mongodbUrl, collection: table })
    : new PostgresBackend({ pool: pool!, tableName: table, channelName: table });
  const agenda = new Agenda({
    backend,
    name: `maxon-${process.pid}`,
    // A number: Agenda 6 mis-parses strings such as '500 milliseconds'.
    processEvery: settings.processEveryMs,
    removeOnComplete: true,
    defaultLockLifetime: 5 * 60_000,
  });
  await agenda.ready;
  if (pool) {
    // Agenda finds a job by key with `data->>'key' = …`; without this every lookup scans.
    await pool.query(
      `CREATE INDEX IF NOT EXISTS "${table}_key_idx" ON "${table}" (name, (data->>'key'))`,
    );
  }
  if (schemaLock) {
    await schemaLock.query('SELECT pg_advisory_unlock(hashtext($1))', ['agenda:schema']);
    schemaLock.release();
  }

  return {
    agenda,
    backend: pool ? 'postgresql' : 'mongodb',

    async scheduleOnce(name: JobName, at: Date, data: JobData) {
      await agenda
        .create(name, data)
        .schedule(at)
        .unique({ 'data.key': data.key }, { insertOnly: true })
        .save();
    },

    cancel(name: JobName, match: Record<string, unknown>) {
      return agenda.cancel({ name, data: match });
    },

    async list({ name, limit, offset }) {
      const { jobs } = await agenda.queryJobs({
        ...(name ? { name } : {}),
        sort: { nextRunAt: 'asc' },
        skip: offset,
        limit,
      });
      return jobs.map((job): ScheduledJob => ({
        id: String(job._id),
        name: job.name,
        key: (job.data as Partial<JobData> | undefined)?.key ?? null,
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
      if (pool) await pool.end();
      else await backend.disconnect();
    },
  };
}
