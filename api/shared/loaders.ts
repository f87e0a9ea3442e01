import type { Db } from '../database/db';
import { createProfileLoaders } from '../modules/profiles/profiles.loaders';
import { createAgentLoaders } from '../modules/agents/agents.loaders';
import { createConversationLoaders } from '../modules/conversations/conversations.loaders';
import { createMessageLoaders } from '../modules/messages/messages.loaders';
import { createAgentReplyLoaders } from '../modules/agent-replies/agent-replies.loaders';
import { createRichMessageLoaders } from '../modules/messages/rich-messages.loaders';
import { createMediaLoaders } from '../modules/media/media.loaders';
import { createGroupLoaders } from '../modules/groups/groups.loaders';

const MODULES = [
  createProfileLoaders,
  createAgentLoaders,
  createConversationLoaders,
  createMessageLoaders,
  createAgentReplyLoaders,
  createRichMessageLoaders,
  createMediaLoaders,
  createGroupLoaders,
] as const;

type ModuleLoaders = ReturnType<(typeof MODULES)[number]>;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
export type Loaders = Intersection<ModuleLoaders>;

/** Per request: the database, and each module's loaders once something asks for one of them. */
interface LazyLoaders {
  db: Db;
  made: (ModuleLoaders | undefined)[];
}

/**
 * Getters for every loader name, made once: asking a request's loaders for one (say
 * `profileById`) makes its module's DataLoaders then, for that request only. A request uses a
 * few of the ~15 (unreadTotal none, a list page three modules); making them all up front was
 * paid by every request, with the closures and caches of each.
 */
let prototype: object | undefined;
function loadersPrototype(): object {
  if (prototype) return prototype;
  const made: PropertyDescriptorMap = {};
  MODULES.forEach((create, index) => {
    // A DataLoader runs nothing when made: this is only to learn the names the module gives.
    for (const name of Object.keys(create(null as unknown as Db))) {
      if (Object.hasOwn(made, name)) throw new Error(`two modules define the loader ${name}`);
      made[name] = {
        enumerable: true,
        get(this: LazyLoaders) {
          const loaders = (this.made[index] ??= create(this.db)) as Record<string, unknown>;
          return loaders[name];
        },
      };
    }
  });
  return (prototype = Object.create(Object.prototype, made));
}

/**
 * Made per request; for subscriptions per event, shared by that event's subscribers on a node
 * (realtime/ws.server.ts). That sharing is safe because no loader depends on who asks: each
 * reads rows that are the same for every viewer, or takes the viewer in its key
 * (`viewerConversation`, `participant`). A loader that read per viewer without that would leak.
 */
export function createLoaders(db: Db): Loaders {
  const lazy: LazyLoaders = Object.create(loadersPrototype());
  lazy.db = db;
  lazy.made = new Array(MODULES.length);
  return lazy as unknown as Loaders;
}
