import { describe, expect, it } from '@jest/globals';
import { Batcher } from '../../src/jobs/agenda/batcher.js';

/** A handler that records each batch and finishes it only when told to. */
function gatedHandler() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const handle = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.includes(13)) throw new Error('unlucky');
    return items.map((item) => item * 10);
  };
  const openNext = async () => {
    for (let i = 0; i < 20 && gates.length === 0; i += 1) await Promise.resolve();
    gates.shift()?.();
  };
  return { batches, handle, openNext };
}

describe('Batcher', () => {
  it('handles a lone item at once, and what comes meanwhile in the next batch', async () => {
    const { batches, handle, openNext } = gatedHandler();
    const batcher = new Batcher(handle);
    const first = batcher.add(1);
    const rest = [2, 3, 4].map((item) => batcher.add(item));
    expect(batches).toEqual([[1]]);

    await openNext();
    expect(await first).toBe(10);
    await openNext();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps batches within the size limit', async () => {
    const { batches, handle, openNext } = gatedHandler();
    const batcher = new Batcher(handle, 2);
    const all = [1, 2, 3, 4, 5].map((item) => batcher.add(item));
    for (let i = 0; i < 3; i += 1) await openNext();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('retries a failed batch one by one, so only the bad item fails', async () => {
    const { batches, handle, openNext } = gatedHandler();
    const batcher = new Batcher(handle);
    const first = batcher.add(1);
    const rest = [12, 13, 14].map((item) => batcher.add(item));
    for (let i = 0; i < 5; i += 1) await openNext();

    expect(await first).toBe(10);
    const settled = await Promise.allSettled(rest);
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches).toEqual([[1], [12, 13, 14], [12], [13], [14]]);
  });
});
