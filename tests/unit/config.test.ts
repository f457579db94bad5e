import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  SECRETS_KEY: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};

describe('loadConfig', () => {
  it('applies defaults, with no setting required', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      LOG_LEVEL: 'info',
      GRAPHQL_MAX_DEPTH: 10,
      PLAYGROUND_ENABLED: true,
      DATA_DIR: './data',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'mysql://localhost/maxon',
        PORT: 'eighty',
        SERVICE_API_KEY: 'short',
        PLAYGROUND_ENABLED: 'maybe',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    for (const name of ['DATABASE_URL', 'PORT', 'SERVICE_API_KEY', 'PLAYGROUND_ENABLED']) {
      expect(problems).toContain(name);
    }
    expect(problems).toContain('DATABASE_URL must be a postgres:// URL');
  });

  it('turns the playground and introspection off by default in production only', () => {
    expect(loadConfig({})).toMatchObject({ PLAYGROUND_ENABLED: true, GRAPHQL_INTROSPECTION: true });
    expect(loadConfig(PRODUCTION)).toMatchObject({
      PLAYGROUND_ENABLED: false,
      GRAPHQL_INTROSPECTION: false,
    });
    const optedIn = loadConfig({
      ...PRODUCTION,
      PLAYGROUND_ENABLED: 'true',
      GRAPHQL_INTROSPECTION: 'yes',
    });
    expect(optedIn).toMatchObject({ PLAYGROUND_ENABLED: true, GRAPHQL_INTROSPECTION: true });
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).GRAPHQL_INTROSPECTION).toBe(false);
  });
});
