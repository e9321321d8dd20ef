/**
 * Group commit: batches that arrive while a commit is running wait for the next one and share
 * it, so many small requests cost few transactions, and each caller's promise settles only
 * when its own items are committed (or the commit failed, storing none of them).
 */
interface Waiting<T> {
  items: readonly T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommitter<T> {
  private waiting: Waiting<T>[] = [];
  private running = false;

  constructor(
    private readonly commit: (items: T[]) => Promise<void>,
    /** Most items in one commit; batches beyond it wait for the next. */
    private readonly maxItems = 50_000,
  ) {}

  submit(items: readonly T[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      void this.drain();
    });
  }

  /** Resolves once everything submitted so far is committed or refused. */
  async idle(): Promise<void> {
    while (this.running || this.waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        let count = 0;
        let take = 0;
        while (
          take < this.waiting.length &&
          (take === 0 || count + (this.waiting[take]?.items.length ?? 0) <= this.maxItems)
        ) {
          count += this.waiting[take]?.items.length ?? 0;
          take++;
        }
        const group = this.waiting.splice(0, take);
        try {
          await this.commit(group.flatMap((waiting) => waiting.items));
          for (const waiting of group) waiting.resolve();
        } catch (error) {
          for (const waiting of group) waiting.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
