import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { Router, type Request, type Response, type NextFunction } from 'express';
import type { Config } from '../shared/config';

/**
 * App paths the single-page app owns. A browser asking for one of them (a deep link, a reload)
 * gets index.html and the app's router takes over; other unknown pages get index.html too, with
 * a 404 status, so the app can say "page not found" and crawlers are not told it exists.
 */
const APP_ROUTES = [/^\/$/, /^\/login\/?$/, /^\/signup\/?$/, /^\/messages\/?$/, /^\/messages\/[^/]+\/?$/, /^\/u\/[^/]+\/?$/, /^\/agents\/?$/, /^\/agents\/[^/]+\/insights\/?$/, /^\/search\/?$/];

/**
 * Where the built app is: dist/app, seen from the TypeScript sources run by ts-node and the
 * tests (api/web) or from the compiled server (dist/api/web). A build has an assets folder,
 * which tells it apart from the sources in app/.
 */
function findAppDir(): string | null {
  const candidates = [resolve(__dirname, '../../dist/app'), resolve(__dirname, '../../app')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'assets'))) ?? null;
}

/**
 * Everything the pages may load comes from this server: scripts, styles, fonts and Monaco's
 * workers are bundled by Vite. Images may also be people's avatar URLs (their own links).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  // Voice messages play from /attachments; a recording may be previewed from a blob: URL.
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const MISSING_BUILD = [
  'Parley: the web app has not been built yet.',
  '',
  'Run `npm run build:app` (or `npm run build`, which `npm start` does for you), then reload.',
  'The GraphQL API itself is running: POST /graphql.',
  '',
].join('\n');

/** A browser navigating to /graphql prefers HTML; GraphQL clients ask for JSON (or anything). */
function wantsHtml(req: Request): boolean {
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

/**
 * The web app and the GraphQL playground, served from the product's own files (built by Vite
 * into dist/app): no CDN, so both work with no internet connection. Mounted before the GraphQL
 * middleware; it only ever answers GET/HEAD requests for pages and assets. POST /graphql, GET
 * /graphql from GraphQL clients and WebSocket upgrades (which never reach Express) pass through.
 */
export function createWebRouter(_config: Config): Router {
  const router = Router();
  let appDir: string | null = null;
  const dir = () => (appDir ??= findAppDir());

  const sendPage = (res: Response, page: 'index.html' | 'playground.html', status = 200) => {
    const root = dir();
    if (!root) {
      res.status(503).type('text/plain; charset=utf-8').set('Cache-Control', 'no-store').send(MISSING_BUILD);
      return;
    }
    res
      .status(status)
      .set({
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .sendFile(join(root, page));
  };

  // GraphiQL at /playground, and at /graphql for a browser (Apollo's own landing page would load
  // Apollo Sandbox from the internet, which fails offline).
  router.get(['/playground', '/playground/'], (_req, res) => sendPage(res, 'playground.html'));
  router.get('/graphql', (req, res, next) => (wantsHtml(req) ? sendPage(res, 'playground.html') : next()));

  // Content-hashed bundles (scripts, styles, Monaco's workers and font): cached for good.
  let assets: ReturnType<typeof express.static> | null = null;
  router.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    const root = dir();
    if (!root) return next();
    assets ??= express.static(join(root, 'assets'), { immutable: true, maxAge: '1y', index: false, redirect: false });
    return assets(req, res, () => {
      res.status(404).type('text/plain; charset=utf-8').send('Not found');
    });
  });

  router.get(/.*/, (req, res, next) => {
    if (req.path === '/graphql' || req.path === '/healthz' || req.path.startsWith('/assets/')) return next();
    if (req.path === '/index.html') return sendPage(res, 'index.html');
    if (req.path === '/playground.html') return sendPage(res, 'playground.html');
    if (APP_ROUTES.some((route) => route.test(req.path))) return sendPage(res, 'index.html');
    if (req.accepts('html') && !/\.[a-z0-9]+$/i.test(req.path)) return sendPage(res, 'index.html', 404);
    return next();
  });

  return router;
}
