import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  CreateGoalDocument,
  OpsGoalsDocument,
  RegisterChannelAccountDocument,
  SendMessageDocument,
} from '../gql/graphql.js';
import { asBot, executeOperationOk } from '../support/graphql-client.js';
import { spawnMaxon, type SpawnedMaxon } from '../support/spawn-maxon.js';
import { TEST_SERVICE_KEY } from '../support/test-app.js';

// The README's promise: on a machine with no database server and no settings, maxOn starts
// in one process and keeps its data. These run the real server (src/main.ts) as a child.

const folders: string[] = [];
const processes: SpawnedMaxon[] = [];
afterEach(async () => {
  for (const maxon of processes.splice(0)) {
    maxon.kill('SIGKILL');
    await maxon.exited;
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'maxon-zero-setup-'));
  folders.push(folder);
  return folder;
}

async function start(options: Parameters<typeof spawnMaxon>[0]): Promise<SpawnedMaxon> {
  const maxon = await spawnMaxon(options);
  processes.push(maxon);
  return maxon;
}

const messages = (maxon: SpawnedMaxon) => maxon.records().map((record) => String(record.msg));

describe('a first run with no settings', () => {
  it('starts on an embedded database in ./data, names what to set, and stops cleanly', async () => {
    const folder = tempFolder();
    const maxon = await start({ cwd: folder });

    expect(existsSync(join(folder, 'data/pgdata/PG_VERSION'))).toBe(true);
    expect(readFileSync(join(folder, 'data/maxon.pid'), 'utf8').trim()).toBe(String(maxon.pid));
    const playground = await fetch(`${maxon.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(playground.status).toBe(200);
    expect(await playground.text()).toContain('maxOn GraphQL playground');
    for (const setting of [
      'TELEGRAM_BOT_TOKEN',
      'MAX_BOT_TOKEN',
      'MODEL_BASE_URL',
      'DATABASE_URL',
      'MONGODB_URL',
      'REDIS_URL',
    ]) {
      expect(messages(maxon).filter((message) => message.includes(`set ${setting} `))).toHaveLength(
        1,
      );
    }

    maxon.kill('SIGTERM');
    expect(await maxon.exited).toBe(0);
    expect(messages(maxon)).toContain('stopped');
    // Released only after the socket server and PGlite have closed.
    expect(existsSync(join(folder, 'data/maxon.pid'))).toBe(false);
  }, 120_000);
});

describe('the embedded database', () => {
  it('keeps a committed goal through kill -9 and a restart on the same folder', async () => {
    const env = { DATA_DIR: join(tempFolder(), 'maxon-data'), SERVICE_API_KEY: TEST_SERVICE_KEY };
    const alice = asBot('telegram', 'zero-setup-alice');
    const first = await start({ env });
    const endpoint = (maxon: SpawnedMaxon) => ({ graphqlUrl: `${maxon.url}/graphql` });

    await executeOperationOk(
      endpoint(first),
      RegisterChannelAccountDocument,
      { input: { platform: 'TELEGRAM', platformUserId: 'zero-setup-alice', chatId: '1' } },
      asBot(),
    );
    const { createGoal } = await executeOperationOk(
      endpoint(first),
      CreateGoalDocument,
      { input: { title: 'Learn Spanish by summer', steps: [{ title: 'Pick a course' }] } },
      alice,
    );
    const { sendMessage } = await executeOperationOk(
      endpoint(first),
      SendMessageDocument,
      { text: 'встреча с Олей завтра в 15:00 на час' },
      alice,
    );
    expect(sendMessage.engine).toBe('offline');

    // PGlite takes no lock itself: a second maxOn on the folder must be turned away.
    await expect(start({ env })).rejects.toThrow(/is in use by process/);

    first.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const second = await start({ env });
    const { goals } = await executeOperationOk(endpoint(second), OpsGoalsDocument, {}, alice);
    expect(goals.items).toContainEqual({
      id: createGoal.id,
      title: 'Learn Spanish by summer',
      steps: [{ title: 'Pick a course' }],
    });
  }, 180_000);
});
