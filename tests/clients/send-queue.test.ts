import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
  asBulk,
  SendQueue,
  type Clock,
  type SendFailure,
  type SendQueueOptions,
} from '../../src/clients/shared/outbound/send-queue.js';

/** A task's failure carries how the adapter would classify it. */
class Failure extends Error {
  constructor(readonly failure: SendFailure) {
    super(JSON.stringify(failure));
  }
}

interface Start {
  label: string;
  at: number;
}

let starts: Start[];
let queue: SendQueue;

function newQueue(options: Partial<SendQueueOptions> = {}): SendQueue {
  queue = new SendQueue({
    limits: { globalPerSecond: 30, perChatPerSecond: 1, groupPerMinute: 20 },
    classify: (error) => (error instanceof Failure ? error.failure : 'fatal'),
    backoffBaseMs: 100,
    ...options,
  });
  return queue;
}

/** A task that records when it starts and fails with `failures`, in turn, before succeeding. */
function task(label: string, ...failures: SendFailure[]) {
  return () => {
    starts.push({ label, at: Date.now() });
    const failure = failures.shift();
    return failure ? Promise.reject(new Failure(failure)) : Promise.resolve(label);
  };
}

const startsOf = (prefix: string) => starts.filter((s) => s.label.startsWith(prefix));
const labels = (list: Start[]) => list.map((s) => s.label);
const chat = (id: string, group = false) => ({ id, group });

beforeEach(() => {
  starts = [];
  // Native microtasks, so promise chains run while fake time advances.
  jest.useFakeTimers({ now: 1_000_000, doNotFake: ['queueMicrotask', 'nextTick'] });
});

afterEach(async () => {
  jest.useRealTimers();
  await queue.stop(0);
});

