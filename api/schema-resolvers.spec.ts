import 'reflect-metadata';
import { GraphQLResolveInfo, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { createSchema, DateTimeScalar } from './schema';

/**
 * createSchema calls `@FieldResolver` methods that take only `@Root()` and `@Ctx()` directly,
 * without TypeGraphQL's per-call wrapper (schema.ts). The wrapper passed the parameters in the
 * order of their indexes, returned the method's value as is and let a throw out synchronously:
 * so must the direct call, for every field resolver, whatever order its parameters are in.
 */
describe('field resolvers called directly', () => {
  const storage = () => getMetadataStorage();

  it('get the row and the context in their declared order, and return or throw as the method does', async () => {
    const spies = storage().fieldResolvers.map((r) => jest.spyOn(r.target.prototype, r.methodName as never));
    try {
      const schema = await createSchema(null);
      const root = { id: 'row' };
      const context = { viewerId: 'viewer' };
      let direct = 0;
      for (const resolver of storage().fieldResolvers) {
        const typeName = storage().objectTypes.find((o) => o.target === resolver.getObjectType?.())?.name;
        const type = typeName ? schema.getType(typeName) : undefined;
        if (!isObjectType(type)) continue;
        const field = type.getFields()[resolver.schemaName];
        const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
        if (!params.every((p) => p.kind === 'root' || p.kind === 'context')) continue;
        direct++;
        const spy = jest.spyOn(resolver.target.prototype, resolver.methodName as never) as unknown as jest.Mock;
        spy.mockReset().mockReturnValue('value');
        expect(field.resolve!(root, {}, context, {} as GraphQLResolveInfo)).toBe('value');
        expect(spy.mock.calls).toEqual([params.map((p) => (p.kind === 'root' ? root : context))]);
        spy.mockImplementation(() => {
          throw new Error('from the method');
        });
        expect(() => field.resolve!(root, {}, context, {} as GraphQLResolveInfo)).toThrow('from the method');
      }
      // Conversation.participants, .otherParticipant, Message.sender, Participant.profile ... (34 today)
      expect(direct).toBeGreaterThan(25);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('leave resolvers with arguments to TypeGraphQL (it validates them, asynchronously)', async () => {
    const schema = await createSchema(null);
    const conversation = schema.getType('Conversation');
    if (!isObjectType(conversation)) throw new Error('no Conversation type');
    const messages = conversation.getFields().messages.resolve!;
    const result = messages({ id: 'c' }, {}, {}, {} as GraphQLResolveInfo);
    expect(result).toBeInstanceOf(Promise);
    // Even a method that cannot run (no loaders in this context) fails only later, as a rejection.
    await expect(result).rejects.toThrow(TypeError);
  });
});

describe('DateTime', () => {
  const json = (serialize: (v: unknown) => unknown, value: unknown) => JSON.stringify({ at: serialize(value) });
  const ours = (v: unknown) => DateTimeScalar.serialize(v);
  const theirs = (v: unknown) => DateTimeResolver.serialize(v);

  it('answers the same JSON as graphql-scalars, as a string rather than a Date', () => {
    for (const value of [new Date('2026-11-29T20:11:27.123Z'), '2026-11-29T21:11:27+01:00', 1764447087123, new Date(8.64e15), 8.65e15]) {
      expect(json(ours, value)).toBe(json(theirs, value));
    }
    expect(ours(new Date('2026-11-29T20:11:27.123Z'))).toBe('2026-11-29T20:11:27.123Z');
  });

  it('refuses what graphql-scalars refuses, with its words', () => {
    for (const value of [new Date(NaN), 'yesterday', true, { at: 1 }]) {
      expect(() => theirs(value)).toThrow();
      expect(() => ours(value)).toThrow((() => {
        try {
          theirs(value);
        } catch (error) {
          return (error as Error).message;
        }
      })());
    }
  });

  it('keeps the scalar as schema.graphql states it', () => {
    expect(DateTimeScalar.toConfig()).toMatchObject({ name: 'DateTime', description: DateTimeResolver.description, specifiedByURL: DateTimeResolver.specifiedByURL });
    expect(DateTimeScalar.parseValue('2026-11-29T20:11:27Z')).toEqual(DateTimeResolver.parseValue('2026-11-29T20:11:27Z'));
  });
});
