import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DataDirInUseError } from './db/data-dir-lock.js';
import { createLogger } from './logger.js';
import { parseRoleArguments, USAGE, UsageError, type RoleSelection } from './roles/command-line.js';
import { RoleUnavailableError } from './roles/role.js';
import { runRoles, StartupAbortedError, type RunningProcess } from './roles/run-roles.js';
import { startupHints } from './startup-hints.js';

/** Exits with a readable message for mistakes on the command line or in the settings. */
function readArgumentsAndConfig(): { selection: RoleSelection; config: Config } {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    return { selection: parseRoleArguments(args), config: loadConfig() };
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else if (error instanceof ConfigError) console.error(error.message);
    else throw error;
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const { selection, config } = readArgumentsAndConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // Installed before anything starts: /health answers as soon as the api role is up, so an
  // orchestrator may send SIGTERM while later roles are still starting.
  const startup = new AbortController();
  let running: Promise<RunningProcess> | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    forced.unref();
    startup.abort();
    try {
      // During start-up this settles once what started has stopped (StartupAbortedError).
      await (await running)?.stop();
    } catch (error) {
      if (!(error instanceof StartupAbortedError)) {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  running = runRoles(selection, config, logger, {}, startup.signal);
  try {
    await running;
  } catch (error) {
    // The shutdown handler finishes an aborted start-up and exits.
    if (error instanceof StartupAbortedError) return;
    if (!(error instanceof RoleUnavailableError || error instanceof DataDirInUseError)) throw error;
    logger.error(error.message);
    process.exit(1);
  }
  for (const hint of startupHints(config)) logger.info(hint);
}

await main();
