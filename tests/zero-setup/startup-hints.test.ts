import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { startupHints } from '../../src/startup-hints.js';

const OPTIONAL = [
  'TELEGRAM_BOT_TOKEN',
  'MAX_BOT_TOKEN',
  'MODEL_BASE_URL',
  'DATABASE_URL',
  'MONGODB_URL',
  'REDIS_URL',
  'SECRETS_KEY',
];

const naming = (hints: string[], setting: string) =>
  hints.filter((hint) => hint.includes(`set ${setting} `));

describe('startupHints', () => {
  it('gives one line for each optional part left unset, naming its setting', () => {
    const hints = startupHints(loadConfig({}));
    for (const setting of OPTIONAL) expect(naming(hints, setting)).toHaveLength(1);
    expect(naming(hints, 'DATABASE_URL')[0]).toContain('./data');
  });

  it('says nothing of the parts that are set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://127.0.0.1/maxon',
      MODEL_BASE_URL: 'http://127.0.0.1:11434/v1',
      MONGODB_URL: 'mongodb://127.0.0.1/maxon',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SERVICE_API_KEY: 'k'.repeat(32),
      SECRETS_KEY: `k1:${Buffer.alloc(32).toString('base64')}`,
    });
    expect(startupHints({ ...config, TELEGRAM_BOT_TOKEN: 't', MAX_BOT_TOKEN: 'm' })).toEqual([]);
  });
});
