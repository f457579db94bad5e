/**
 * Walking a large table in bounded memory: pages by keyset (`id > last id`, never OFFSET,
 * which rereads every skipped row), each page worked through with a bounded number of
 * handlers in flight.
 */

/** The pages of rows after `after`, `size` at a time, in id order, until a short page. */
export async function* keysetPages<T extends { id: string }>(
  fetch: (after: string | null, limit: number) => Promise<T[]>,
  size: number,
): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after, size);
    if (page.length > 0) yield page;
    if (page.length < size) return;
    after = page.at(-1)!.id;
  }
}

/** Runs `work` on every item, at most `concurrency` at once; the first failure rejects. */
export async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