describe('SendQueue', () => {
  it('lets a reply to a user overtake a queued broadcast, keeping each chat in order', async () => {
    newQueue();
    const broadcast = asBulk(() =>
      Promise.all(
        Array.from({ length: 90 }, (_, n) => queue.enqueue(chat(`b${n}`), task(`b${n}`))),
      ),
    );
    await jest.advanceTimersByTimeAsync(100);
    const reply = queue.enqueue(chat('user'), task('reply'));
    await jest.advanceTimersByTimeAsync(4000);

    await expect(Promise.all([broadcast, reply])).resolves.toHaveLength(2);
    const position = labels(starts).indexOf('reply');
    expect(position).toBeGreaterThan(0);
    expect(position).toBeLessThan(10);
    expect(labels(startsOf('b'))).toEqual(Array.from({ length: 90 }, (_, n) => `b${n}`));
  });

  it('sends to one chat in order, never two within a second', async () => {
    newQueue();
    const sent = ['a1', 'a2', 'a3', 'a4'].map((label) => queue.enqueue(chat('A'), task(label)));

    await jest.advanceTimersByTimeAsync(5000);

    await expect(Promise.all(sent)).resolves.toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(labels(starts)).toEqual(['a1', 'a2', 'a3', 'a4']);
    for (let n = 1; n < starts.length; n++) {
      expect(starts[n]!.at - starts[n - 1]!.at).toBeGreaterThanOrEqual(1000);
    }
  });

  it('never starts more than globalPerSecond calls in any second', async () => {
    newQueue();
    const sent = Array.from({ length: 100 }, (_, n) => queue.enqueue(chat(`c${n}`), task(`c${n}`)));

    await jest.advanceTimersByTimeAsync(4000);

    await expect(Promise.all(sent)).resolves.toHaveLength(100);
    const times = starts.map((s) => s.at);
    for (let n = 30; n < times.length; n++)
      expect(times[n]! - times[n - 30]!).toBeGreaterThanOrEqual(1000);
  });

  it('keeps a group to groupPerMinute', async () => {
    newQueue();
    const sent = Array.from({ length: 22 }, (_, n) =>
      queue.enqueue(chat('-1', true), task(`g${n}`)),
    );

    await jest.advanceTimersByTimeAsync(59_000);
    expect(starts).toHaveLength(20);
    await jest.advanceTimersByTimeAsync(3000);

    await expect(Promise.all(sent)).resolves.toHaveLength(22);
    expect(starts[20]!.at - starts[0]!.at).toBeGreaterThanOrEqual(60_000);
  });

  it("remembers a group's minute after its queue has drained", async () => {
    newQueue({ limits: { globalPerSecond: 30, perChatPerSecond: 1, groupPerMinute: 3 } });
    const first = ['g1', 'g2', 'g3'].map((label) => queue.enqueue(chat('-7', true), task(label)));
    await jest.advanceTimersByTimeAsync(13_000);
    await Promise.all(first); // the group's queue is empty now
    const late = queue.enqueue(chat('-7', true), task('g4'));

    await jest.advanceTimersByTimeAsync(40_000);
    expect(labels(starts)).toEqual(['g1', 'g2', 'g3']);
    await jest.advanceTimersByTimeAsync(10_000);
    await expect(late).resolves.toBe('g4');
    expect(starts[3]!.at - starts[0]!.at).toBeGreaterThanOrEqual(60_000);
  });

  it('pauses a chat for retry_after on a 429 and keeps its order; other chats go on', async () => {
    const onRateLimited = jest.fn();
    newQueue({ onRateLimited });
    const a1 = queue.enqueue(chat('A'), task('a1', { retryAfterMs: 5000 }));
    const a2 = queue.enqueue(chat('A'), task('a2'));
    const b = Array.from({ length: 3 }, (_, n) => queue.enqueue(chat(`B${n}`), task(`b${n}`)));

    await jest.advanceTimersByTimeAsync(1000);
    expect(labels(starts)).toEqual(['a1', 'b0', 'b1', 'b2']);
    await Promise.all(b);

    await jest.advanceTimersByTimeAsync(6000);
    await expect(Promise.all([a1, a2])).resolves.toEqual(['a1', 'a2']);
    const [first, retry, second] = startsOf('a');
    expect(labels([first!, retry!, second!])).toEqual(['a1', 'a1', 'a2']);
    expect(retry!.at - first!.at).toBeGreaterThanOrEqual(5000);
    expect(onRateLimited).toHaveBeenCalledTimes(1);
  });

  it('pauses everything on a 429 to a call bound to no chat', async () => {
    newQueue();
    const loose = queue.enqueue(null, task('loose', { retryAfterMs: 3000 }));
    await jest.advanceTimersByTimeAsync(0);
    const a = queue.enqueue(chat('A'), task('a'));

    await jest.advanceTimersByTimeAsync(2500);
    expect(labels(starts)).toEqual(['loose']);
    await jest.advanceTimersByTimeAsync(1000);

    await expect(Promise.all([loose, a])).resolves.toEqual(['loose', 'a']);
    expect(labels(starts)).toEqual(['loose', 'loose', 'a']);
  });

  it('does not let a slow chat hold up the others', async () => {
    newQueue();
    let finishSlow: (value: string) => void = () => undefined;
    const slow = queue.enqueue(chat('A'), () => {
      starts.push({ label: 'a1', at: Date.now() });
      return new Promise<string>((resolve) => (finishSlow = resolve));
    });
    const behindSlow = queue.enqueue(chat('A'), task('a2'));
    const others = ['b', 'c', 'd'].map((id) => queue.enqueue(chat(id), task(id)));

    await jest.advanceTimersByTimeAsync(3000);
    await expect(Promise.all(others)).resolves.toEqual(['b', 'c', 'd']);
    expect(labels(startsOf('a'))).toEqual(['a1']); // started once, a2 still behind it

    finishSlow('a1');
    await jest.advanceTimersByTimeAsync(0);
    await expect(Promise.all([slow, behindSlow])).resolves.toEqual(['a1', 'a2']);
  });

  it('retries with growing back-off, then gives up after maxAttempts', async () => {
    newQueue({ maxAttempts: 4, backoffBaseMs: 1000 });
    const failing = queue.enqueue(null, task('x', 'retry', 'retry', 'retry', 'retry'));
    const outcome = failing.catch((error: unknown) => error);

    await jest.advanceTimersByTimeAsync(60_000);

    await expect(outcome).resolves.toBeInstanceOf(Failure);
    expect(starts).toHaveLength(4);
    const gaps = starts.slice(1).map((s, n) => s.at - starts[n]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(500);
    expect(gaps[1]).toBeGreaterThanOrEqual(1000);
    expect(gaps[2]).toBeGreaterThanOrEqual(2000);
  });

  it('rejects a fatal failure at once and goes on with the chat', async () => {
    const onSent = jest.fn();
    newQueue({ onSent });
    const bad = queue.enqueue(chat('A'), task('bad', 'fatal')).catch((e: unknown) => e);
    const good = queue.enqueue(chat('A'), task('good'));

    await jest.advanceTimersByTimeAsync(2000);

    await expect(bad).resolves.toBeInstanceOf(Failure);
    await expect(good).resolves.toBe('good');
    expect(labels(starts)).toEqual(['bad', 'good']);
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  it("keeps exempt calls in the chat's order without using up its slot", async () => {
    newQueue();
    queue.enqueue({ id: 'A', exempt: true }, task('typing'));
    queue.enqueue(chat('A'), task('message'));
    queue.enqueue({ id: 'A', exempt: true }, task('typing again'));
    queue.enqueue(chat('A'), task('second message'));

    await jest.advanceTimersByTimeAsync(500);
    expect(labels(starts)).toEqual(['typing', 'message', 'typing again']);
    await jest.advanceTimersByTimeAsync(600);
    expect(labels(starts)).toContain('second message');
  });

  it('turns a task that throws into a rejection', async () => {
    newQueue();
    const thrown = queue.enqueue(chat('A'), () => {
      throw new Error('boom');
    });

    await expect(thrown).rejects.toThrow('boom');
  });

  it('stop() waits for what is queued and refuses new calls', async () => {
    newQueue();
    const sent = ['a1', 'a2'].map((label) => queue.enqueue(chat('A'), task(label)));
    let stopped = false;
    const stopping = queue.stop().then(() => (stopped = true));

    await expect(queue.enqueue(chat('B'), task('late'))).rejects.toThrow('stopped');
    await jest.advanceTimersByTimeAsync(500);
    expect([stopped, queue.pending]).toEqual([false, 1]);
    await jest.advanceTimersByTimeAsync(1000);
    await stopping;

    await expect(Promise.all(sent)).resolves.toEqual(['a1', 'a2']);
    expect(queue.pending).toBe(0);
  });

  it('stop(deadline) rejects what has not started by then', async () => {
    newQueue();
    const sent = ['a1', 'a2', 'a3'].map((label) =>
      queue.enqueue(chat('A'), task(label)).catch((e: Error) => e.message),
    );

    const stopping = queue.stop(1500);
    await jest.advanceTimersByTimeAsync(1500);
    await stopping;

    await expect(Promise.all(sent)).resolves.toEqual([
      'a1',
      'a2',
      'SendQueue stopped before this call was sent',
    ]);
    expect(queue.pending).toBe(0);
  });
});

describe('SendQueue with an injected clock', () => {
  /** Time that moves only when told to; timers fire in order as it passes them. */
  class ManualClock implements Clock {
    time = 5_000;
    private timers: { at: number; id: number; fire(): void }[] = [];
    private ids = 0;
    now = () => this.time;
    setTimeout = (fire: () => void, ms: number) => {
      this.timers.push({ at: this.time + ms, id: ++this.ids, fire });
      return this.ids;
    };
    clearTimeout = (id: unknown) => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
    async advance(ms: number): Promise<void> {
      const end = this.time + ms;
      for (;;) {
        for (let n = 0; n < 20; n++) await Promise.resolve(); // let promise chains settle
        const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        this.timers.splice(this.timers.indexOf(next), 1);
        this.time = Math.max(this.time, next.at);
        next.fire();
      }
      this.time = end;
    }
  }

  it("keeps a chat to Telegram's one message a second by the clock it is given", async () => {
    const clock = new ManualClock();
    const at: number[] = [];
    newQueue({ clock });
    const sent = ['a1', 'a2', 'a3'].map((label) =>
      queue.enqueue(chat('A'), async () => {
        at.push(clock.now());
        return label;
      }),
    );

    await clock.advance(0);
    expect(at).toEqual([5_000]);
    await clock.advance(999);
    expect(at).toEqual([5_000]);
    await clock.advance(1_001);

    await expect(Promise.all(sent)).resolves.toEqual(['a1', 'a2', 'a3']);
    expect(at).toEqual([5_000, 6_000, 7_000]);
  });
});
