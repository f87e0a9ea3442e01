/**
 * Monaco's web workers for GraphiQL 5: the same setup as graphiql's documented
 * `graphiql/setup-workers/vite`, kept in the app's own sources. Imported from node_modules,
 * that file works in `vite build` but stops the dev server: Vite pre-bundles dependencies with
 * esbuild, which cannot follow its `?worker` imports (graphql/graphiql#4038, #4473). Here the
 * imports go through Vite's own pipeline, so the workers are bundled in dev and build alike;
 * nothing is fetched from a CDN. The versions are the ones @graphiql/react pins.
 */
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'graphql') return new GraphQLWorker();
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};
