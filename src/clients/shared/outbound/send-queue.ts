import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The bots' outbound limiter and retrier (telegraf and the MAX library do neither). Calls to
 * one chat run one at a time in the order queued, spaced to the platform's limits; different
 * chats run side by side, paced evenly under a global sliding window. A call counts in a
 * window until its answer (the platform counted it somewhere in between), so network jitter
 * cannot make the platform see one call too many. A rate-limit answer pauses the chat (or,
 * for a call bound to no chat, everything) as long as the platform says; transient failures
 * are retried with exponential back-off. Nothing queued is ever dropped.
 */

export interface SendLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
  groupPerMinute: number;
}

export type SendFailure = { retryAfterMs: number } | 'retry' | 'fatal';

/** Time as the queue sees it; tests inject a fake one. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
};

export interface SendQueueOptions {
  limits: SendLimits;
  /** Adapter-specific: 429 → { retryAfterMs }, 5xx / network → 'retry', other 4xx → 'fatal'. */
  classify(error: unknown): SendFailure;
  /** Attempts for 'retry' failures (rate-limit waits do not count); 5 by default. */
  maxAttempts?: number;
  /** First back-off delay, doubled per attempt, with jitter; 500 ms by default. */
  backoffBaseMs?: number;
  /**
   * A call with no answer this long after its start is taken to have reached the platform by
   * then, so a hung call does not hold its window slot; 250 ms by default.
   */
  transitMs?: number;
  onRateLimited?(): void;
  onSent?(): void;
  logger?: { warn(obj: object, msg: string): void };
  /** The system clock by default. */
  clock?: Clock;
}

export interface SendChat {
  id: string;
  group?: boolean;
  /** Kept in the chat's order but not counted against its limits (typing, deletions). */
  exempt?: boolean;
}

/**
 * Sends started inside `asBulk(...)` (notification broadcasts) give way to interactive ones
 * (replies to a user) when the global limit is the bottleneck; each chat keeps its order.
 */
const bulkContext = new AsyncLocalStorage<true>();
export const asBulk = <T>(work: () => Promise<T>): Promise<T> => bulkContext.run(true, work);

interface Job {
  seq: number;
  bulk: boolean;
  task: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  exempt: boolean;
  failures: number;
  /** Back-off of a chat-less job (a chat's jobs wait through the chat's pause). */
  notBefore: number;
}

interface Lane {
  id: string;
  group: boolean;
  jobs: Job[];
  busy: boolean;
  pausedUntil: number;
  /** Counted calls still inside one of the chat's windows. */
  calls: Call[];
}

/** One attempt, as the windows see it. */
interface Call {
  start: number;
  answered?: number;
}

const MAX_BACKOFF_MS = 60_000;

export class SendQueue {
  private readonly lanes = new Map<string, Lane>();
  /** Chat-less jobs not running now. */
  private readonly loose: Job[] = [];
  /** Calls still inside the global window. */
  private globalCalls: Call[] = [];
  /** Starts are spread evenly over the second rather than sent in bursts. */
  private nextGlobalSlot = 0;
  private globalPausedUntil = 0;
  private count = 0;
  private seq = 0;
  private stopped = false;
  private abandoned = false;
  private pumpQueued = false;
  private timer: unknown;
  private idleWaiters: (() => void)[] = [];
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly transitMs: number;
  private readonly clock: Clock;

  constructor(private readonly options: SendQueueOptions) {
    for (const [name, value] of Object.entries(options.limits)) {
      if (!Number.isInteger(value) || value < 1) {
        throw new Error(`SendQueue: limits.${name} must be a whole number ≥ 1`);
      }
    }
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffBaseMs = options.backoffBaseMs ?? 500;
    this.transitMs = options.transitMs ?? 250;
    this.clock = options.clock ?? systemClock;
  }

  /** Queued or running calls. */
  get pending(): number {
    return this.count;
  }

