import { createRequire } from 'node:module';
import { isatty } from 'node:tty';

/**
 * Agenda 6 makes a `debug` logger (`log.extend`) at each step of each job, and `debug` asks
 * the OS each time whether stderr is a terminal, to choose colours: a syscall that took a
 * quarter of the worker's CPU at 500 jobs a second. This answers once, for the `debug` that
 * Agenda loads (unless DEBUG_COLORS already decided).
 */
export function decideAgendaDebugColorsOnce(): void {
  const fromAgenda = createRequire(createRequire(import.meta.url).resolve('agenda'));
  const debug = fromAgenda('debug') as { inspectOpts?: Record<string, unknown> };
  if (debug.inspectOpts && !('colors' in debug.inspectOpts)) {
    debug.inspectOpts.colors = isatty(process.stderr.fd);
  }
}
