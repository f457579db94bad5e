import type { Client, FormattedExecutionResult } from 'graphql-ws';

/** How a graphql-ws subscription ended: completed, or failed with an error (or close event). */
export type Ending = { kind: 'complete' } | { kind: 'error'; error: unknown };

/** A subscription whose messages are queued, so a test can await them one at a time. */
export interface LiveSubscription<T> {
  /** The next message, or null if none arrives within `timeoutMs`. */
  next(timeoutMs?: number): Promise<FormattedExecutionResult<T, unknown> | null>;
  /** How the subscription ended, or null if it is still open after `timeoutMs`. */
  ended(timeoutMs?: number): Promise<Ending | null>;
  /** Messages received and not yet taken by `next`. */
  pending(): FormattedExecutionResult<T, unknown>[];
  unsubscribe(): void;
}

export function subscribe<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): LiveSubscription<T> {
  const queue: FormattedExecutionResult<T, unknown>[] = [];
  let ending: Ending | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        queue.push(value);
        notify();
      },
      error: (error) => {
        ending = { kind: 'error', error };
        notify();
      },
      complete: () => {
        ending = { kind: 'complete' };
        notify();
      },
    },
  );

  /** Waits until `ready()` holds or `timeoutMs` passes. */
  async function waitFor(ready: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return true;
  }

  return {
    async next(timeoutMs = 5_000) {
      return (await waitFor(() => queue.length > 0, timeoutMs)) ? queue.shift()! : null;
    },
    async ended(timeoutMs = 5_000) {
      return (await waitFor(() => ending !== null, timeoutMs)) ? ending : null;
    },
    pending: () => [...queue],
    unsubscribe,
  };
}

/**
 * The server gives no signal when a subscription is in place, so repeat a harmless `trigger`
 * (a mutation that publishes) until the subscription delivers something; then it is live.
 */
export async function untilLive(
  subscription: LiveSubscription<unknown>,
  trigger: () => Promise<unknown>,
  attempts = 40,
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await trigger();
    if (await subscription.next(250)) return;
  }
  throw new Error('The subscription never delivered an update');
}
