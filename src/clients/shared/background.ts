import { setTimeout as sleep } from 'node:timers/promises';
import type { BotLogger } from './turn.js';

/**
 * Work a bot does after a turn has ended (a broadcast's live progress): not in the chat's
 * queue, so the chat's next updates (its Cancel button) are not held up. Stopped with the bot.
 */
export class BackgroundTasks {
  private readonly tasks = new Set<Promise<void>>();
  private readonly controller = new AbortController();

  constructor(
    private readonly logger: BotLogger,
    /** How often a task that watches something looks again (kept within edit limits). */
    readonly everyMs: number,
  ) {}

  /** Runs `task` detached; a failure is logged, never thrown at the caller. */
  run(name: string, task: (wait: () => Promise<boolean>) => Promise<void>): void {
    const { signal } = this.controller;
    if (signal.aborted) return;
    /** Waits `everyMs`; false once the bot is stopping. */
    const wait = () => sleep(this.everyMs, true, { signal }).catch(() => false as const);
    const running = task(wait)
      .catch((error: unknown) => this.logger.warn({ err: error, task: name }, 'task failed'))
      .finally(() => this.tasks.delete(running));
    this.tasks.add(running);
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled([...this.tasks]);
  }
}
