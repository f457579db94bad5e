import { afterEach, describe, expect, it } from '@jest/globals';
import { CreateReminderDocument } from '../gql/graphql.js';
import { buildUser, type TestUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually, outboxOf, startWorkerApp } from './job-helpers.js';

// Reminders the worker runs later than the grace (it was down) are never sent; their users
// are told once, in one message each, what they missed.

const running = new Set<TestApp>();
afterEach(async () => {
  await Promise.all([...running].map((app) => app.stop()));
  running.clear();
});
async function track(started: Promise<TestApp>): Promise<TestApp> {
  const app = await started;
  running.add(app);
  return app;
}
async function stop(app: TestApp) {
  running.delete(app);
  await app.stop();
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function createOneTime(app: TestApp, user: TestUser, text: string, at: number) {
  await executeOperationOk(
    app,
    CreateReminderDocument,
    { input: { type: 'ONE_TIME', text, triggerAt: new Date(at).toISOString() } },
    user,
  );
}

const summariesOf = async (app: TestApp, userId: string) =>
  (await outboxOf(app, userId)).filter((row) => row.kind === 'missed_summary');

describe('reminders missed during an outage', () => {
  it('each user is told once, in one message in their language, per outage', async () => {
    const settings = {
      JOBS_TABLE: `missed_summary_${process.pid}`,
      MISSED_REMINDER_GRACE_SECONDS: '1',
      MISSED_SUMMARY_DELAY_SECONDS: '1',
    };
    // The worker is down: this app only serves the API.
    const api = await track(startTestApp(settings));
    const english = await buildUser(api, { language: 'EN', timezone: 'UTC' });
    const russian = await buildUser(api);
    // Each due 1.5 s after it is made (a loaded machine), the worker started 2 s after the last.
    const soon = () => Date.now() + 1_500;
    await createOneTime(api, english, 'Call the bank', soon());
    await createOneTime(api, english, 'Water the plants', soon());
    await createOneTime(api, english, 'Stretch', soon());
    await createOneTime(api, russian, 'Позвонить маме', soon());
    await sleep(3_500);

    let worker = await track(startWorkerApp(settings));
    const told = await eventually(async () => {
      const [en, ru] = [
        await summariesOf(worker, english.id),
        await summariesOf(worker, russian.id),
      ];
      return en.length && ru.length ? { en, ru } : null;
    }, 15_000);
    expect(told).not.toBeNull();
    // More sweeps (every second) write nothing more.
    await sleep(3_000);
    const [en] = await summariesOf(worker, english.id);
    expect(await summariesOf(worker, english.id)).toHaveLength(1);
    expect(await summariesOf(worker, russian.id)).toHaveLength(1);
    // Offered to the messenger like any notification, with every missed reminder listed.
    expect(en).toMatchObject({ status: 'pending', attempts: 1 });
    expect(en!.text).toMatch(/^⚠️ While maxOn was unavailable, 3 reminders were missed:/);
    expect(en!.text).toContain('Call the bank');
    expect(en!.text).toContain('Water the plants');
    expect(en!.text).toContain('Stretch');
    const [ru] = await summariesOf(worker, russian.id);
    expect(ru!.text).toMatch(/^⚠️ Пока maxOn был недоступен, пропущено напоминаний: 1/);
    expect(ru!.text).toContain('Позвонить маме');
    const missed = (await outboxOf(worker, english.id)).filter((row) => row.status === 'expired');
    expect(missed).toHaveLength(3);

    // A second outage: a second message, about what was missed in it only.
    await stop(worker);
    await createOneTime(api, english, 'Take the pills', soon());
    await sleep(3_500);
    worker = await track(startWorkerApp(settings));
    const again = await eventually(async () => {
      const rows = await summariesOf(worker, english.id);
      return rows.length > 1 ? rows : null;
    }, 15_000);
    expect(again).toHaveLength(2);
    expect(again![1]!.text).toMatch(/1 reminder was missed:/);
    expect(again![1]!.text).toContain('Take the pills');
    expect(again![1]!.text).not.toContain('Call the bank');
    expect(await summariesOf(worker, russian.id)).toHaveLength(1);
  });
});
