import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { CreateReminderDocument, RegisterChannelAccountDocument } from '../gql/graphql.js';
import { asBot, executeOperationOk } from '../support/graphql-client.js';
import { useOwnDatabase } from '../support/own-database.js';
import { spawnMaxon, type SpawnedMaxon } from '../support/spawn-maxon.js';
import { TEST_SERVICE_KEY } from '../support/test-app.js';

// The children run a worker on this database: it is this file's alone.
await useOwnDatabase();
const DATABASE_URL = process.env.MAXON_TEST_DATABASE_URL!;

const REMINDERS = 40;
const ENV = {
  DATABASE_URL,
  SERVICE_API_KEY: TEST_SERVICE_KEY,
  JOBS_PROCESS_EVERY_MS: '200',
  SHUTDOWN_TIMEOUT_MS: '10000',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every 100 ms until it holds or `timeoutMs` passes. */
async function until(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await sleep(100);
  }
}

describe('SIGTERM to a process running api and worker', () => {
  const db = new pg.Client({ connectionString: DATABASE_URL });
  const children: SpawnedMaxon[] = [];
  const start = async () => {
    const child = await spawnMaxon({ env: ENV, args: ['api', 'worker'] });
    children.push(child);
    return child;
  };

  beforeAll(() => db.connect());
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await db.end();
  });

  const notificationsPerReminder = async (userId: string) => {
    const { rows } = await db.query<{ reminderId: string; n: number }>(
      `SELECT payload->'refs'->>'reminderId' AS "reminderId", count(*)::int AS n
         FROM notifications WHERE user_id = $1 GROUP BY 1`,
      [userId],
    );
    return new Map(rows.map((row) => [row.reminderId, row.n]));
  };

  const reminderJobsLeft = async () => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agenda_jobs WHERE name = 'reminder'`,
    );
    return rows[0].n;
  };

  it('finishes or releases the jobs in flight: after a restart each reminder fired exactly once', async () => {
    const first = await start();
    const endpoint = { graphqlUrl: `${first.url}/graphql` };
    const platformUserId = `sigterm${Date.now()}`;
    const { registerChannelAccount: user } = await executeOperationOk(
      endpoint,
      RegisterChannelAccountDocument,
      { input: { platform: 'TELEGRAM', platformUserId, chatId: platformUserId } },
      asBot(),
    );
    const credentials = asBot('telegram', platformUserId);

    // Due one after another over two seconds, from 6 s on (created at once, so a slow or
    // busy machine does not push the first ones into the past: 3 s was not always enough).
    const firstDue = Date.now() + 6_000;
    const reminderIds = await Promise.all(
      Array.from({ length: REMINDERS }, async (_, i) => {
        const { createReminder } = await executeOperationOk(
          endpoint,
          CreateReminderDocument,
          {
            input: {
              type: 'ONE_TIME',
              text: `Shutdown ${i}`,
              triggerAt: new Date(firstDue + i * 50).toISOString(),
            },
          },
          credentials,
        );
        return createReminder.id;
      }),
    );

    // SIGTERM as soon as the first ones fire.
    await until(async () => (await notificationsPerReminder(user.id)).size > 0, 20_000);
    first.kill('SIGTERM');
    // 0 only when every role stopped before SHUTDOWN_TIMEOUT_MS (the forced exit is 1).
    expect(await first.exited).toBe(0);
    const stopped = first
      .records()
      .filter((record) => record.msg === 'stopping role')
      .map((record) => record.role);
    // In reverse order of start; the worker is in the list unless the signal caught it while it
    // was starting, when it undoes its own start (which happens on a busy machine).
    expect([['worker', 'api'], ['api']]).toContainEqual(stopped);
    expect(first.output()).toContain('"msg":"stopped"');

    // The restarted worker fires the rest and runs every reminder job left.
    const second = await start();
    await until(
      async () =>
        (await notificationsPerReminder(user.id)).size === REMINDERS &&
        (await reminderJobsLeft()) === 0,
      30_000,
    );
    second.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const counts = await notificationsPerReminder(user.id);
    expect(Object.fromEntries(counts)).toEqual(
      Object.fromEntries(reminderIds.map((id) => [id, 1])),
    );
    const { rows: fired } = await db.query<{ reminderId: string }>(
      `SELECT reminder_id AS "reminderId" FROM reminder_audit WHERE user_id = $1 AND action = 'fired'`,
      [user.id],
    );
    expect(fired.map((row) => row.reminderId).sort()).toEqual([...reminderIds].sort());
    // Both processes are gone: a job still locked would wait out the lock lifetime.
    const { rows: locked } = await db.query(
      `SELECT name, data->>'key' AS key, locked_at, last_modified_by
         FROM agenda_jobs WHERE locked_at IS NOT NULL`,
    );
    expect(locked).toEqual([]);
  }, 120_000);

  it('stops what has started, in reverse order, on a SIGTERM during start-up, and exits 0', async () => {
    // /health answers once the api role is up, while the worker is still starting.
    const child = await spawnMaxon({
      env: ENV,
      args: ['api', 'worker'],
      readyLine: /^maxOn API ready/,
    });
    children.push(child);
    child.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    const messages = child.records().map((record) => record.msg);
    expect(messages).not.toContain('maxOn running: api, worker');
    const stopped = child
      .records()
      .filter((record) => record.msg === 'stopping role')
      .map((record) => record.role);
    // In reverse order of start; the worker is in the list unless the signal caught it while it
    // was starting, when it undoes its own start (which happens on a busy machine).
    expect([['worker', 'api'], ['api']]).toContainEqual(stopped);
    expect(messages).toContain('stopped');
  }, 60_000);
});
