import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useConversationHistory } from '../hooks/useConversationHistory';
import { useLiveMessages } from '../hooks/useLiveMessages';
import { useMessageUpdates } from '../hooks/useMessageUpdates';
import { useSendMessage } from '../hooks/useSendMessage';
import { useTypingSignal } from '../hooks/useTypingSignal';
import { useMarkRead } from '../hooks/useMarkRead';
import { useTypists } from '../../conversations/hooks/typingStore';
import { describeConversation } from '../../conversations/components/describeConversation';
import { useViewer } from '../../auth/hooks/useSession';
import { describeError, errorCode } from '../../../apollo/describeError';
import { Avatar } from '../../../ui/Avatar';
import { BackIcon, SearchIcon } from '../../../ui/icons';
import { Notice, Spinner } from '../../../ui/Notice';
import { MessageList } from './MessageList';
import { ComposeBox } from './ComposeBox';
import { TakeOverBar, ownerPlaceholder } from '../../agents/components/TakeOverBar';
import { useAttachmentDrafts } from '../../media/hooks/useAttachmentDrafts';
import { GroupSettings } from '../../groups/components/GroupSettings';
import { useGroupRemoved } from '../../groups/hooks/removedGroups';
import { personName } from '../../../ui/format';
import { useJumpToMessage } from '../hooks/useJumpToMessage';
import { RichMessageContext, type RichMessageContextValue } from './richMessageContext';
import { ReplyComposerPreview } from './ReplyQuote';
import type { MessageFieldsFragment } from '../../../gql/graphql';

