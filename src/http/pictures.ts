import express, { type Router } from 'express';
import { DomainError } from '../errors/domain-error.js';
import type { Services } from '../services/index.js';
import { PICTURES_PATH } from '../services/pictures/picture-urls.js';

/**
 * GET /pictures/<kind>/<id>.png?user&expires&signature: the PNG a signed URL grants (see
 * PictureUrlSigner). A forged, altered or expired URL and another user's object all answer
 * 404 alike, so the endpoint tells nothing about what exists.
 */
export function picturesRouter(services: Services): Router {
  const router = express.Router();
  router.get(`${PICTURES_PATH}/:kind/:file`, async (request, response, next) => {
    const match = /^([0-9a-f-]{36})\.png$/i.exec(request.params.file);
    const grant = match && services.pictures.grantOf(request.params.kind, match[1]!, request.query);
    if (!grant) {
      response.status(404).json({ error: 'not found' });
      return;
    }
    try {
      const png = await services.pictures.render(grant);
      const maxAge = Math.max(0, Math.floor((grant.expiresAt.getTime() - Date.now()) / 1000));
      response
        .status(200)
        .type('image/png')
        .set('Cache-Control', `private, max-age=${maxAge}`)
        .send(png);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        response.status(404).json({ error: 'not found' });
        return;
      }
      next(error);
    }
  });
  return router;
}
