import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the fake server does with one chat-completions request. */
export type Behaviour =
  /** Streams the chunks as real SSE (`data: {...}\n\n`, then `data: [DONE]`), delayMs apart. */
  | { kind: 'stream'; chunks: string[]; delayMs?: number; before?: Promise<unknown>; dieAfter?: number; stallAfter?: number; resume?: Promise<unknown> }
  /** Answers with an error status (and retry-after-ms, so the client's backoff stays short in tests). */
  | { kind: 'status'; status: number; retryAfterMs?: number }
  /** Sends the headers, then nothing. */
  | { kind: 'hang' };

export interface RecordedRequest {
  body: { model: string; stream: boolean; messages: { role: string; content: string }[]; max_tokens?: number };
  authorization: string | undefined;
}

/**
 * An OpenAI-compatible chat-completions server on loopback, for tests: real HTTP, real SSE.
 * `behave` decides each request (by its index); the server records what it was asked and how
 * many streams were open at once.
 */
export class FakeModelServer {
  readonly requests: RecordedRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  behave: (request: RecordedRequest, index: number) => Behaviour = () => ({ kind: 'stream', chunks: ['Hello', ' there', '!'] });
  private server!: Server;
  private readonly sockets = new Set<Socket>();

  static async start(): Promise<FakeModelServer> {
    const fake = new FakeModelServer();
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Every message text the model was ever sent. */
  get allText(): string {
    return this.requests.flatMap((r) => r.body.messages.map((m) => m.content)).join('\n');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const request: RecordedRequest = { body: JSON.parse(raw), authorization: req.headers.authorization };
    const index = this.requests.push(request) - 1;
    const behaviour = this.behave(request, index);
    if (behaviour.kind === 'status') {
      res.writeHead(behaviour.status, { 'content-type': 'application/json', 'retry-after-ms': String(behaviour.retryAfterMs ?? 10) });
      res.end(JSON.stringify({ error: { message: `fake error ${behaviour.status}`, type: 'server_error' } }));
      return;
    }
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => this.inFlight--);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    if (behaviour.kind === 'hang') return;
    await behaviour.before;
    const send = (delta: Record<string, unknown>, finish: string | null) =>
      res.write(`data: ${JSON.stringify({ id: `chatcmpl-${index}`, object: 'chat.completion.chunk', created: 0, model: request.body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    send({ role: 'assistant', content: '' }, null);
    for (const [i, chunk] of behaviour.chunks.entries()) {
      if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
      if (behaviour.dieAfter !== undefined && i === behaviour.dieAfter) {
        res.socket?.destroy(); // the server "dies" mid-stream: no finish, no [DONE], the connection just ends
        return;
      }
      if (behaviour.stallAfter !== undefined && i === behaviour.stallAfter) {
        if (!behaviour.resume) return; // the connection stays open, silent
        await behaviour.resume;
      }
      if (res.destroyed) return;
      send({ content: chunk }, null);
    }
    send({}, 'stop');
    res.end('data: [DONE]\n\n');
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
