interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Hands work from concurrent callers to `handle` in batches, one batch at a time: an item
 * that finds the batcher idle goes at once, alone; items that arrive while a batch is being
 * handled go together in the next. So a lone firing waits for nothing, and a burst costs one
 * transaction per batch instead of one per item. When a batch fails, its items are retried
 * one by one, so a bad item fails only its own caller.
 */
export class Batcher<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private busy = false;

  /** `handle` returns one result per item, in the same order. */
  constructor(
    private readonly handle: (items: T[]) => Promise<R[]>,
    private readonly maxSize = 500,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.waiting.length > 0) await this.run(this.waiting.splice(0, this.maxSize));
    } finally {
      this.busy = false;
    }
  }

  private async run(batch: Waiting<T, R>[]): Promise<void> {
    let results: R[];
    try {
      results = await this.handle(batch.map(({ item }) => item));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else for (const one of batch) await this.run([one]);
      return;
    }
    batch.forEach(({ resolve }, index) => resolve(results[index]!));
  }
}
