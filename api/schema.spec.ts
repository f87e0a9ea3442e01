import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, findBreakingChanges, GraphQLNamedType, isEnumType, isInputObjectType, isObjectType, isIntrospectionType, isSpecifiedScalarType } from 'graphql';
import { printSchemaFile } from './schema-file';

const root = join(__dirname, '..');

describe('schema.graphql', () => {
  it('equals the schema built from the TypeGraphQL classes (run `npm run schema:emit` after changing them)', async () => {
    expect(readFileSync(join(root, 'schema.graphql'), 'utf8')).toBe(await printSchemaFile());
  });

  it('contains every type, field, argument and enum value of the public contract', () => {
    const contract = buildSchema(readFileSync(join(root, '..', 'shared', 'contract', 'core.graphql'), 'utf8'));
    const ours = buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8'));
    expect(findBreakingChanges(contract, ours)).toEqual([]);
  });

  it('documents every type, field, argument and enum value', () => {
    const schema = buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8'));
    const missing: string[] = [];
    const types = Object.values(schema.getTypeMap()).filter((t: GraphQLNamedType) => !isIntrospectionType(t) && !isSpecifiedScalarType(t));
    for (const type of types) {
      if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
