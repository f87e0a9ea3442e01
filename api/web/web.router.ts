import { Router } from 'express';
import type { Config } from '../shared/config';

/**
 * The web app and the GraphQL playground, served from the product's own files
 * (built by Vite into dist/app). Filled in by the web app work (issue 4).
 */
export function createWebRouter(_config: Config): Router {
  return Router();
}
