import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres.js';

// The embedded PostgreSQL serves every connection on one PGlite session; these check that
// concurrent clients still get their own answers and transactions.

let embedded: EmbeddedPostgres;
const clients: pg.Client[] = [];

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  await embedded.stop();
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: embedded.url });
  // A client the server drops reports it here rather than as an unhandled error.
  client.on('error', () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

describe('embedded PostgreSQL', () => {
  it('answers each of many concurrent parameterised queries with its own result', async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
    try {
      const asked = Array.from({ length: 200 }, (_, i) => i);
      const answers = await Promise.all(
        asked.map(async (n) => {
          const { rows } = await pool.query<{ n: number; doubled: string }>(
            'SELECT $1::int AS n, ($1::int * 2)::text AS doubled',
            [n],
          );
          return rows[0];
        }),
      );
      expect(answers).toEqual(asked.map((n) => ({ n, doubled: String(n * 2) })));
    } finally {
      await pool.end();
    }
  });

  it('keeps a query whose message arrives in pieces apart from the queries sent meanwhile', async () => {
    // A 4 MB parameter reaches the server in many reads; other clients' queries arrive between.
    const [large, small] = await Promise.all([connect(), connect()]);
    const text = 'x'.repeat(4 * 1024 * 1024);
    const length = large.query<{ length: number }>('SELECT length($1::text) AS length', [text]);
    const doubled = Array.from({ length: 50 }, (_, n) =>
      small.query<{ doubled: number }>('SELECT $1::int * 2 AS doubled', [n]),
    );
    expect((await length).rows).toEqual([{ length: text.length }]);
    expect((await Promise.all(doubled)).map(({ rows }) => rows[0]?.doubled)).toEqual(
      Array.from({ length: 50 }, (_, n) => n * 2),
    );
  });

  it('makes other connections wait for an open transaction, then see its commit', async () => {
    const [writer, reader] = await Promise.all([connect(), connect()]);
    await writer.query('CREATE TABLE waits (id int)');
    await writer.query('BEGIN');
    await writer.query('INSERT INTO waits VALUES ($1)', [1]);
    const read = reader.query<{ count: string }>('SELECT count(*) FROM waits');
    await writer.query('INSERT INTO waits VALUES ($1)', [2]);
    await writer.query('COMMIT');
    expect((await read).rows).toEqual([{ count: '2' }]);
  });

  it('rolls back what a dropped connection left open and serves the others again', async () => {
    const [dropped, other] = await Promise.all([connect(), connect()]);
    await dropped.query('CREATE TABLE abandoned (id int)');
    await dropped.query('BEGIN');
    await dropped.query('INSERT INTO abandoned VALUES ($1)', [1]);
    await dropped.end();
    const { rows } = await other.query<{ count: string }>('SELECT count(*) FROM abandoned');
    expect(rows).toEqual([{ count: '0' }]);
  });

  it('serves every database name from its one database', async () => {
    const client = new pg.Client({ connectionString: embedded.url.replace(/\/postgres$/, '/x') });
    await client.connect();
    clients.push(client);
    const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
    expect(rows).toEqual([{ name: 'postgres' }]);
  });
});
