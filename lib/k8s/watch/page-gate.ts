// Bounds how many big LIST pages the whole server fetches and decodes at once. Every open stream lists with its own
// user's token; without a bound, ten users opening 30,000 pods at the same moment hold ten pages of decoded JSON
// (~10 MB each) at once. Pages beyond the bound wait their turn. The first page of each listing does not wait: it
// is small and it is what the user is looking at.
//
// Fair per user: waiting tasks queue per user (key), the next free slot goes to the users in turn, and no user holds
// more than `permits - 1` slots at once while others wait — one user opening many lists cannot starve the rest.
// Process-wide (globalThis): Next.js bundles each route separately, and a module-level gate would exist per bundle.

interface GateState { active: number; activeBy: Map<string, number>; waiting: Map<string, (() => void)[]> }

/** Optional bounds on the waiting line: past them `run` refuses at once (GateFull) instead of queueing. */
export interface QueueBounds { waiting: number; perUser: number }

export class GateFull extends Error {
  constructor(readonly scope: 'server' | 'user') {
    super(`gate full (${scope})`);
  }
}

export class FairGate {
  private readonly state: GateState;

  constructor(private readonly permits: number, name?: string, private readonly bounds?: QueueBounds) {
    const fresh: GateState = { active: 0, activeBy: new Map(), waiting: new Map() };
    if (!name) this.state = fresh;
    else {
      const g = globalThis as unknown as Record<symbol, GateState | undefined>;
      this.state = g[Symbol.for(name)] ??= fresh;
    }
  }

  private userCap(): number {
    return Math.max(1, this.permits - 1);
  }

  private canStart(key: string): boolean {
    return this.state.active < this.permits && (this.state.activeBy.get(key) ?? 0) < this.userCap();
  }

  /** Starts the longest-waiting task of the next user in turn that may start one. */
  private next(): void {
    const { waiting } = this.state;
    for (const [key, queue] of waiting) {
      if (!this.canStart(key)) continue;
      const resolve = queue.shift()!;
      waiting.delete(key);
      if (queue.length) waiting.set(key, queue); // to the back of the line
      this.take(key);
      resolve();
      return;
    }
  }

  private take(key: string): void {
    this.state.active++;
    this.state.activeBy.set(key, (this.state.activeBy.get(key) ?? 0) + 1);
  }

  private checkBounds(key: string): void {
    if (!this.bounds) return;
    const mine = (this.state.activeBy.get(key) ?? 0) + (this.state.waiting.get(key)?.length ?? 0);
    if (mine >= this.bounds.perUser) throw new GateFull('user');
    let waiting = 0;
    for (const q of this.state.waiting.values()) waiting += q.length;
    if (waiting >= this.bounds.waiting) throw new GateFull('server');
  }

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    this.checkBounds(key);
    if (this.canStart(key) && !this.state.waiting.has(key)) this.take(key);
    else {
      await new Promise<void>((resolve) => {
        const queue = this.state.waiting.get(key) ?? [];
        queue.push(resolve);
        this.state.waiting.set(key, queue);
      });
    }
    try {
      return await task();
    } finally {
      this.state.active--;
      const left = (this.state.activeBy.get(key) ?? 1) - 1;
      if (left > 0) this.state.activeBy.set(key, left);
      else this.state.activeBy.delete(key);
      this.next();
    }
  }
}

export const pageGate = new FairGate(2, 'wheelhouse.page-gate');
