import { useParams } from 'react-router';
import { ConversationSidebar } from './ConversationSidebar';
import { ConversationView } from '../../messages/components/ConversationView';
import { ChatIcon } from '../../../ui/icons';

/**
 * /messages and /messages/:conversationId: sidebar and conversation side by side; below 768 px
 * one pane at a time (the list without an id, the conversation with one, and a back button).
 */
export function MessagesPage() {
  const { conversationId } = useParams();
  return (
    <div className="messages-page" data-pane={conversationId ? 'thread' : 'list'}>
      <ConversationSidebar />
      {conversationId ? (
        <ConversationView key={conversationId} conversationId={conversationId} />
      ) : (
        <section className="thread thread-placeholder" aria-label="No conversation open">
          <ChatIcon size={48} />
          <p>Choose a conversation, or start a new one with the + button.</p>
        </section>
      )}
    </div>
  );
}
