import type { KnowledgePassage, ReplyRequest, Responder } from './responder';

/** A note answers the question when it holds at least this share of the question's search terms. */
const MIN_COVERAGE = 0.34;
const GREETING = /^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|thanks|thank you)\b[\s!.,]*$/i;

/**
 * The default responder: no network, no weights. It answers from the owner's notes (found by
 * PostgreSQL full-text search), quoting the note that covers the question best, and says so
 * plainly when none does — and that the owner will see the message. The persona is private
 * instructions (only the owner may read it), so it is never quoted.
 */
export class BuiltinResponder implements Responder {
  label(): string {
    return 'builtin';
  }

  async *stream(request: ReplyRequest): AsyncIterable<string> {
    // Word by word, like a model, so the person sees the same growing reply whatever answers.
    for (const piece of compose(request).match(/\S+\s*/g) ?? []) {
      if (request.signal.aborted) throw request.signal.reason;
      yield piece;
    }
  }
}

export function compose({ question, knowledge, agentName, ownerName }: Pick<ReplyRequest, 'question' | 'knowledge' | 'agentName' | 'ownerName'>): string {
  const answers = knowledge.filter((k) => k.coverage >= MIN_COVERAGE);
  if (answers.length === 0) {
    if (GREETING.test(question)) {
      return `Hello! I'm ${agentName}, ${ownerName}'s agent. I answer from notes ${ownerName} wrote, and ${ownerName} can read this conversation. What would you like to know?`;
    }
    return `I'm sorry, I don't have anything about that in ${ownerName}'s notes, so I won't guess. ${ownerName} can read this conversation and will see your message.`;
  }
  const [best, ...rest] = answers;
  const parts = [`Here is what ${ownerName}'s notes say about that:`, quote(best)];
  const next = rest.find((k) => k.rank >= best.rank * 0.6);
  if (next) parts.push('Also:', quote(next));
  parts.push(`If that does not answer it, ${ownerName} can read this conversation.`);
  return parts.join('\n\n');
}

function quote(passage: KnowledgePassage): string {
  return `${passage.title}\n${passage.excerpt}`;
}
