import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchemaFile } from '../api/schema-file';

/** Writes schema.graphql from the TypeGraphQL classes (`npm run schema:emit`). */
printSchemaFile().then((sdl) => {
  writeFileSync(join(__dirname, '..', 'schema.graphql'), sdl);
  console.log('wrote schema.graphql');
});
