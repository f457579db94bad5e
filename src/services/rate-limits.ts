import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { rateLimited } from '../errors/domain-error.js';

/** The per-user budgets: every mutation field, and the calls that run the assistant or a model. */
export type Budget = 'mutations' | 'assistant';

export interface RateLimitSettings {
  mutationsPerMinute: number;
  assistantPerMinute: number;
}

/** Where the counters live: Redis (shared by every process), PostgreSQL, or this process. */
export type RateLimitStore =
  { kind: 'redis'; url: string } | { kind: 'postgres'; db: DataSource } | { kind: 'memory' };

/** Told once per user, budget and window when a budget is first overrun (the audit log). */
export type OnLimited = (userId: string, budget: Budget, retryAfterSeconds: number) => void;

/** The table the PostgreSQL store uses (created by a migration, not by the library). */
export const RATE_LIMITS_TABLE = 'rate_limits';

const WINDOW_SECONDS = 60;

/**
 * Per-user rate limits with rate-limiter-flexible. Counters live in Redis when REDIS_URL is
 * set (every API instance shares them), else in PostgreSQL (an external server), else in
 * memory (the embedded database serves one process). A store that fails (Redis or the
 * database away) falls back to an in-memory limiter of the same budget: limits degrade to
 * per-process, requests are never refused or failed because the store is down.
 */
export class RateLimits {
  private readonly limiters: Record<Budget, RateLimiterAbstract>;
  private redis: Redis | null = null;

  constructor(
    settings: RateLimitSettings,
    store: RateLimitStore,
    private readonly onLimited: OnLimited = () => {},
  ) {
    const points: Record<Budget, number> = {
      mutations: settings.mutationsPerMinute,
      assistant: settings.assistantPerMinute,
    };
    if (store.kind === 'redis') {
      this.redis = new Redis(store.url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: 1000,
        lazyConnect: false,
      });
      // Without a listener ioredis's error event would end the process; the insurance answers.
      this.redis.on('error', () => {});
    }
    const build = (budget: Budget): RateLimiterAbstract => {
      const options = {
        keyPrefix: `rl_${budget}`,
        points: points[budget],
        duration: WINDOW_SECONDS,
      };
      const insuranceLimiter = new RateLimiterMemory(options);
      if (store.kind === 'redis') {
        return new RateLimiterRedis({
          ...options,
          storeClient: this.redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter,
        });
      }
      if (store.kind === 'postgres') {
        return new RateLimiterPostgres({
          ...options,
          storeClient: (store.db.driver as PostgresDriver).master,
          storeType: 'pool',
          tableName: RATE_LIMITS_TABLE,
          tableCreated: true,
          insuranceLimiter,
        });
      }
      return insuranceLimiter;
    };
    this.limiters = { mutations: build('mutations'), assistant: build('assistant') };
  }

  /**
   * Takes `points` from the user's budget, or throws RATE_LIMITED with retryAfterSeconds and
   * takes nothing more (an operation is refused as a whole, before any of it runs).
   */
  async consume(budget: Budget, userId: string, points = 1): Promise<void> {
    const limiter = this.limiters[budget];
    try {
      await limiter.consume(userId, points);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      // The first refusal of a window crosses the limit; later ones in it say nothing new.
      if (rejection.consumedPoints - points <= limiter.points) {
        this.onLimited(userId, budget, retryAfterSeconds);
      }
      throw rateLimited(
        budget === 'assistant'
          ? `Too many assistant requests; try again in ${retryAfterSeconds} s`
          : `Too many changes; try again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      );
    }
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
    this.redis = null;
  }
}
