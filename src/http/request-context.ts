import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    log: Logger;
  }
}

/** Gives each request an id (kept from x-request-id when sane), a child logger, and an access log line. */
export function requestContext(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction) => {
    const incoming = request.header('x-request-id');
    request.requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    request.log = logger.child({ requestId: request.requestId });
    response.setHeader('x-request-id', request.requestId);
    const startedAt = process.hrtime.bigint();
    response.on('finish', () => {
      request.log.info(
        {
          method: request.method,
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          ms: Number(process.hrtime.bigint() - startedAt) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}

/** Turns body-parser failures (too large, malformed JSON) into GraphQL-shaped errors. */
export function bodyErrorHandler() {
  return (error: unknown, _request: Request, response: Response, next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (!status || status >= 500) return next(error);
    const message = status === 413 ? 'Request body is too large' : 'Request body is not valid JSON';
    response.status(status).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
  };
}
