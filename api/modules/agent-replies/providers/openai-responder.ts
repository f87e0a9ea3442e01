import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import type { AgentReplyConfig } from '../../../shared/config';
import { ReplyFailure, ReplyRequest, Responder } from './responder';

/**
 * Any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM, llama.cpp, LM Studio),
 * streamed over SSE by the official client. The client retries 429 and 5xx answers (and
 * connection failures before the first byte) with exponential backoff, honouring
 * retry-after(-ms); a stream cut off midway is ours to restart (ReplyFailure 'interrupted').
 */
export class OpenAiResponder implements Responder {
  private readonly client: OpenAI;

  constructor(private readonly config: AgentReplyConfig) {
    this.client = new OpenAI({
      baseURL: config.modelBaseUrl,
      // Local servers (Ollama, llama.cpp) need no key, but the client insists on one.
      apiKey: config.modelApiKey ?? 'no-key',
      maxRetries: config.modelRetries,
      // Until the response headers arrive; the body is watched by the generator's idle timer.
      timeout: config.idleTimeoutMs,
    });
  }

  label(model: string | undefined): string {
    return model ?? this.config.model ?? 'model';
  }

  async *stream(request: ReplyRequest): AsyncIterable<string> {
    let stream;
    try {
      stream = await this.client.chat.completions.create(
        { model: request.model ?? this.config.model!, messages: request.turns, stream: true, max_tokens: this.config.maxReplyTokens },
        { signal: request.signal },
      );
    } catch (error) {
      throw classify(error, request.signal);
    }
    try {
      for await (const chunk of stream) {
        const text = chunk.choices[0]?.delta?.content;
        if (text) yield text;
      }
    } catch (error) {
      throw classify(error, request.signal);
    }
    // The client ends iteration quietly when the signal aborts: that is not a finished answer.
    if (request.signal.aborted) throw request.signal.reason;
  }
}

function classify(error: unknown, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason;
  if (error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionError) return new ReplyFailure('interrupted', `could not reach the model server: ${error.message}`, true);
  if (error instanceof APIError) {
    if (error.status === 429) return new ReplyFailure('rate_limited', 'the model server is rate limiting us');
    if (error.status === undefined) return new ReplyFailure('server_error', `the model server reported an error: ${error.message}`);
    if (error.status >= 500) return new ReplyFailure('server_error', `the model server failed (${error.status})`);
    return new ReplyFailure('rejected', `the model server refused the request (${error.status})`);
  }
  // A body cut off midway (undici: "terminated"), a reset socket, malformed SSE.
  return new ReplyFailure('interrupted', `the reply stream broke off: ${(error as Error)?.message ?? error}`, true);
}
