import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { LiveRequest } from '@/lib/k8s/watch/mux-wire';
import { openLiveStream, type LiveStream } from './live-connection';

// One live connection per browser, whatever the number of tabs: the tabs elect a leader with the Web Locks API
// (`wheelhouse-live`, held for the tab's life; when the leader closes, the next waiting tab gets it) and only the
// leader holds GET /api/live. It announces the connection id on a BroadcastChannel; each tab subscribes its own
// lists with its own POSTs, and the leader hands each frame to the tab that owns it (the subscription id starts with
// the tab's id) over that tab's own channel, so a tab receives only its own data. Every tab also holds a lock named
// after itself; the leader waits on it, and when it is granted (the tab is gone, even if it crashed) it
// unsubscribes everything of that tab. Without Web Locks or BroadcastChannel a tab is its own leader.

export interface TransportEvents {
  /** The connection to subscribe on (undefined while there is none; `final`: not retried until needed again). */
  conn(conn: string | undefined, error?: ApiErrorBody, final?: boolean): void;
  frame(sub: string, payload: Uint8Array): void;
  end(sub: string, error?: ApiErrorBody): void;
}

type Shared = { t: 'hello'; tab: string } | { t: 'leader' } | { t: 'conn'; conn?: string; error?: ApiErrorBody; final?: boolean };
type Direct = { sub: string; payload: Uint8Array } | { sub: string; end: true; error?: ApiErrorBody };

const NAME = 'wheelhouse-live';
const forever = () => new Promise<never>(() => {});

export interface Transport {
  /** This tab has subscriptions and no connection: ask the leader for one (restarts a stopped connection). */
  need(): void;
}

/** What the transport needs of the browser (a test passes its own). */
export interface TransportEnv {
  locks: Pick<LockManager, 'request'>;
  channel(name: string): BroadcastChannel;
  open: typeof openLiveStream;
}

function browserEnv(): TransportEnv | undefined {
  if (typeof BroadcastChannel === 'undefined' || typeof navigator === 'undefined' || !navigator.locks) return undefined;
  return { locks: navigator.locks, channel: (name) => new BroadcastChannel(name), open: openLiveStream };
}

export function joinTransport(tab: string, ev: TransportEvents, post: (body: LiveRequest) => Promise<unknown>, env = browserEnv()): Transport {
  if (!env) {
    const leader = new Leader(tab, ev, post, undefined, undefined);
    leader.start();
    return { need: () => leader.need() };
  }
  const bc = env.channel(NAME);
  const mine = env.channel(`${NAME}:${tab}`);
  let leader: Leader | undefined;
  // The leader takes a tab's own lock to learn that the tab is gone, and then drops its subscriptions. So this tab
  // says hello and subscribes (acts on a connection id) only once it holds that lock: before, the leader could be
  // granted it first and drop the live subscriptions of a tab that is still there (a list that stays loading).
  // Chromium grants a document's first lock request only after an asynchronous storage-access check, while a
  // BroadcastChannel message goes out at once, so this was the common case, not a rare one.
  let held = false;
  let early: Extract<Shared, { t: 'conn' }> | undefined;
  mine.onmessage = (e: MessageEvent<Direct>) => ('end' in e.data ? ev.end(e.data.sub, e.data.error) : ev.frame(e.data.sub, e.data.payload));
  bc.onmessage = (e: MessageEvent<Shared>) => {
    const m = e.data;
    if (!held) {
      if (m.t === 'conn') early = m;
      return;
    }
    if (m.t === 'conn') ev.conn(m.conn, m.error, m.final);
    else if (m.t === 'leader') hello();
    else if (m.t === 'hello') leader?.hello(m.tab);
  };
  const hello = () => bc.postMessage({ t: 'hello', tab } satisfies Shared);
  void env.locks.request(`${NAME}-tab:${tab}`, () => {
    held = true;
    if (early) ev.conn(early.conn, early.error, early.final);
    early = undefined;
    hello();
    void env.locks.request(NAME, () => {
      leader = new Leader(tab, ev, post, bc, env);
      leader.start();
      return forever();
    });
    return forever();
  });
  return { need: () => (leader ? leader.need() : held && hello()) };
}

class Leader {
  private conn?: string;
  private down?: { error?: ApiErrorBody; final?: boolean };
  private stream?: LiveStream;
  private readonly watched = new Set<string>();
  private readonly channels = new Map<string, BroadcastChannel>();

  constructor(
    private readonly tab: string,
    private readonly ev: TransportEvents,
    private readonly post: (body: LiveRequest) => Promise<unknown>,
    private readonly bc: BroadcastChannel | undefined,
    private readonly env: TransportEnv | undefined,
  ) {}

  start(): void {
    this.bc?.postMessage({ t: 'leader' } satisfies Shared);
    this.stream = (this.env?.open ?? openLiveStream)({
      hello: (conn) => {
        this.conn = conn;
        this.down = undefined;
        this.announce();
      },
      frame: (sub, payload) => this.route({ sub, payload }),
      end: (sub, error) => this.route({ sub, end: true, error }),
      down: (error, final) => {
        this.conn = undefined;
        this.down = { error, final };
        this.announce();
      },
    });
  }

  hello(tab: string): void {
    this.watch(tab);
    this.need();
  }

  need(): void {
    if (this.down?.final) this.stream?.kick();
    this.announce();
  }

  private announce(): void {
    const m: Shared = { t: 'conn', conn: this.conn, error: this.down?.error, final: this.down?.final };
    this.ev.conn(m.conn, m.error, m.final);
    this.bc?.postMessage(m);
  }

  private route(m: Direct): void {
    const owner = m.sub.slice(0, m.sub.indexOf('.'));
    if (owner === this.tab || !this.bc) {
      if ('end' in m) this.ev.end(m.sub, m.error);
      else this.ev.frame(m.sub, m.payload);
      return;
    }
    this.watch(owner);
    let ch = this.channels.get(owner);
    if (!ch) this.channels.set(owner, (ch = this.env!.channel(`${NAME}:${owner}`)));
    ch.postMessage(m);
  }

  /** Once the tab's own lock is free, the tab is gone: drop its subscriptions. */
  private watch(tab: string): void {
    if (tab === this.tab || this.watched.has(tab) || !this.bc || !this.env) return;
    this.watched.add(tab);
    void this.env.locks.request(`${NAME}-tab:${tab}`, async () => {
      this.watched.delete(tab);
      this.channels.get(tab)?.close();
      this.channels.delete(tab);
      if (this.conn) await this.post({ conn: this.conn, dropTab: tab }).catch(() => {});
    });
  }
}
