import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSecretBox } from '../../src/common/secret-box.js';
import { buildUser, type TestUser } from '../support/factories.js';
import {
  CreateReminderDocument,
  HookDeleteWebhookDocument,
  HookRegisterWebhookDocument,
  HookWebhookDeliveriesDocument,
  HookWebhooksDocument,
  NotificationHistoryDocument,
} from '../gql/graphql.js';
import {
  errorCode,
  execute,
  executeOperation,
  executeOperationOk,
  type Credentials,
} from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually, startWorkerApp } from './job-helpers.js';

/** One POST the receiver got. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: any;
  at: number;
}

const received: Received[] = [];
/** How the receiver answers, per path: a list of statuses (the last one repeats). */
const answers = new Map<string, number[]>();
let receiver: Server;
let receiverUrl: string;
let app: TestApp;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, raw, body: JSON.parse(raw), at: Date.now() });
      const statuses = answers.get(path) ?? [200];
      const status = statuses.length > 1 ? statuses.shift()! : statuses[0];
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`status ${status}`);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  app = await startWorkerApp({
    WEBHOOK_ALLOW_LOCALHOST: 'true',
    WEBHOOK_RETRY_BASE_SECONDS: '0.2',
    WEBHOOK_MAX_ATTEMPTS: '3',
  });
});
afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

async function register(credentials: Credentials, path: string) {
  const { registerWebhook } = await executeOperationOk(
    app,
    HookRegisterWebhookDocument,
    { url: `${receiverUrl}${path}` },
    credentials,
  );
  return registerWebhook;
}

const webhooksOf = async (credentials: Credentials) =>
  (await executeOperationOk(app, HookWebhooksDocument, {}, credentials)).webhooks;

const deliveriesOf = async (credentials: Credentials, id: string) =>
  (await executeOperationOk(app, HookWebhookDeliveriesDocument, { id }, credentials))
    .webhookDeliveries;

const deleteWebhook = (credentials: Credentials, id: string) =>
  executeOperation(app, HookDeleteWebhookDocument, { id }, credentials);

/** A one-time reminder due in 1.5 s. */
async function remindSoon(credentials: Credentials, text: string, payload?: object) {
  const { createReminder } = await executeOperationOk(
    app,
    CreateReminderDocument,
    {
      input: {
        type: 'ONE_TIME',
        text,
        triggerAt: new Date(Date.now() + 1_500).toISOString(),
        payload: payload as Record<string, unknown> | undefined,
      },
    },
    credentials,
  );
  return createReminder.id;
}

async function notificationsOf(credentials: Credentials) {
  const { notificationHistory } = await executeOperationOk(
    app,
    NotificationHistoryDocument,
    {},
    credentials,
  );
  return notificationHistory.items;
}

/** The user's webhook notification, once it reached a final status. */
async function settledWebhookNotification(credentials: Credentials) {
  const found = await eventually(async () => {
    const rows = await notificationsOf(credentials);
    const row = rows.find((notification) => notification.channel === 'WEBHOOK');
    return row && row.status !== 'PENDING' ? row : null;
  }, 10_000);
  if (!found) throw new Error('the webhook notification never settled');
  return found;
}

const postsTo = (path: string) => received.filter((post) => post.path === path);

function verifySignature(secret: string, post: Received): boolean {
  const timestamp = String(post.headers['x-maxon-timestamp']);
  const signature = String(post.headers['x-maxon-signature']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${post.raw}`).digest('hex')}`;
  return (
    signature.length === expected.length &&
    timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  );
}

describe('registering webhooks', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await buildUser(app);
  });

  it('returns the secret once; the webhook is listed without it', async () => {
    const registered = await register(user.credentials, '/listed');
    expect(registered.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    expect(registered.webhook).toMatchObject({ url: `${receiverUrl}/listed`, active: true });
    const webhooks = await webhooksOf(user.credentials);
    expect(webhooks).toEqual(
      [registered.webhook].map(({ id, url, active }) => ({ id, url, active })),
    );
    // Raw: the schema has no `secret` on Webhook, so no document can ask for it.
    const withSecret = await execute(
      app.graphqlUrl,
      `query { webhooks { id secret } }`,
      {},
      user.credentials,
    );
    expect(errorCode(withSecret)).toBe('BAD_USER_INPUT');
    expect(withSecret.errors?.[0]?.message).toMatch(/Cannot query field "secret"/);

    const stranger = await buildUser(app);
    expect(await webhooksOf(stranger.credentials)).toEqual([]);
    const foreignDelete = await deleteWebhook(stranger.credentials, registered.webhook.id);
    expect(errorCode(foreignDelete)).toBe('NOT_FOUND');
    expect(await webhooksOf(user.credentials)).toHaveLength(1);
  });

  it.each([
    ['a non-local http:// URL', 'http://example.com/hook'],
    ['another scheme', 'ftp://example.com/hook'],
    ['something that is not a URL', 'not a url'],
    ['a URL over 500 characters', `https://example.com/${'a'.repeat(500)}`],
  ])('rejects %s with BAD_USER_INPUT', async (_name, url) => {
    const result = await executeOperation(
      app,
      HookRegisterWebhookDocument,
      { url },
      user.credentials,
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('url');
  });

  it('rejects http:// on localhost unless WEBHOOK_ALLOW_LOCALHOST is on', async () => {
    const strict = await startTestApp({ WEBHOOK_ALLOW_LOCALHOST: 'false' });
    try {
      const someone = await buildUser(strict);
      for (const url of [`${receiverUrl}/strict`, 'http://localhost/hook']) {
        const result = await executeOperation(
          strict,
          HookRegisterWebhookDocument,
          { url },
          someone.credentials,
        );
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
      }
      const https = await executeOperation(
        strict,
        HookRegisterWebhookDocument,
        { url: 'https://hooks.example.com/maxon' },
        someone.credentials,
      );
      expect(https.errors).toBeUndefined();
      expect(https.data?.registerWebhook.webhook.url).toBe('https://hooks.example.com/maxon');
    } finally {
      await strict.stop();
    }
  });
});

