import type { Agenda, Job, JobId, JobParameters, JobRepository } from 'agenda';

/** Locks up to `limit` due jobs of one name in one query (the arguments of getNextJobToRun). */
export type LockMany = (
  limit: number,
  ...args: Parameters<JobRepository['getNextJobToRun']>
) => Promise<JobParameters[]>;

/**
 * Moves the lock of the given jobs, still locked by `owner`, to `at`; returns the ids renewed.
 * A lock another worker took over (it expired) is left alone.
 */
export type RenewLocks = (ids: string[], owner: string, at: Date) => Promise<Set<string>>;

interface ProcessorInternals {
  runningJobs: Job[];
  lockedJobs: Job[];
}

export interface LockOptions {
  /** PostgreSQL: locks due jobs in batches. */
  lockMany?: LockMany;
  /** Renews this worker's locks every `renewEveryMs` (a heartbeat), see manageLocks. */
  renew?: RenewLocks;
  renewEveryMs?: number;
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
 *
 * Crashes: a worker killed with its jobs locked leaves the locks behind, and another worker
 * takes a job only once its lock is older than the lock lifetime. So the lifetime is short
 * (seconds), and a heartbeat (`renew`) moves the lock of every job this worker holds, locked
 * ahead or running, both in the table and in Agenda's copies (Agenda drops a job whose
 * in-memory lock looks expired). A dead worker's jobs are taken over a lifetime after it
 * died; a live worker's are never.
 */
export function manageLocks(
  agenda: Agenda,
  { lockMany, renew, renewEveryMs = 0 }: LockOptions = {},
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

  const processorOf = () => {
    const processor = (agenda as unknown as { jobProcessor?: ProcessorInternals }).jobProcessor;
    if (
      processor &&
      !(Array.isArray(processor.runningJobs) && Array.isArray(processor.lockedJobs))
    ) {
      throw new Error('Agenda internals changed: jobProcessor.runningJobs/lockedJobs not found');
    }
    return processor;
  };
  const heartbeat = async () => {
    const processor = processorOf();
    // Only copies still locked: a run that ended cleared its lockedAt before saving.
    const copies: Pick<JobParameters, '_id' | 'lockedAt'>[] = [
      ...[...ahead.values()].flat(),
      ...(processor
        ? [...processor.lockedJobs, ...processor.runningJobs].map((job) => job.attrs)
        : []),
    ].filter((attrs) => attrs._id && attrs.lockedAt);
    if (copies.length === 0 || !renew) return;
    const at = new Date();
    const renewed = await renew(
      [...new Set(copies.map((attrs) => String(attrs._id)))],
      agenda.attrs.name ?? '',
      at,
    );
    for (const attrs of copies) {
      if (attrs.lockedAt && renewed.has(String(attrs._id))) attrs.lockedAt = at;
    }
  };
  let beating = false;
  const timer =
    renew && renewEveryMs > 0
      ? setInterval(() => {
          if (beating || stopped) return;
          beating = true;
          // A failed renewal (the database is away) is tried again at the next beat.
          heartbeat()
            .catch((error: unknown) => agenda.emit('error', error))
            .finally(() => (beating = false));
        }, renewEveryMs).unref()
      : undefined;

  return {
    async stop(deadline) {
      const processor = processorOf();
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
      clearInterval(timer);
    },
  };
}

const byNextRunAt = (a: JobParameters, b: JobParameters) =>
  (a.nextRunAt?.getTime() ?? Infinity) - (b.nextRunAt?.getTime() ?? Infinity);
