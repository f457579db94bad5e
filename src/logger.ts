import { pino, type DestinationStream, type Logger } from 'pino';
import { serializeError } from './db/safe-error.js';

export type { Logger };

/** The one pino logger; everything else takes child loggers from it. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'maxon' },
    serializers: { err: serializeError },
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'headers.authorization',
        'token',
        '*.token',
        'password',
        '*.password',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
