import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://localhost/maxon' });
    expect(config).toMatchObject({
      PORT: 4000,
      LOG_LEVEL: 'info',
      GRAPHQL_MAX_DEPTH: 10,
      PLAYGROUND_ENABLED: true,
    });
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', SERVICE_API_KEY: 'short', PLAYGROUND_ENABLED: 'maybe' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    for (const name of ['DATABASE_URL', 'PORT', 'SERVICE_API_KEY', 'PLAYGROUND_ENABLED']) {
      expect(problems).toContain(name);
    }
  });
});
