import { withTimeout } from '../http/health.js';
import { openCore, type Core } from '../app.js';
import type { CompositionOptions } from '../compose.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { startMetricsServer } from '../metrics/metrics-server.js';
import { ROLES, type RoleName } from './index.js';
import { RoleUnavailableError, type RunningRole, type SharedResources } from './role.js';

export interface RunningProcess {
  /** The roles that started, in start order. */
  roles: RoleName[];
  /** Where /health (and /metrics) are served when the api role is not in this process. */
  metricsUrl: string | null;
  /** Where the api role serves GraphQL, when it runs in this process. */
  apiUrl: string | null;
  /** The core the roles share, when one of them opened it. */
  core: Core | null;
  /** Stops the roles in reverse order, then closes what they shared. */
  stop(): Promise<void>;
}

/** Opens the core on first use, once; `close()` closes it if it was opened. */
function sharedResources(config: Config, logger: Logger, options: CompositionOptions) {
  let core: Promise<Core> | null = null;
  const resources: SharedResources = {
    core: () => (core ??= openCore(config, logger, options)),
  };
  return {
    resources,
    opened: () => core !== null,
    async close() {
      if (core) await (await core).close();
    },
  };
}

/** A stop was asked for (SIGTERM) while the roles were starting; what started has stopped. */
export class StartupAbortedError extends Error {
  constructor() {
    super('start-up stopped by a signal');
  }
}

/**
 * Starts the roles in order. With `allInOne`, a role that is unavailable (a bot without its
 * token) is logged and skipped, and WORKER_ENABLED=false leaves out the worker; a role named
 * explicitly must start. On a failed start, what did start is stopped again; so it is when
 * `signal` aborts (a SIGTERM during start-up), after the role starting then, with
 * StartupAbortedError.
 */
export async function runRoles(
  selection: { roles: RoleName[]; allInOne: boolean },
  config: Config,
  logger: Logger,
  options: CompositionOptions = {},
  signal?: AbortSignal,
): Promise<RunningProcess> {
  const shared = sharedResources(config, logger, options);
  const started: { name: RoleName; role: RunningRole }[] = [];
  /** Stops every started role even when one fails, then closes the core; rethrows the first failure. */
  const stopStarted = async () => {
    const failures: unknown[] = [];
    for (const { name, role } of started.splice(0).reverse()) {
      logger.info({ role: name }, 'stopping role');
      await role.stop().catch((error: unknown) => {
        logger.error({ err: error, role: name }, 'role did not stop cleanly');
        failures.push(error);
      });
    }
    await shared.close().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  };

  const abortIfAsked = () => {
    if (signal?.aborted) throw new StartupAbortedError();
  };
  try {
    for (const name of selection.roles) {
      abortIfAsked();
      if (selection.allInOne && name === 'worker' && !config.WORKER_ENABLED) continue;
      try {
        const role = await ROLES[name](config, logger.child({ role: name }), shared.resources);
        started.push({ name, role });
      } catch (error) {
        if (!(selection.allInOne && error instanceof RoleUnavailableError)) throw error;
        // Start-up hints already said which setting enables it.
        logger.debug({ role: name }, error.message);
      }
    }
    abortIfAsked();
  } catch (error) {
    await stopStarted();
    throw error;
  }

  const names = started.map(({ name }) => name);
  if (names.length === 0) throw new RoleUnavailableError('No role could start in this process');
  warnAboutSplitRoles(names, config, logger);
  // Without the API's port, /health (for the container) and /metrics get one of their own.
  const metrics = names.includes('api')
    ? null
    : await startMetricsServer({
        host: config.HOST,
        port: config.METRICS_PORT,
        metrics: config.METRICS_ENABLED,
        token: config.METRICS_TOKEN,
        health: async () => {
          if (!shared.opened()) return true;
          const { db } = await shared.resources.core();
          await withTimeout(db.query('SELECT 1'), config.HEALTH_CHECK_TIMEOUT_MS);
          return true;
        },
      }).catch(async (error: unknown) => {
        await stopStarted();
        throw error;
      });
  if (signal?.aborted) {
    await metrics?.close();
    await stopStarted();
    throw new StartupAbortedError();
  }
  logger.info({ roles: names, metrics: metrics?.url }, `maxOn running: ${names.join(', ')}`);

  return {
    roles: names,
    metricsUrl: metrics?.url ?? null,
    apiUrl: started.find(({ name }) => name === 'api')?.role.url ?? null,
    core: shared.opened() ? await shared.resources.core() : null,
    async stop() {
      await metrics?.close();
      await stopStarted();
    },
  };
}

/** The worker publishes notifications the API's subscribers must see: across processes only via Redis. */
function warnAboutSplitRoles(names: RoleName[], config: Config, logger: Logger) {
  const apiHere = names.includes('api');
  const workerHere = names.includes('worker');
  if (apiHere !== workerHere && !config.REDIS_URL) {
    logger.warn(
      `This process runs the ${apiHere ? 'api role without the worker' : 'worker without the api role'} ` +
        'and REDIS_URL is not set: notifications fired by a worker in another process reach ' +
        'no API subscriber. Set REDIS_URL.',
    );
  }
}
