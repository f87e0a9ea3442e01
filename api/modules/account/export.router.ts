import { Router } from 'express';
import { refusalMessage, SessionsService } from '../auth/sessions.service';
import type { Logger } from '../../shared/logger';
import type { ExportService } from './export.service';

/**
 * GET /account/export with `Authorization: Bearer <token>`: a JSON download of everything the
 * person owns or can read. Plain HTTP rather than GraphQL so browsers and curl can save it.
 */
export function createExportRouter(sessions: SessionsService, exporter: ExportService, logger: Logger): Router {
  const router = Router();
  router.get('/account/export', async (req, res) => {
    const auth = await sessions.authenticate(req.headers.authorization);
    if (!auth || 'error' in auth) {
      res.status(401).json({ errors: [{ message: auth ? refusalMessage(auth.error) : 'You must be signed in', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="parley-export-${new Date().toISOString().slice(0, 10)}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      await exporter.write(auth.userId, (chunk) => new Promise((resolve) => (res.write(chunk) ? resolve() : res.once('drain', resolve))));
      res.end();
    } catch (error) {
      logger.error({ err: error }, 'export failed');
      res.destroy(); // a truncated download must not look complete
    }
  });
  return router;
}
