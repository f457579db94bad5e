import 'dotenv/config';
import { z } from 'zod';
import { parseSecretKeys } from './common/secret-box.js';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const UNIT_BYTES = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** Every setting maxOn reads. Documented in README.md and .env.example. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A PostgreSQL server; when unset, an embedded PostgreSQL (PGlite) keeps data in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/maxon',
    )
    .optional(),
  /** The embedded database's folder (only without DATABASE_URL); created when missing. */
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Keys that encrypt secrets at rest (webhook secrets, calendar tokens): `k2:<base64 of 32
   * bytes>,k1:<base64>`, the first seals, all open. Required in production; a fixed
   * development key is used without it elsewhere.
   */
  SECRETS_KEY: z
    .string()
    .superRefine((spec, context) => {
      try {
        parseSecretKeys(spec);
      } catch (error) {
        context.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
      }
    })
    .optional(),
  /** A new PostgreSQL connection that is not up within this time fails (an unreachable server). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /**
   * A statement that runs longer is cancelled by the server, and one whose answer does not
   * come (a partition: the connection is open, nothing passes) fails in the client: requests
   * fail fast with UNAVAILABLE instead of hanging. 0 turns both off (long migrations by hand).
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** GET /health answers 503 when the database's SELECT 1 takes longer than this. */
  HEALTH_CHECK_TIMEOUT_MS: z.coerce.number().int().min(50).default(2000),
  SERVICE_API_KEY: z
    .string()
    .min(32, 'must be at least 32 characters (it is the bots’ password)')
    .optional(),
  /** Signs the short-lived picture URLs; unset: derived from SERVICE_API_KEY, else random. */
  PICTURE_URL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long a signed picture URL (habit heatmap, goal progress) works. */
  PICTURE_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(5000),
  /** Parsed to bytes: "100kb" → 102400. */
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/, 'must look like 100kb or 1mb')
    .default('100kb')
    .transform((size) => {
      const [, amount = '0', unit = 'b'] = /^(\d+)(b|kb|mb)$/.exec(size) ?? [];
      return Number(amount) * UNIT_BYTES[unit as keyof typeof UNIT_BYTES];
    }),
  /** GraphiQL at GET /graphql; unset: on, except with NODE_ENV=production. */
  PLAYGROUND_ENABLED: booleanFromEnv.optional(),
  /** Schema introspection (HTTP and WebSocket); unset: on, except with NODE_ENV=production. */
  GRAPHQL_INTROSPECTION: booleanFromEnv.optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Open WebSockets one client address may hold; more are refused with HTTP 429. */
  WS_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).default(50),
  /** A WebSocket that connected without credentials is closed (4401) after this long. */
  WS_ANONYMOUS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),

  /**
   * Per-user budgets (rate-limiter-flexible; in Redis with REDIS_URL, else in PostgreSQL with
   * DATABASE_URL, else in memory): mutations a minute (each mutation field counts)…
   */
  RATE_LIMIT_MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** …and, tighter, the calls that run the assistant or a model (sendMessage, sendVoice, analyzeGoal, generatePlan). */
  RATE_LIMIT_ASSISTANT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Mutation fields one operation may run (aliases count); more are refused before any runs. */
  MAX_MUTATIONS_PER_OPERATION: z.coerce.number().int().min(1).max(1000).default(20),
  /** Live (pending, active or paused) generic reminders per user. */
  MAX_LIVE_REMINDERS_PER_USER: z.coerce.number().int().min(1).default(200),
  /** Events per user. */
  MAX_EVENTS_PER_USER: z.coerce.number().int().min(1).default(5000),
  /** Webhooks per user. */
  MAX_WEBHOOKS_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
  /** Shortest time between two runs of a recurring (cron) reminder. */
  REMINDER_MIN_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),

  /**
   * Operators: messenger identities allowed /admin in the bots and the admin operations of
   * the API, e.g. "telegram:123,max:456".
   */
  ADMIN_IDS: z
    .string()
    .regex(
      /^\s*(telegram|max):[\w-]+\s*(,\s*(telegram|max):[\w-]+\s*)*$/,
      'must be a list such as telegram:123,max:456',
    )
    .optional(),
  /** Users a broadcast writes notifications for each second (the bots' send limits still apply). */
  BROADCAST_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(20),

  /** Redis for subscriptions across processes; in-process PubSub when absent. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  /** MongoDB for Agenda's jobs; the main PostgreSQL database when absent. */
  MONGODB_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URL')
    .optional(),
  /** All roles in one process (no role given): run the job worker there too. */
  WORKER_ENABLED: booleanFromEnv.default(true),
  /** Agenda's table (PostgreSQL) or collection (MongoDB). */
  JOBS_TABLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .default('agenda_jobs'),
  /**
   * How often the worker looks for due jobs; jobs due before the next look run on time. A
   * shorter interval keeps fewer jobs locked ahead; 250 ms costs ~2% of a core more than
   * 1000 ms when idle.
   */
  JOBS_PROCESS_EVERY_MS: z.coerce.number().int().min(50).max(60_000).default(250),
  /**
   * A job's lock lifetime: a worker renews the locks of its jobs every third of it, so when
   * a worker dies (kill -9, a lost machine) the others take its jobs over this long after.
   */
  JOBS_LOCK_LIFETIME_MS: z.coerce.number().int().min(1000).max(3_600_000).default(10_000),
  /** A job whose handler failed (a database blip) runs again after this, doubled each time… */
  JOBS_RETRY_BASE_MS: z.coerce.number().int().min(10).default(1000),
  /** …up to this delay between tries; it is retried until it succeeds. */
  JOBS_RETRY_MAX_MS: z.coerce.number().int().min(10).default(60_000),
  /** Occurrences later than this when the worker runs them are marked missed, not sent. */
  MISSED_REMINDER_GRACE_SECONDS: z.coerce.number().int().min(0).default(3600),
  /**
   * After an outage each user is told once what was missed: when no occurrence of theirs was
   * marked missed for this long (the worker's catch-up is over), in one message.
   */
  MISSED_SUMMARY_DELAY_SECONDS: z.coerce.number().int().min(0).default(60),
  /** An offered notification not acknowledged within this time is offered again. */
  NOTIFICATION_ACK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(120),
  /** Offers of one notification before it is marked failed. */
  NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** How often unacknowledged notifications are looked for. */
  NOTIFICATION_SWEEP_SECONDS: z.coerce.number().int().min(1).default(15),
  /** POSTs of one notification to a webhook before it is marked failed. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** First retry delay of a webhook; doubles with each attempt. */
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).default(30),
  /** Allow http:// and loopback webhooks (development and tests only; refused in production). */
  WEBHOOK_ALLOW_LOCALHOST: booleanFromEnv.default(false),
  /** How often each external calendar connection is synced (ICS, Google, CalDAV). */
  CALENDAR_SYNC_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Time limit of one request to a calendar provider (an ICS download included). */
  CALENDAR_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** Largest ICS file read from a subscription; a larger one fails with a clear status. */
  CALENDAR_ICS_MAX_BYTES: z.coerce.number().int().min(1024).default(10_000_000),
  /** How many days ahead external busy time is kept (recurring events expanded). */
  CALENDAR_BUSY_DAYS: z.coerce.number().int().min(1).max(400).default(120),
  /** An OpenAI-compatible model (OpenAI, a proxy, Ollama, vLLM); offline engine when unset. */
  MODEL_BASE_URL: z.string().url('must be a URL such as https://api.openai.com/v1').optional(),
  MODEL_API_KEY: z.string().min(1).optional(),
  MODEL_NAME: z.string().min(1).default('gpt-4o-mini'),
  MODEL_TRANSCRIPTION_NAME: z.string().min(1).default('whisper-1'),
  MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** Failures in a row after which the model is not called for MODEL_CIRCUIT_OPEN_SECONDS. */
  MODEL_CIRCUIT_FAILURES: z.coerce.number().int().min(1).default(5),
  MODEL_CIRCUIT_OPEN_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Largest JSON payload of a generic reminder. */
  REMINDER_PAYLOAD_MAX_BYTES: z.coerce.number().int().min(2).default(8192),

  /** The GraphQL endpoint the bots call; this process's own API when unset. */
  BOT_API_URL: z.string().url('must be a URL such as http://api:4000/graphql').optional(),
  /** From @BotFather; the Telegram bot starts only when it is set. */
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC… (from @BotFather)')
    .optional(),
  /** Bot API server; change only for a local Bot API server or tests. */
  TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
  /** Public HTTPS host for webhook mode (e.g. bot.example.com); long polling when unset. */
  TELEGRAM_WEBHOOK_DOMAIN: z.string().min(1).optional(),
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; required in webhook mode. */
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16–256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  TELEGRAM_WEBHOOK_PATH: z.string().startsWith('/').default('/telegram'),
  /** Port of the webhook's own HTTP server (behind your TLS proxy). */
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8443),

  /** From the MAX platform (business.max.ru → Чат-боты); the MAX bot starts only when it is set. */
  MAX_BOT_TOKEN: z
    .string()
    .regex(
      /^[\w.:-]{20,}$/,
      'must be the bot token from the MAX platform (20+ characters, no spaces)',
    )
    .optional(),
  /** MAX Bot API; change only for tests. A trailing "/" is added when missing. */
  MAX_API_URL: z
    .string()
    .url('must be a URL such as https://platform-api2.max.ru/')
    .default('https://platform-api2.max.ru/')
    .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  /** Public URL MAX posts updates to (e.g. https://bot.example.com/max); long polling when unset. */
  MAX_WEBHOOK_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'must be a URL such as https://bot.example.com/max')
    .optional(),
  /** MAX sends it in X-Max-Bot-Api-Secret; required in webhook mode. */
  MAX_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16–256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  /** Path the webhook's own HTTP server accepts updates on (behind your TLS proxy). */
  MAX_WEBHOOK_PATH: z.string().startsWith('/').default('/max'),
  MAX_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8444),

  /** Serve Prometheus metrics at GET /metrics. */
  METRICS_ENABLED: booleanFromEnv.default(true),
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>` (else 401). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Where a process without the api role (worker, bots) serves /health and /metrics. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),

  /** This server's public address, for the web client's sign-in links; http://127.0.0.1:PORT when unset. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+$/, 'must be an origin such as https://maxon.example.com')
    .optional(),
  /** Google Calendar sync (OAuth2 client of type "Web application"); off when unset. */
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** One base for Google's OAuth `/auth`, `/token`, `/revoke` (tests' fake); Google's own when unset. */
  GOOGLE_OAUTH_BASE_URL: z
    .string()
    .url('must be a URL such as http://127.0.0.1:9000/oauth')
    .optional(),
  /** Google's API root (tests point it at a fake). */
  GOOGLE_API_BASE_URL: z
    .string()
    .url('must be a URL such as https://www.googleapis.com/')
    .default('https://www.googleapis.com/'),
  /** The web client at /app (browser and Telegram/MAX mini app). */
  WEB_APP_ENABLED: booleanFromEnv.default(true),
  /** How long a web session lasts after sign-in. */
  WEB_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** How long a one-time sign-in link sent by a bot (/web) stays valid. */
  WEB_LINK_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(600),
  /** Mini app init data older than this (its auth_date) is refused. */
  WEB_INIT_DATA_MAX_AGE_SECONDS: z.coerce.number().int().min(60).default(86_400),
});

/** The operator identities of ADMIN_IDS, as "platform:id" strings. */
export function adminIdentities(config: Pick<Config, 'ADMIN_IDS'>): Set<string> {
  return new Set(
    (config.ADMIN_IDS ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  );
}

/** The names of every setting, for checks that the documentation and deployment match. */
export const CONFIG_KEYS: readonly string[] = Object.keys(configSchema.shape);

/** Settings whose default depends on NODE_ENV are always decided after parsing. */
type EnvironmentDefaults = 'PLAYGROUND_ENABLED' | 'GRAPHQL_INTROSPECTION';

export type Config = Omit<z.infer<typeof configSchema>, EnvironmentDefaults> &
  Record<EnvironmentDefaults, boolean>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates settings once; lists every problem at once instead of the first. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'config'} ${issue.message}`),
    );
  }
  const developerTools = result.data.NODE_ENV !== 'production';
  const config: Config = {
    ...result.data,
    PLAYGROUND_ENABLED: result.data.PLAYGROUND_ENABLED ?? developerTools,
    GRAPHQL_INTROSPECTION: result.data.GRAPHQL_INTROSPECTION ?? developerTools,
  };
  const problems = crossFieldProblems(config);
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Settings that only make sense together. */
function crossFieldProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.TELEGRAM_BOT_TOKEN && !config.SERVICE_API_KEY) {
    problems.push('SERVICE_API_KEY is required when TELEGRAM_BOT_TOKEN is set (bots call the API)');
  }
  if (config.TELEGRAM_WEBHOOK_DOMAIN && !config.TELEGRAM_WEBHOOK_SECRET) {
    problems.push('TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_DOMAIN is set');
  }
  if (config.MAX_BOT_TOKEN && !config.SERVICE_API_KEY) {
    problems.push('SERVICE_API_KEY is required when MAX_BOT_TOKEN is set (bots call the API)');
  }
  if (config.MAX_WEBHOOK_URL && !config.MAX_WEBHOOK_SECRET) {
    problems.push('MAX_WEBHOOK_SECRET is required when MAX_WEBHOOK_URL is set');
  }
  if (Boolean(config.GOOGLE_CLIENT_ID) !== Boolean(config.GOOGLE_CLIENT_SECRET)) {
    problems.push('GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are set together (or neither)');
  }
  if (config.NODE_ENV === 'production' && !config.SECRETS_KEY) {
    problems.push(
      'SECRETS_KEY is required in production (it encrypts secrets at rest): set it to ' +
        '"k1:<32 random bytes in base64>", e.g. k1:$(openssl rand -base64 32)',
    );
  }
  if (config.NODE_ENV === 'production' && config.WEBHOOK_ALLOW_LOCALHOST) {
    // It lets users make the server POST to itself: development and tests only.
    problems.push('WEBHOOK_ALLOW_LOCALHOST must be off in production');
  }
  return problems;
}