  /** Runs `task` when the limits allow; `chat` null = bound to no chat, only the global limit. */
  enqueue<T>(chat: SendChat | null, task: () => Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(new Error('SendQueue is stopped'));
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        seq: this.seq++,
        task,
        resolve: resolve as (value: unknown) => void,
        reject,
        exempt: chat?.exempt ?? false,
        bulk: bulkContext.getStore() === true,
        failures: 0,
        notBefore: 0,
      };
      this.count++;
      if (chat) this.lane(chat).jobs.push(job);
      else this.loose.push(job);
      this.schedulePump();
    });
  }

  /**
   * Accepts nothing more and resolves when everything queued has settled. With a deadline,
   * calls not yet started by then are rejected and it resolves without waiting for running
   * ones (which then settle without retrying).
   */
  async stop(deadlineMs?: number): Promise<void> {
    this.stopped = true;
    const idle = new Promise<void>((resolve) => {
      if (this.count === 0) resolve();
      else this.idleWaiters.push(resolve);
    });
    if (deadlineMs === undefined) return idle;
    let timer: unknown;
    const late = new Promise<boolean>((resolve) => {
      timer = this.clock.setTimeout(() => resolve(true), deadlineMs);
    });
    const timedOut = await Promise.race([idle.then(() => false), late]);
    this.clock.clearTimeout(timer);
    if (timedOut) this.abandon();
  }

  private lane(chat: SendChat): Lane {
    let lane = this.lanes.get(chat.id);
    if (!lane) {
      lane = { id: chat.id, group: false, jobs: [], busy: false, pausedUntil: 0, calls: [] };
      this.lanes.set(chat.id, lane);
    }
    lane.group ||= chat.group ?? false;
    return lane;
  }

  private schedulePump(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => this.pump());
  }

  /** Starts every job the limits allow now, oldest first, and arms a timer for the rest. */
  private pump(): void {
    this.pumpQueued = false;
    const now = this.clock.now();
    let wakeAt = Infinity;
    const ready: { job: Job; lane?: Lane }[] = [];
    for (const job of this.loose) {
      if (job.notBefore > now) wakeAt = Math.min(wakeAt, job.notBefore);
      else ready.push({ job });
    }
    for (const lane of this.lanes.values()) {
      const job = lane.jobs[0];
      if (lane.busy) continue;
      if (!job) {
        if (this.laneForgettable(lane, now)) this.lanes.delete(lane.id); // nothing to remember
        continue;
      }
      const at = Math.max(lane.pausedUntil, job.exempt ? 0 : this.laneFreeAt(lane, now));
      if (at > now) wakeAt = Math.min(wakeAt, at);
      else ready.push({ job, lane });
    }
    while (ready.length) {
      const at = Math.max(
        this.globalPausedUntil,
        this.nextGlobalSlot,
        this.freeAt(this.globalCalls, this.options.limits.globalPerSecond, 1000, now),
      );
      if (at > now) {
        wakeAt = Math.min(wakeAt, at);
        break;
      }
      const before = (a: Job, b: Job) => (a.bulk === b.bulk ? a.seq < b.seq : !a.bulk);
      const oldest = ready.reduce(
        (best, entry, n) => (before(entry.job, ready[best]!.job) ? n : best),
        0,
      );
      const [entry] = ready.splice(oldest, 1);
      this.start(entry!.job, entry!.lane, now);
    }
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (wakeAt < Infinity) this.timer = this.clock.setTimeout(() => this.pump(), wakeAt - now);
  }

  /** An idle lane can go once none of its calls counts any more. */
  private laneForgettable(lane: Lane, now: number): boolean {
    this.prune(lane, now);
    return lane.calls.length === 0;
  }

  private prune(lane: Lane, now: number): void {
    lane.calls = this.inWindow(lane.calls, lane.group ? 60_000 : 1000, now);
  }

  private laneFreeAt(lane: Lane, now: number): number {
    const { perChatPerSecond, groupPerMinute } = this.options.limits;
    this.prune(lane, now);
    const perChat = this.freeAt(lane.calls, perChatPerSecond, 1000, now);
    if (!lane.group) return perChat;
    return Math.max(perChat, this.freeAt(lane.calls, groupPerMinute, 60_000, now));
  }

  /** Latest moment the platform can have counted the call. */
  private countedBy(call: Call): number {
    return Math.min(call.answered ?? Infinity, call.start + this.transitMs);
  }

  private inWindow(calls: Call[], spanMs: number, now: number): Call[] {
    return calls.filter((call) => this.countedBy(call) + spanMs > now);
  }

  /** When one more call fits `limit` per `spanMs`. */
  private freeAt(calls: Call[], limit: number, spanMs: number, now: number): number {
    const counted = this.inWindow(calls, spanMs, now)
      .map((call) => this.countedBy(call))
      .sort((a, b) => a - b);
    return counted.length < limit ? now : counted[counted.length - limit]! + spanMs;
  }

  private start(job: Job, lane: Lane | undefined, now: number): void {
    const spacing = 1000 / this.options.limits.globalPerSecond;
    // A timer firing a little late keeps to the schedule rather than pushing every later slot.
    this.nextGlobalSlot = Math.max(this.nextGlobalSlot, now - spacing / 2) + spacing;
    const call: Call = { start: now };
    this.globalCalls = [...this.inWindow(this.globalCalls, 1000, now), call];
    if (lane) {
      lane.busy = true;
      if (!job.exempt) lane.calls.push(call);
    } else {
      this.loose.splice(this.loose.indexOf(job), 1);
    }
    Promise.resolve()
      .then(job.task)
      .finally(() => (call.answered = this.clock.now()))
      .then(
        (value) => this.finish(job, lane, { value }),
        (error: unknown) => this.failed(job, lane, error),
      );
  }

  private failed(job: Job, lane: Lane | undefined, error: unknown): void {
    const failure = this.abandoned ? 'fatal' : this.options.classify(error);
    const now = this.clock.now();
    const chat = lane?.id ?? null;
    if (typeof failure === 'object') {
      this.options.onRateLimited?.();
      const until = now + failure.retryAfterMs;
      this.options.logger?.warn({ chat, retryAfterMs: failure.retryAfterMs }, 'send rate-limited');
      if (lane) lane.pausedUntil = Math.max(lane.pausedUntil, until);
      else this.globalPausedUntil = Math.max(this.globalPausedUntil, until);
      return this.retry(job, lane);
    }
    if (failure === 'retry' && ++job.failures < this.maxAttempts) {
      const delayMs = this.backoff(job.failures);
      this.options.logger?.warn(
        { chat, attempt: job.failures, delayMs, err: String(error) },
        'send failed; retrying',
      );
      if (lane) lane.pausedUntil = Math.max(lane.pausedUntil, now + delayMs);
      else job.notBefore = now + delayMs;
      return this.retry(job, lane);
    }
    this.finish(job, lane, { error });
  }

  /** The job stays at the head of its chat's lane, so nothing queued after it overtakes it. */
  private retry(job: Job, lane: Lane | undefined): void {
    if (lane) lane.busy = false;
    else this.loose.push(job);
    this.schedulePump();
  }

  private finish(
    job: Job,
    lane: Lane | undefined,
    outcome: { value: unknown } | { error: unknown },
  ) {
    if (lane) {
      lane.jobs.shift();
      lane.busy = false;
    }
    if ('value' in outcome) {
      this.options.onSent?.();
      job.resolve(outcome.value);
    } else {
      job.reject(outcome.error);
    }
    this.settled();
    this.schedulePump();
  }

  private settled(): void {
    if (--this.count > 0) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Rejects every job not running now (after a stop deadline). */
  private abandon(): void {
    this.abandoned = true;
    const error = new Error('SendQueue stopped before this call was sent');
    const waiting = this.loose.splice(0);
    for (const lane of this.lanes.values()) waiting.push(...lane.jobs.splice(lane.busy ? 1 : 0));
    for (const job of waiting) {
      job.reject(error);
      this.settled();
    }
  }

  private backoff(attempt: number): number {
    const exponential = Math.min(MAX_BACKOFF_MS, this.backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(exponential * (0.5 + Math.random() / 2));
  }
}
