import type { DataSource } from 'typeorm';
import type { CompositionOptions } from '../compose.js';
import type { Config } from '../config.js';
import type { ContextDeps } from '../graphql/build-context.js';
import type { Logger } from '../logger.js';
import type { RoleName } from './index.js';
import { runRoles } from './run-roles.js';

export interface App {
  url: string;
  db: DataSource;
  deps: ContextDeps;
  /** The roles running: api, and worker unless WORKER_ENABLED is false. */
  roles: RoleName[];
  stop(): Promise<void>;
}

/**
 * The api role, and the worker when WORKER_ENABLED, started the way `maxon api worker`
 * starts them (runRoles: one core, roles in registry order, stopped in reverse). For the
 * tests and benchmarks, which need the URL and the core; `options.clock` pins the
 * assistant's now for the held-out benchmark.
 */
export async function startApi(
  config: Config,
  logger: Logger,
  options: CompositionOptions = {},
): Promise<App> {
  const roles: RoleName[] = config.WORKER_ENABLED ? ['api', 'worker'] : ['api'];
  const running = await runRoles({ roles, allInOne: false }, config, logger, options);
  const { apiUrl, core } = running;
  if (!apiUrl || !core) {
    await running.stop();
    throw new Error('The api role started without its URL or core');
  }
  return {
    url: apiUrl,
    db: core.db,
    deps: core.deps,
    roles: running.roles,
    stop: () => running.stop(),
  };
}
