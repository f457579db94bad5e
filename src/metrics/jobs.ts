import type { Agenda, Job } from 'agenda';
import { Counter, Histogram } from 'prom-client';
import { registry } from './registry.js';

const runs = new Counter({
  name: 'maxon_jobs_run_total',
  help: 'Jobs started by this worker, by job name',
  labelNames: ['job'] as const,
  registers: [registry],
});

const failures = new Counter({
  name: 'maxon_jobs_failed_total',
  help: 'Jobs whose handler failed, by job name',
  labelNames: ['job'] as const,
  registers: [registry],
});

const lateness = new Histogram({
  name: 'maxon_job_lateness_seconds',
  help: 'How late a job started: its start time minus the time it was due (data.dueAt), by job name',
  labelNames: ['job'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
  registers: [registry],
});

/** When the job was due: our jobs carry `dueAt` (the periodic sweep does not). */
function dueAtOf(job: Job): number | null {
  const dueAt = (job.attrs.data as { dueAt?: unknown } | undefined)?.dueAt;
  const time = typeof dueAt === 'string' ? Date.parse(dueAt) : NaN;
  return Number.isNaN(time) ? null : time;
}

/** Counts the runs and failures of a worker's jobs and measures how late each started. */
export function instrumentJobs(agenda: Agenda): void {
  agenda.on('start', (job: Job) => {
    const labels = { job: job.attrs.name };
    runs.inc(labels);
    const dueAt = dueAtOf(job);
    const startedAt = job.attrs.lastRunAt?.getTime() ?? Date.now();
    // A job run ahead of time (clock skew between hosts) counts as on time.
    if (dueAt !== null) lateness.observe(labels, Math.max(0, startedAt - dueAt) / 1000);
  });
  agenda.on('fail', (_error: Error, job: Job) => failures.inc({ job: job.attrs.name }));
}
