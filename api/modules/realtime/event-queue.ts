/**
 * A bounded queue read as an async iterator. Events are pushed as they arrive and pulled as the
 * socket takes them; a subscriber that falls more than `capacity` events behind is ended with
 * an error instead of growing memory without bound.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting?: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void };
  private done = false;
  private failure?: Error;

  constructor(private readonly capacity: number, private readonly onClose: () => void) {}

  push(item: T): void {
    if (this.done) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (this.items.length >= this.capacity) {
      this.fail(new Error('Subscriber fell too far behind; resubscribe with `after` to catch up'));
      return;
    }
    this.items.push(item);
  }

  fail(error: Error): void {
    if (this.done) return;
    this.failure = error;
    this.finish();
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = undefined;
      reject(error);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.failure) {
      const error = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.finish();
    this.items.length = 0;
    if (this.waiting) {
      this.waiting.resolve({ value: undefined, done: true });
      this.waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.onClose();
  }
}
