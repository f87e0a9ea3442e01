/**
 * Writes a growing reply to the database at most every `intervalMs`, and once more
 * `intervalMs` after the last piece if that one was held back, so the stored text never lags
 * the published text for long even when the stream stalls. Writes happen one at a time, in
 * order. `fenced` turns true when a write finds the reply no longer belongs to this attempt.
 */
export class ContentWriter {
  fenced = false;
  private pending: string | null = null;
  private lastAt = 0;
  private timer?: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly write: (content: string) => Promise<boolean>,
    private readonly intervalMs: number,
  ) {}

  /** The content so far; resolves once it is written when a write is due now. */
  async push(content: string): Promise<void> {
    if (this.failure) throw this.failure;
    this.pending = content;
    const wait = this.lastAt + this.intervalMs - Date.now();
    if (this.lastAt === 0 || wait <= 0) return this.flush();
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error) => (this.failure = error));
    }, wait);
  }

  /** Stops the trailing write (the caller stores the final content itself) and waits for any in progress. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
    await this.chain.catch(() => undefined);
  }

  private flush(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.pending === null || this.fenced) return;
      const content = this.pending;
      this.pending = null;
      this.lastAt = Date.now();
      if (!(await this.write(content))) this.fenced = true;
    });
    return this.chain;
  }
}
