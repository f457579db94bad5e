import { jobContext } from '../jobs/job-context.js';
import { startWorker } from '../jobs/worker.js';
import type { StartRole } from './role.js';

/** The job worker: reminders, digests, deliveries. Several may share one queue. */
export const startWorkerRole: StartRole = async (config, logger, shared) => {
  const core = await shared.core();
  const context = jobContext(core.db, core.deps.services, logger, config);
  return startWorker(core.queue, context, {
    sweepEveryMs: config.NOTIFICATION_SWEEP_SECONDS * 1000,
    stopTimeoutMs: config.SHUTDOWN_TIMEOUT_MS / 2,
    retryBaseMs: config.JOBS_RETRY_BASE_MS,
    retryMaxMs: config.JOBS_RETRY_MAX_MS,
  });
};
