import type { Db } from '../database/db';
import { createProfileLoaders } from '../modules/profiles/profiles.loaders';
import { createAgentLoaders } from '../modules/agents/agents.loaders';
import { createConversationLoaders } from '../modules/conversations/conversations.loaders';
import { createMessageLoaders } from '../modules/messages/messages.loaders';
import { createAgentReplyLoaders } from '../modules/agent-replies/agent-replies.loaders';
import { createRichMessageLoaders } from '../modules/messages/rich-messages.loaders';
import { createMediaLoaders } from '../modules/media/media.loaders';
import { createGroupLoaders } from '../modules/groups/groups.loaders';

/** Made per request (per operation for subscriptions), so nothing is cached across viewers. */
export function createLoaders(db: Db) {
  return {
    ...createProfileLoaders(db),
    ...createAgentLoaders(db),
    ...createConversationLoaders(db),
    ...createMessageLoaders(db),
    ...createAgentReplyLoaders(db),
    ...createRichMessageLoaders(db),
    ...createMediaLoaders(db),
    ...createGroupLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
