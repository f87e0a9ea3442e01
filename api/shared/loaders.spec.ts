import type { Db } from '../database/db';
import { createLoaders } from './loaders';
import { createProfileLoaders } from '../modules/profiles/profiles.loaders';
import { createConversationLoaders } from '../modules/conversations/conversations.loaders';
import { createRichMessageLoaders } from '../modules/messages/rich-messages.loaders';

// The loaders are made lazily (shared/loaders.ts); these are the properties that must not change
// with it. What they load is covered by every integration test that reads a list.
const db = {} as Db; // never queried here: making a DataLoader runs nothing

describe('createLoaders', () => {
  it('offers every module loader by name', () => {
    const loaders = createLoaders(db);
    for (const create of [createProfileLoaders, createConversationLoaders, createRichMessageLoaders]) {
      for (const name of Object.keys(create(db))) {
        expect(typeof (loaders as Record<string, { load?: unknown }>)[name]?.load).toBe('function');
      }
    }
    expect(Object.keys(Object.getPrototypeOf(loaders))).toEqual(expect.arrayContaining(['profileById', 'participantsByConversation', 'messageById']));
  });

  it('gives one DataLoader per name within a request, and fresh ones for the next request', () => {
    const first = createLoaders(db);
    const second = createLoaders(db);
    expect(first.profileById).toBe(first.profileById);
    expect(first.participant).toBe(first.participant);
    expect(second.profileById).not.toBe(first.profileById);
    expect(second.participant).not.toBe(first.participant);
  });

  it('keeps each request’s cache to itself', async () => {
    const first = createLoaders(db);
    const second = createLoaders(db);
    first.profileById.prime('a', null);
    await expect(first.profileById.load('a')).resolves.toBeNull();
    // Not in the second request's cache: it goes to the database, which this stand-in lacks.
    await expect(second.profileById.load('a')).rejects.toThrow(TypeError);
  });
});
