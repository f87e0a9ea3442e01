/** One turn of the conversation as a chat-completions model sees it. */
export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A note of the owner's that matched the question (full-text search). */
export interface KnowledgePassage {
  id: string;
  title: string;
  body: string;
  /** The most relevant part of the body, for long notes. */
  excerpt: string;
  rank: number;
  /** Share of the question's search terms the note contains (0–1). */
  coverage: number;
}

/** Everything a responder may use: built by ReplyContext from this conversation only. */
export interface ReplyRequest {
  /** The model to ask (OpenAI-compatible responder only). */
  model: string | undefined;
  /** System prompt (persona + notes) followed by the recent turns, oldest first, within the token budget. */
  turns: ChatTurn[];
  /** The person's latest message. */
  question: string;
  knowledge: KnowledgePassage[];
  agentName: string;
  ownerName: string;
  signal: AbortSignal;
}

/** Produces a reply as a stream of text pieces, in order. */
export interface Responder {
  /** What Message.responder says for a reply this responder produced. */
  label(model: string | undefined): string;
  stream(request: ReplyRequest): AsyncIterable<string>;
}

export type FailureReason = 'timeout' | 'rate_limited' | 'server_error' | 'interrupted' | 'rejected' | 'empty';

/** Why a responder could not answer; `restartable` failures are tried again from the start. */
export class ReplyFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly restartable = false,
  ) {
    super(message);
  }
}

/** The node is stopping: the job goes back to the queue and another node (or this one, restarted) redoes it. */
export class ShutdownError extends Error {
  constructor() {
    super('the node is shutting down');
  }
}