describe('delivering to webhooks', () => {
  it('POSTs a fired reminder, signed; retries after a 500 and ends DELIVERED', async () => {
    const user = await buildUser(app);
    answers.set('/flaky', [500, 200]);
    const { secret, webhook } = await register(user.credentials, '/flaky');
    const payload = { orderId: 42, tags: ['vip'] };
    const reminderId = await remindSoon(user.credentials, 'Check the order', payload);

    const notification = await settledWebhookNotification(user.credentials);
    expect(notification).toMatchObject({
      channel: 'WEBHOOK',
      target: webhook.id,
      kind: 'REMINDER',
      status: 'DELIVERED',
      attempts: 2,
      failureReason: null,
      data: payload,
      refs: { reminderId },
    });
    expect(notification.deliveredAt).not.toBeNull();

    const posts = postsTo('/flaky');
    expect(posts).toHaveLength(2);
    for (const [index, post] of posts.entries()) {
      expect(post.headers['content-type']).toBe('application/json');
      expect(post.headers['x-maxon-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      const timestamp = Number(post.headers['x-maxon-timestamp']);
      expect(Math.abs(timestamp - post.at / 1000)).toBeLessThan(5);
      expect(verifySignature(secret, post)).toBe(true);
      expect(verifySignature('whsec_wrong', post)).toBe(false);
      expect(post.body).toMatchObject({
        id: notification.id,
        kind: 'reminder',
        text: '🔔 Check the order',
        refs: { reminderId },
        data: payload,
        attempt: index + 1,
      });
      expect(post.body.actions.map((action: { kind: string }) => action.kind)).toContain('done');
    }
    // The second attempt waited for the back-off (0.2 s).
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(150);
    // A body changed in transit no longer matches its signature.
    expect(verifySignature(secret, { ...posts[0], raw: posts[0].raw.replace('42', '43') })).toBe(
      false,
    );

    const webhookDeliveries = await deliveriesOf(user.credentials, notification.id);
    expect(webhookDeliveries).toEqual([
      expect.objectContaining({
        notificationId: notification.id,
        webhookId: webhook.id,
        attempt: 1,
        statusCode: 500,
        error: 'HTTP 500',
      }),
      expect.objectContaining({ attempt: 2, statusCode: 200, error: null }),
    ]);

    // The messenger copy is a separate row, still waiting for the bot's acknowledgement.
    const rows = await notificationsOf(user.credentials);
    expect(rows.map((row) => [row.channel, row.status]).sort()).toEqual([
      ['TELEGRAM', 'PENDING'],
      ['WEBHOOK', 'DELIVERED'],
    ]);
    const telegram = rows.find((row) => row.channel === 'TELEGRAM')!;
    expect(telegram).toMatchObject({ target: user.platformUserId, text: '🔔 Check the order' });
    const none = await deliveriesOf(user.credentials, telegram.id);
    expect(none).toEqual([]);

    // Another user sees no deliveries of this notification (the list is scoped, not an error).
    const stranger = await buildUser(app);
    const foreign = await executeOperation(
      app,
      HookWebhookDeliveriesDocument,
      { id: notification.id },
      stranger.credentials,
    );
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data?.webhookDeliveries).toEqual([]);
  });

  it('gives up after WEBHOOK_MAX_ATTEMPTS and marks the notification FAILED', async () => {
    const user = await buildUser(app);
    answers.set('/down', [503]);
    const { secret } = await register(user.credentials, '/down');
    await remindSoon(user.credentials, 'Nobody listens');

    const notification = await settledWebhookNotification(user.credentials);
    expect(notification).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      deliveredAt: null,
      failureReason: 'gave up after 3 attempts: HTTP 503',
    });
    const webhookDeliveries = await deliveriesOf(user.credentials, notification.id);
    expect(webhookDeliveries.map((d) => [d.attempt, d.statusCode])).toEqual([
      [1, 503],
      [2, 503],
      [3, 503],
    ]);
    const posts = postsTo('/down');
    expect(posts.map((post) => post.body.attempt)).toEqual([1, 2, 3]);
    expect(posts.every((post) => verifySignature(secret, post))).toBe(true);
    // Back-off doubles: 0.2 s, then 0.4 s.
    expect(posts[2].at - posts[1].at).toBeGreaterThanOrEqual(350);

    // No fourth attempt comes later.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(postsTo('/down')).toHaveLength(3);
  });

  it('stops POSTing once the webhook is deleted', async () => {
    const user = await buildUser(app);
    const { webhook } = await register(user.credentials, '/deleted');
    expect(
      (
        await executeOperationOk(
          app,
          HookDeleteWebhookDocument,
          { id: webhook.id },
          user.credentials,
        )
      ).deleteWebhook,
    ).toBe(webhook.id);
    expect(await webhooksOf(user.credentials)).toEqual([]);
    const again = await deleteWebhook(user.credentials, webhook.id);
    expect(errorCode(again)).toBe('NOT_FOUND');

    await remindSoon(user.credentials, 'Only on Telegram');
    const rows = await eventually(async () => {
      const written = await notificationsOf(user.credentials);
      return written.length ? written : null;
    });
    // Let any webhook delivery the worker might (wrongly) have queued run.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(rows!.map((row) => row.channel)).toEqual(['TELEGRAM']);
    expect(await notificationsOf(user.credentials)).toHaveLength(1);
    expect(postsTo('/deleted')).toEqual([]);
  });

  it('gives up on a pending retry when the webhook is deleted in between', async () => {
    const user = await buildUser(app);
    answers.set('/removed-mid-retry', [500]);
    const { webhook } = await register(user.credentials, '/removed-mid-retry');
    // Deleted as soon as the first POST arrives: at the latest the third attempt finds no webhook.
    await remindSoon(user.credentials, 'Going away');
    await eventually(async () => postsTo('/removed-mid-retry').length > 0);
    await executeOperationOk(app, HookDeleteWebhookDocument, { id: webhook.id }, user.credentials);
    const notification = await settledWebhookNotification(user.credentials);
    expect(notification.status).toBe('FAILED');
    // Retrying cannot bring a deleted webhook back: the next attempt gives up at once.
    expect(notification.failureReason).toMatch(/^gave up after [23] attempts: webhook removed$/);
    expect(postsTo('/removed-mid-retry').length).toBeLessThanOrEqual(2);
  });
});

