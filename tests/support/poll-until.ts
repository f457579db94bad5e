export type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/**
 * Polls `predicate` every 10 ms until it returns a truthy value, which it resolves with; after
 * `timeoutMs`, or once `gaveUp()` says so, it fails with `describeFailure()`'s message.
 */
export async function pollUntil<T>(
  predicate: () => T,
  timeoutMs: number,
  gaveUp: () => boolean,
  describeFailure: () => string,
): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value as Truthy<T>;
    if (Date.now() >= deadline || gaveUp()) throw new Error(describeFailure());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
