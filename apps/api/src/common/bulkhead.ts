/**
 * At most `limit` calls of a kind in progress at once in this process; the others wait their turn, first
 * come first served. A burst of heavy requests (a class submitting its runs at the teacher's signal) then
 * takes its share of the event loop and of the database pool a few at a time, instead of stalling the
 * light ones (autosaves) behind it for seconds.
 */
export class Bulkhead {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`a bulkhead needs 1 slot or more, not ${limit}`);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // the slot passes straight to the next in line, or is freed
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
