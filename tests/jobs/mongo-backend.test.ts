import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AgendaQueue } from '../../src/jobs/agenda/agenda-queue.js';
import {
  CreateEventDocument,
  CreateReminderDocument,
  PauseReminderDocument,
  ReminderRunsDocument,
  ResumeReminderDocument,
  type CreateEventInput,
  type CreateReminderInput,
} from '../gql/graphql.js';
import { buildUser, type TestUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import type { TestApp } from '../support/test-app.js';
import { eventually, outboxOf, scheduledJobs, startWorkerApp } from './job-helpers.js';

// An in-memory MongoDB-compatible server (jongodb, a native binary from an optional
// dependency). One worker only: its findOneAndUpdate is not atomic across clients.
const JONGODB = fileURLToPath(
  new URL(
    '../../node_modules/@jongodb/memory-server-bin-linux-x64-gnu/bin/jongodb',
    import.meta.url,
  ),
);

let mongo: ChildProcess;
let app: TestApp;
let user: TestUser;

/** Starts jongodb on a free port; resolves to the URI it prints. */
function startJongodb(): Promise<{ child: ChildProcess; uri: string }> {
  const child = spawn(JONGODB, ['--host=127.0.0.1', '--port=0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`jongodb printed no URI: ${stderr}`)), 15_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`jongodb exited with ${code}: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^JONGODB_URI=(mongodb:\/\/\S+)$/.exec(line.trim());
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, uri: match[1] });
    });
  });
}

function stopJongodb(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

beforeAll(async () => {
  const started = await startJongodb();
  mongo = started.child;
  const url = new URL(started.uri);
  url.pathname = `/maxon_${process.pid}`;
  app = await startWorkerApp({ MONGODB_URL: url.toString(), JOBS_TABLE: 'agenda_jobs' });
  user = await buildUser(app);
});
afterAll(async () => {
  await app?.stop();
  if (mongo) await stopJongodb(mongo);
});

const createEvent = async (input: CreateEventInput) =>
  (await executeOperationOk(app, CreateEventDocument, { input }, user)).createEvent;
const createReminder = async (input: CreateReminderInput) =>
  (await executeOperationOk(app, CreateReminderDocument, { input }, user)).createReminder;

const jobsFor = async (name: string, id: string) =>
  (await scheduledJobs(app, name)).filter((job) => job.key?.includes(id));

describe('Agenda on MongoDB', () => {
  it('runs its jobs on MongoDB', () => {
    const queue = app.deps.services.jobs as AgendaQueue;
    expect(queue.backend).toBe('mongodb');
    expect(app.roles).toContain('worker');
  });

  it('fires an event reminder and a one-time reminder exactly once each', async () => {
    const event = await createEvent({
      title: 'Mongo meeting',
      start: new Date(Date.now() + 60_000 + 1_500).toISOString(),
      reminderMinutesBefore: [1],
    });
    const reminder = await createReminder({
      type: 'ONE_TIME',
      text: 'Mongo reminder',
      triggerAt: new Date(Date.now() + 1_500).toISOString(),
    });
    await eventually(async () => (await outboxOf(app, user.id)).length >= 2, 10_000);
    // Give a second run (there must be none) time to happen.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const rows = await outboxOf(app, user.id);
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.payload.refs.eventId === event.id)).toMatchObject([
      { kind: 'event_reminder', status: 'pending', attempts: 1 },
    ]);
    expect(rows.filter((row) => row.payload.refs.reminderId === reminder.id)).toMatchObject([
      { kind: 'reminder', status: 'pending', attempts: 1 },
    ]);
    const { status, history } = (
      await executeOperationOk(app, ReminderRunsDocument, { id: reminder.id }, user)
    ).reminder;
    expect({ status, history }).toEqual({
      status: 'COMPLETED',
      history: [{ action: 'created' }, { action: 'fired' }],
    });
    // Run and removed: nothing left queued for either.
    expect(await jobsFor('event-reminder', event.id)).toEqual([]);
    expect(await jobsFor('reminder', reminder.id)).toEqual([]);
  });

  it('lists the queued jobs from MongoDB', async () => {
    const start = new Date(Date.now() + 3 * 3_600_000);
    const event = await createEvent({
      title: 'Later',
      start: start.toISOString(),
      reminderMinutesBefore: [10, 60],
    });
    const jobs = await jobsFor('event-reminder', event.id);
    expect(jobs.map((job) => Date.parse(job.nextRunAt!)).sort()).toEqual([
      start.getTime() - 60 * 60_000,
      start.getTime() - 10 * 60_000,
    ]);
    expect(jobs.every((job) => job.name === 'event-reminder')).toBe(true);

    const all = await scheduledJobs(app);
    const names = new Set(all.map((job) => job.name));
    for (const name of ['redeliver-notifications', 'morning-digest', 'event-reminder']) {
      expect(names.has(name)).toBe(true);
    }
    expect((await scheduledJobs(app, 'morning-digest')).map((job) => job.key)).toContainEqual(
      expect.stringContaining(`morning-digest:${user.id}@`),
    );
  });

  it('removes the job of a paused reminder and queues it again on resume', async () => {
    const at = new Date(Date.now() + 3_600_000);
    const reminder = await createReminder({
      type: 'ONE_TIME',
      text: 'Pause me',
      triggerAt: at.toISOString(),
    });
    const queued = await jobsFor('reminder', reminder.id);
    expect(queued.map((job) => Date.parse(job.nextRunAt!))).toEqual([at.getTime()]);

    await executeOperationOk(app, PauseReminderDocument, { id: reminder.id }, user);
    expect(await jobsFor('reminder', reminder.id)).toEqual([]);

    await executeOperationOk(app, ResumeReminderDocument, { id: reminder.id }, user);
    expect(
      (await jobsFor('reminder', reminder.id)).map((job) => Date.parse(job.nextRunAt!)),
    ).toEqual([at.getTime()]);
  });
});
