import type { Agenda, Job, JobId, JobParameters, JobRepository } from 'agenda';

/** Locks up to `limit` due jobs of one name in one query (the arguments of getNextJobToRun). */
export type LockMany = (
  limit: number,
  ...args: Parameters<JobRepository['getNextJobToRun']>
) => Promise<JobParameters[]>;

interface ProcessorInternals {
  runningJobs: Job[];
}

/** Jobs one locking query takes at most. */
const LOCK_BATCH = 25;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every lock Agenda 6 takes goes through here, for two reasons.
 *
 * Speed: Agenda fills its local queue with one locking query per job, one after another;
 * with `lockMany` (PostgreSQL), one query locks a batch, handed to Agenda one per call.
 *
 * Stopping: `agenda.stop()` unlocks the jobs locked ahead of their time, but a fill already
 * under way goes on locking due jobs after it (it does not check that the processor
 * stopped). Those stayed locked for the lock lifetime (minutes), so after a restart they
 * ran that much late, and its queries met the closed pool ("Cannot use a pool after calling
 * end on the pool"). The returned stop() stops Agenda, takes no new lock, waits for the
 * locking queries in flight and for the running jobs to end (until `deadline`), bookkeeping
 * included (Agenda removes a finished one-time job after emitting `complete`), then unlocks
 * every job this process locked that never started. Call before `agenda.start()`.
 */
export function manageLocks(
  agenda: Agenda,
  lockMany?: LockMany,
): { stop(deadline: number): Promise<void> } {
  const repository = agenda.db;
  const lockOne = repository.getNextJobToRun.bind(repository);
  const unlockJob = repository.unlockJob.bind(repository);
  const unlockJobs = repository.unlockJobs.bind(repository);
  /** Locked by this process and not started: handed to Agenda, or waiting in `ahead`. */
  const held = new Set<JobId>();
  /** Per job name, locked by a batch and not handed to Agenda yet (earliest first). */
  const ahead = new Map<string, JobParameters[]>();
  const locking = new Set<Promise<unknown>>();
  let stopping = false;
  let stopped = false;

  const lock = async (...args: Parameters<JobRepository['getNextJobToRun']>) => {
    const [name] = args;
    const query = lockMany
      ? lockMany(LOCK_BATCH, ...args)
      : lockOne(...args).then((job) => (job ? [job] : []));
    locking.add(query);
    try {
      const jobs = await query;
      jobs.forEach((job) => held.add(job._id!));
      ahead.set(name, [...(ahead.get(name) ?? []), ...jobs].sort(byNextRunAt));
    } finally {
      locking.delete(query);
    }
  };

  repository.getNextJobToRun = async (...args) => {
    const [name] = args;
    if (!stopping && !ahead.get(name)?.length) await lock(...args);
    return stopping ? undefined : ahead.get(name)?.shift();
  };
  repository.unlockJob = async (job) => {
    if (job._id) held.delete(job._id);
    if (!stopped) await unlockJob(job);
  };
  repository.unlockJobs = async (ids) => {
    ids.forEach((id) => held.delete(id as JobId));
    if (!stopped) await unlockJobs(ids);
  };
  // From here the run releases the lock itself when it ends.
  agenda.on('start', (job: Job) => job.attrs._id && held.delete(job.attrs._id));

  return {
    async stop(deadline) {
      const processor = (agenda as unknown as { jobProcessor?: ProcessorInternals }).jobProcessor;
      if (processor && !Array.isArray(processor.runningJobs)) {
        throw new Error('Agenda internals changed: jobProcessor.runningJobs not found');
      }
      stopping = true;
      await agenda.stop(false);
      await Promise.allSettled([...locking]);
      while (processor && processor.runningJobs.length > 0 && Date.now() < deadline) {
        await delay(20);
      }
      if (held.size > 0) await unlockJobs([...held]);
      held.clear();
      ahead.clear();
      stopped = true;
    },
  };
}

const byNextRunAt = (a: JobParameters, b: JobParameters) =>
  (a.nextRunAt?.getTime() ?? Infinity) - (b.nextRunAt?.getTime() ?? Infinity);
