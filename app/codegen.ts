import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for every operation in app/src (one operation per file, written with the
 * generated `graphql()` function), from the schema the server emits (../schema.graphql).
 * The client preset is used on its own: it bundles the typescript, typescript-operations and
 * typed-document-node plugins, and Apollo Client 4 infers result and variable types from the
 * TypedDocumentNodes it emits, so no hook wrappers need generating.
 */
const schemaFile = join(__dirname, '..', 'schema.graphql');

const config: CodegenConfig = {
  overwrite: true,
  schema: schemaFile,
  documents: [join(__dirname, 'src/**/*.{ts,tsx}'), `!${join(__dirname, 'src/gql/**')}`],
  ignoreNoDocuments: false,
  generates: {
    [join(__dirname, 'src/gql/')]: {
      preset: 'client',
      presetConfig: {
        // Apollo Client 4 masks nothing unless asked; components receive plain typed data.
        fragmentMasking: false,
      },
      config: {
        scalars: { DateTime: 'string', ID: 'string' },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        useTypeImports: true,
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
