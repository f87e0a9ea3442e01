import type { Db } from '../database/db';
import { createProfileLoaders } from '../modules/profiles/profiles.loaders';
import { createAgentLoaders } from '../modules/agents/agents.loaders';
import { createConversationLoaders } from '../modules/conversations/conversations.loaders';
import { createMessageLoaders } from '../modules/messages/messages.loaders';
import { createAgentReplyLoaders } from '../modules/agent-replies/agent-replies.loaders';
import { createRichMessageLoaders } from '../modules/messages/rich-messages.loaders';
import { createMediaLoaders } from '../modules/media/media.loaders';
import { createGroupLoaders } from '../modules/groups/groups.loaders';

/**
 * Made per request; for subscriptions per event, shared by that event's subscribers on a node
 * (realtime/ws.server.ts). That sharing is safe because no loader depends on who asks: each
 * reads rows that are the same for every viewer, or takes the viewer in its key
 * (`viewerConversation`, `participant`). A loader that read per viewer without that would leak.
 */
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
