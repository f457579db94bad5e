import { describe, expect, it } from '@jest/globals';
import { forEachBounded, keysetPages } from '../../src/common/batches.js';

const rows = Array.from({ length: 23 }, (_, i) => ({ id: `id-${String(i).padStart(3, '0')}` }));

describe('keysetPages', () => {
  it('walks every row once, a page at a time, asking after the last id of the page before', async () => {
    const asked: (string | null)[] = [];
    const fetch = async (after: string | null, limit: number) => {
      asked.push(after);
      return rows.filter((row) => after === null || row.id > after).slice(0, limit);
    };
    const pages = [];
    for await (const page of keysetPages(fetch, 10)) pages.push(page.map((row) => row.id));
    expect(pages.map((page) => page.length)).toEqual([10, 10, 3]);
    expect(pages.flat()).toEqual(rows.map((row) => row.id));
    expect(asked).toEqual([null, 'id-009', 'id-019']);
  });

  it('asks once more after a full last page, and yields no empty page', async () => {
    const fetch = async (after: string | null, limit: number) =>
      rows
        .slice(0, 20)
        .filter((row) => after === null || row.id > after)
        .slice(0, limit);
    const pages = [];
    for await (const page of keysetPages(fetch, 10)) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual([10, 10]);
  });
});

describe('forEachBounded', () => {
  it('works every item with at most `concurrency` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachBounded([...Array(20).keys()], 3, async (item) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1 + (item % 4)));
      seen.push(item);
      inFlight -= 1;
    });
    expect(most).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
  });

  it('rejects with the first failure', async () => {
    await expect(
      forEachBounded([1, 2, 3], 2, async (item) => {
        if (item === 2) throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });
});
