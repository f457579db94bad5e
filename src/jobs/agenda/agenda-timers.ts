import type { Agenda, Job } from 'agenda';

interface ProcessorInternals {
  runOrRetry(job: Job): Promise<void>;
}

/**
 * Agenda 6 starts, with every job it runs, a watchdog `setTimeout` of lockLifetime / 2
 * (minutes) that is never cleared: after `stop()` those timers keep the process alive.
 * The watchdog is created synchronously when a run starts, so we wrap the processor's
 * `runOrRetry` and unref the timers made during that synchronous part. Our handlers start
 * after an await, so their own timers are untouched. Call after `agenda.start()`.
 */
export function unrefAgendaWatchdogs(agenda: Agenda): void {
  const processor = (agenda as unknown as { jobProcessor?: ProcessorInternals }).jobProcessor;
  if (!processor || typeof processor.runOrRetry !== 'function') {
    throw new Error('Agenda internals changed: jobProcessor.runOrRetry not found');
  }
  const runOrRetry = processor.runOrRetry.bind(processor);
  processor.runOrRetry = (job) => {
    const setTimeoutBefore = globalThis.setTimeout;
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) =>
      setTimeoutBefore(...args).unref()) as typeof setTimeout;
    try {
      return runOrRetry(job);
    } finally {
      globalThis.setTimeout = setTimeoutBefore;
    }
  };
}
