import { pino, type Logger } from 'pino';

export type { Logger };

/** The one pino logger; everything else takes child loggers from it. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'maxon' },
    redact: {
      paths: ['authorization', '*.authorization', 'headers.authorization', 'token', '*.token'],
      censor: '[redacted]',
    },
  });
}
