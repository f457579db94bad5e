import type { Client } from 'graphql-ws';
import { NotificationsDocument, ScheduledJobsDocument } from '../gql/graphql.js';
import { asBot, executeOperationOk, subscribeTo, wsClient } from '../support/graphql-client.js';
import { useOwnDatabase } from '../support/own-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Workers sweep and reconcile the whole database: each jobs test file gets its own.
await useOwnDatabase();

/** Settings for an app whose worker runs jobs promptly, for tests of scheduling. */
export const FAST_WORKER = {
  WORKER_ENABLED: 'true',
  JOBS_PROCESS_EVERY_MS: '200',
  NOTIFICATION_SWEEP_SECONDS: '1',
};

export function startWorkerApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({ ...FAST_WORKER, ...overrides });
}

/** A bot's live feed of notifications for one platform (service key, no user). */
export function watchNotifications(
  app: TestApp,
  platform: 'TELEGRAM' | 'MAX' = 'TELEGRAM',
  clients: Client[] = [],
) {
  const client = wsClient(app.wsUrl, asBot(platform.toLowerCase()));
  clients.push(client);
  return subscribeTo(client, NotificationsDocument, { platform });
}

/** The notifications of one user straight from the outbox table. */
export async function outboxOf(app: TestApp, userId: string) {
  return (await app.db.query(
    `SELECT id, kind, text, status, attempts, idempotency_key AS key, available_at AS "availableAt",
            occurrence_at AS "occurrenceAt", failure_reason AS "failureReason", payload
       FROM notifications WHERE user_id = $1 ORDER BY created_at, id`,
    [userId],
  )) as {
    id: string;
    kind: string;
    text: string;
    status: string;
    attempts: number;
    key: string;
    availableAt: Date;
    occurrenceAt: Date;
    failureReason: string | null;
    payload: { actions: { kind: string; stepId?: string }[]; refs: Record<string, unknown> };
  }[];
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
export async function eventually<T>(
  probe: () => Promise<T>,
  timeoutMs = 8_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The queued jobs, as the operators' query shows them. */
export async function scheduledJobs(app: TestApp, name?: string) {
  const data = await executeOperationOk(app, ScheduledJobsDocument, { name }, asBot());
  return data.scheduledJobs;
}
