import { startJobWorker } from '../app.js';
import type { StartRole } from './role.js';

/** The job worker: reminders, digests, deliveries. Several may share one queue. */
export const startWorkerRole: StartRole = async (config, logger, shared) => {
  const core = await shared.core();
  return startJobWorker(core, config, logger);
};
