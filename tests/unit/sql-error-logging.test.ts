import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { SqlLogger } from '../../src/db/sql-logger.js';
import { createLogger } from '../../src/logger.js';

const SECRET = 'whsec_do-not-log-me';
const MESSAGE_TEXT = 'my very private message';

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
}

/** As TypeORM builds it from a pg error: the driver's fields are copied onto it. */
function failedInsert() {
  const query = 'INSERT INTO webhooks (url, secret, note) VALUES ($1, $2, $3)';
  const parameters = ['https://example.org/hook', SECRET, MESSAGE_TEXT];
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
    code: '23505',
    constraint: 'UQ_webhooks_secret',
    detail: `Key (secret)=(${SECRET}) already exists.`,
  });
  return { query, parameters, error: new QueryFailedError(query, parameters, driverError) };
}

describe('failing SQL in the logs', () => {
  it('the SQL logger keeps the query text and the parameter count, never the values', async () => {
    const { logger, lines } = capturedLogger();
    const { query, parameters, error } = failedInsert();
    new SqlLogger(logger).logQueryError(error, query, parameters);
    await new Promise((resolve) => setImmediate(resolve));

    const text = JSON.stringify(lines);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(MESSAGE_TEXT);
    expect(lines[0]).toMatchObject({
      msg: 'sql failed',
      query,
      parameterCount: 3,
      err: { query, parameterCount: 3, code: '23505', constraint: 'UQ_webhooks_secret' },
    });
  });

  it('any log line with a QueryFailedError as err (an unexpected resolver error) drops the values', async () => {
    const { logger, lines } = capturedLogger();
    logger.child({ requestId: 'r1' }).error({ err: failedInsert().error }, 'unexpected error');
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.stringify(lines)).not.toContain(SECRET);
    expect(lines[0].err).toMatchObject({ type: 'QueryFailedError', parameterCount: 3 });
  });

  it('other errors are still logged in full', async () => {
    const { logger, lines } = capturedLogger();
    logger.error({ err: new TypeError('boom') }, 'failed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0].err).toMatchObject({ type: 'TypeError', message: 'boom' });
  });
});
