import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from './schema';

const HEADER = `# Generated from the TypeGraphQL classes in api/ by \`npm run schema:emit\`. Do not edit by hand:
# a test fails when this file and the code disagree. ../shared/contract/core.graphql is its public core.
`;

/** The schema as committed in schema.graphql (sorted, so diffs stay readable). */
export async function printSchemaFile(): Promise<string> {
  const schema = await createSchema(null);
  return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
