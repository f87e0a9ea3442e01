import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.PARLEY_API_URL ?? 'http://127.0.0.1:4000';

/** In dev, /playground serves the playground page like the real server does. */
function playgroundRoute(): Plugin {
  return {
    name: 'parley-playground-route',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/playground' || req.url?.startsWith('/playground?')) req.url = req.url.replace('/playground', '/playground.html');
        next();
      });
    },
  };
}

/**
 * Two pages from one build: the app (index.html) and the GraphQL playground (playground.html),
 * both into dist/app, which the API server serves. Everything is bundled from node_modules:
 * no CDN, so the product works with no internet connection.
 */
export default defineConfig({
  root: appRoot,
  base: '/',
  plugins: [react(), playgroundRoute()],
  build: {
    outDir: fileURLToPath(new URL('../dist/app', import.meta.url)),
    emptyOutDir: true,
    // Monaco (GraphiQL's editor) is large by nature; it only loads on the playground page.
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        playground: fileURLToPath(new URL('./playground.html', import.meta.url)),
      },
    },
  },
  // GraphiQL 5's Monaco workers (graphiql/setup-workers/vite) are ES modules that import code.
  worker: { format: 'es' },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiTarget, ws: true, changeOrigin: true },
      '/healthz': { target: apiTarget },
      '/uploads': { target: apiTarget },
      '/attachments': { target: apiTarget },
    },
  },
});
