import type { Core } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** A started role; `stop()` stops taking work, finishes or releases what is in flight. */
export interface RunningRole {
  /** Where it serves HTTP (the api role). */
  url?: string;
  stop(): Promise<void>;
}

/** What the roles of one process share; opened on first use, closed after every role stopped. */
export interface SharedResources {
  /** Database (migrated), PubSub, job queue and services: one set per process. */
  core(): Promise<Core>;
}

/**
 * Starts one role. Roles that talk to the database take the process's core from `shared`;
 * the bots use the API and need only the first two arguments.
 */
export type StartRole = (
  config: Config,
  logger: Logger,
  shared: SharedResources,
) => Promise<RunningRole>;

/**
 * Thrown by a role that cannot run with this build or configuration (a bot without its
 * token). Named on the command line it stops the process with this message; in the
 * all-in-one process it is logged and the other roles run.
 */
export class RoleUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoleUnavailableError';
  }
}