/** The main pane: header, history, typing line and compose box of one conversation. */
export function ConversationView({ conversationId }: { conversationId: string }) {
  const viewer = useViewer();
  const location = useLocation();
  const history = useConversationHistory(conversationId);
  const { conversation, messages } = history;
  const { send, retry, discard, pending } = useSendMessage(conversationId);
  const typingSignal = useTypingSignal(conversationId);
  const typists = useTypists(conversationId);
  const files = useAttachmentDrafts(conversationId);
  const [dropping, setDropping] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const removed = useGroupRemoved(conversationId);

  const newestSeq = messages.length ? messages[messages.length - 1].seq : 0;
  const facts = useMemo(() => {
    const me = conversation?.participants.find((p) => p.profile.userId === viewer.userId) ?? null;
    const others = conversation?.participants.filter((p) => p.profile.userId !== viewer.userId) ?? [];
    const seenSeq = others.reduce((max, p) => Math.max(max, p.lastReadSeq), 0);
    const group = conversation?.chatType === 'GROUP';
    // In a group an agent's answer is never its owner's own message, though its sender is the owner.
    const fromOthers = (m: (typeof messages)[number]) => m.sender?.userId !== viewer.userId || (group && m.senderType === 'AGENT');
    const newestOthersSeq = messages.reduce((max, m) => (fromOthers(m) ? Math.max(max, m.seq) : max), 0);
    // Groups: "seen by N" under the newest message: members other than its sender whose watermark
    // reached it (as Message.seenByCount counts), live through readReceipt.
    const newest = messages[messages.length - 1];
    const seenBy = newest
      ? (conversation?.participants ?? []).filter((p) => p.profile.userId !== newest.sender?.userId && p.lastReadSeq >= newest.seq)
      : [];
    return { myLastReadSeq: me?.lastReadSeq ?? null, seenSeq, newestOthersSeq, seenBy: seenBy.map((p) => personName(p.profile)) };
  }, [conversation?.participants, conversation?.chatType, messages, viewer.userId]);

  useLiveMessages({
    conversationId,
    ready: Boolean(conversation) && !history.loading,
    endCursor: history.endCursor,
    newestSeq,
    lastSeq: conversation?.lastSeq,
    catchUp: history.catchUp,
    refetch: history.refetch,
  });
  useMessageUpdates({
    conversationId,
    ready: Boolean(conversation) && !history.loading,
    updatesCursor: conversation?.updatesCursor ?? null,
    messages,
    refetch: history.refetch,
  });
  useMarkRead({
    conversationId,
    enabled: Boolean(conversation),
    unreadCount: conversation?.unreadCount ?? 0,
    myLastReadSeq: facts.myLastReadSeq,
    newestOthersSeq: facts.newestOthersSeq,
  });

  // Rich messages: one inline editor, one open action menu, the reply being written, jumps to a message.
  const [editingId, setEditingId] = useState<string | null>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [replyingTo, setReplyingTo] = useState<MessageFieldsFragment | null>(null);
  const findElement = useCallback((seq: number) => document.querySelector<HTMLElement>(`[data-testid="message-list"] [data-seq="${seq}"]`), []);
  const jump = useJumpToMessage({
    messages,
    hasOlder: history.hasOlder,
    loadingOlder: history.loadingOlder,
    olderFailed: Boolean(history.olderError),
    loadOlder: history.loadOlder,
    findElement,
  });
  // /messages/<id>?at=<seq> (a search result) opens the conversation at that message.
  const [params] = useSearchParams();
  const at = Number(params.get('at'));
  const { jumpTo } = jump;
  useEffect(() => {
    if (conversation && Number.isInteger(at) && at > 0) jumpTo(at);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [Boolean(conversation), at, location.key, jumpTo]);
  const rich: RichMessageContextValue = useMemo(
    () => ({
      viewerId: viewer.userId,
      editingId,
      setEditingId,
      menuFor,
      setMenuFor,
      replyTo: (message) => {
        setReplyingTo(message);
        document.querySelector<HTMLTextAreaElement>('.compose textarea')?.focus();
      },
      jumpTo,
      highlightSeq: jump.highlightSeq,
    }),
    [viewer.userId, editingId, menuFor, jumpTo, jump.highlightSeq],
  );
  const sendWithReply = (text: string, attachments?: Parameters<typeof send>[1]) => {
    send(text, attachments, replyingTo?.id);
    setReplyingTo(null);
  };

  const backParams = new URLSearchParams(location.search);
  backParams.delete('at');
  const backTo = `/messages${backParams.size ? `?${backParams}` : ''}`;
  const back = (
    <Link to={backTo} className="icon-button back-button" aria-label="Back to conversations">
      <BackIcon />
    </Link>
  );

  if (removed) {
    return (
      <section className="thread thread-status" aria-label="Conversation">
        <header className="thread-header">{back}</header>
        <Notice>You are no longer in this group.</Notice>
      </section>
    );
  }

  if (!conversation) {
    if (history.loading) {
      return (
        <section className="thread thread-status" aria-label="Conversation">
          <header className="thread-header">{back}</header>
          <Spinner label="Loading conversation" />
        </section>
      );
    }
    const notFound = errorCode(history.error) === 'NOT_FOUND' || (!history.error && !conversation);
    return (
      <section className="thread thread-status" aria-label="Conversation">
        <header className="thread-header">{back}</header>
        <Notice
          action={
            notFound ? undefined : (
              <button type="button" className="button button-small" onClick={() => void history.refetch()}>
                Try again
              </button>
            )
          }
        >
          {notFound ? 'This conversation does not exist, or you are not part of it.' : describeError(history.error, 'The conversation could not be loaded.')}
        </Notice>
      </section>
    );
  }

  const look = describeConversation(conversation, viewer.userId);
  const profileHandle = look.isGroup ? null : look.isAgentChat && !look.ownerView ? conversation.targetAgent?.owner.handle : conversation.otherParticipant.handle;
  const agentHint = look.isGroup && conversation.groupAgents.length ? ` (@${conversation.groupAgents[0].handle} asks an agent)` : '';
  const placeholder = look.ownerView ? ownerPlaceholder(conversation) : `Message ${look.title}${agentHint}`;

  return (
    <section
      className={`thread${dropping ? ' thread-dropping' : ''}`}
      aria-label={`Conversation with ${look.title}`}
      data-testid="conversation-view"
      // Files dropped anywhere on the conversation are attached to the message being written.
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node)) setDropping(false);
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setDropping(false);
        for (const file of Array.from(e.dataTransfer.files)) files.add(file, file.name);
      }}
    >
      <header className="thread-header">
        {back}
        <Avatar name={look.avatarName} src={look.avatarUrl} agent={look.isAgentChat} group={look.isGroup} size={38} />
        <div className="thread-title">
          <h2 data-testid="thread-title">{look.title}</h2>
          <p>
            {look.isGroup ? (
              <button type="button" className="link-button" onClick={() => setSettingsOpen(true)} data-testid="group-members-button">
                {look.subtitle}
              </button>
            ) : profileHandle ? (
              <Link to={`/u/${profileHandle}`}>{look.subtitle}</Link>
            ) : (
              look.subtitle
            )}
          </p>
        </div>
        <Link to={`/search?in=${conversationId}`} className="icon-button thread-search" aria-label="Search in this conversation" title="Search in this conversation" data-testid="thread-search">
          <SearchIcon size={18} />
        </Link>
        {look.isGroup ? (
          <>
            <button type="button" className="button button-small button-ghost" onClick={() => setSettingsOpen(true)} data-testid="group-settings-button">
              Group settings
            </button>
            <GroupSettings conversation={conversation} viewerId={viewer.userId} open={settingsOpen} onClose={() => setSettingsOpen(false)} />
          </>
        ) : null}
      </header>
      {look.ownerView ? <TakeOverBar conversation={conversation} /> : null}
      {jump.note ? (
        <Notice tone="info" action={<button type="button" className="button button-small" onClick={jump.clearNote}>OK</button>}>
          {jump.note}
        </Notice>
      ) : null}
      <RichMessageContext.Provider value={rich}>
      <MessageList
        conversationId={conversationId}
        label={`Messages with ${look.title}`}
        viewerId={viewer.userId}
        messages={messages}
        pending={pending}
        seenSeq={look.isGroup ? 0 : facts.seenSeq}
        seenBy={look.isGroup ? facts.seenBy : null}
        hasOlder={history.hasOlder}
        loadingOlder={history.loadingOlder}
        olderFailed={Boolean(history.olderError)}
        onLoadOlder={() => void history.loadOlder()}
        onRetry={retry}
        onDiscard={discard}
      />
      </RichMessageContext.Provider>
      <p className="typing-line" aria-live="polite" data-testid="typing">
        {typists.length ? `${typists.join(', ')} ${typists.length > 1 ? 'are' : 'is'} typing…` : ''}
      </p>
      {replyingTo ? <ReplyComposerPreview quoted={replyingTo} viewerId={viewer.userId} onCancel={() => setReplyingTo(null)} /> : null}
      <ComposeBox
        conversationId={conversationId}
        placeholder={placeholder}
        files={files}
        onSend={sendWithReply}
        onTyping={typingSignal.onInput}
        onStop={typingSignal.stop}
        mentionable={look.isGroup ? conversation.groupAgents : undefined}
      />
    </section>
  );
}