describe('webhook secrets at rest', () => {
  const storedSecret = async (webhookId: string): Promise<string> =>
    (await app.db.query(`SELECT secret FROM webhooks WHERE id = $1`, [webhookId]))[0].secret;

  it('stores the secret sealed under SECRETS_KEY, never in plaintext', async () => {
    const user = await buildUser(app);
    const { secret, webhook } = await register(user.credentials, '/sealed');
    const stored = await storedSecret(webhook.id);
    expect(stored).toMatch(/^v1:dev:/);
    expect(stored).not.toContain(secret.slice('whsec_'.length));
    expect(app.deps.services.secrets.open(stored)).toBe(secret);
  });

  it('seals a secret left in plaintext before encryption, and still signs with it', async () => {
    const user = await buildUser(app);
    const { webhook } = await register(user.credentials, '/legacy');
    const legacy = 'whsec_plaintext_from_before_encryption';
    await app.db.query(`UPDATE webhooks SET secret = $1 WHERE id = $2`, [legacy, webhook.id]);

    expect(await app.deps.services.webhooks.resealSecrets()).toBeGreaterThanOrEqual(1);
    const stored = await storedSecret(webhook.id);
    expect(stored).toMatch(/^v1:dev:/);
    expect(await app.deps.services.webhooks.resealSecrets()).toBe(0);

    await remindSoon(user.credentials, 'Signed with the old secret');
    await settledWebhookNotification(user.credentials);
    const [post] = postsTo('/legacy');
    expect(post && verifySignature(legacy, post)).toBe(true);
  });

  it('skips and reports a secret no key opens (its key dropped), without failing the others', async () => {
    const user = await buildUser(app);
    const { webhook } = await register(user.credentials, '/orphaned');
    const dropped = createSecretBox([{ id: 'gone', key: Buffer.alloc(32, 9) }]);
    const orphan = dropped.seal('whsec_sealed_with_a_dropped_key');
    await app.db.query(`UPDATE webhooks SET secret = $1 WHERE id = $2`, [orphan, webhook.id]);

    const reported: string[] = [];
    await expect(
      app.deps.services.webhooks.resealSecrets((id) => reported.push(id)),
    ).resolves.toBeGreaterThanOrEqual(0);
    expect(reported).toEqual([webhook.id]);
    expect(await storedSecret(webhook.id)).toBe(orphan);
    await app.db.query(`DELETE FROM webhooks WHERE id = $1`, [webhook.id]);
  });
});
