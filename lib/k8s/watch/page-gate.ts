// Bounds how many big LIST pages the whole server fetches and decodes at once. Every open stream lists with its own
// user's token; without a bound, ten users opening 30,000 pods at the same moment hold ten pages of decoded JSON
// (~10 MB each) at once. Pages beyond the bound wait their turn (first in, first out). The first page of each
// listing does not wait: it is small and it is what the user is looking at.

export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly permits: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.permits) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

export const pageGate = new Gate(2);
