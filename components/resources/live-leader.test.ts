import { afterEach, describe, expect, it } from 'vitest';
import type { LiveRequest } from '@/lib/k8s/watch/mux-wire';
import type { LiveStream, StreamHandlers } from './live-connection';
import { joinTransport, type TransportEnv, type TransportEvents } from './live-leader';

// The tabs' protocol (live-leader.ts) over Node's real BroadcastChannel, with a small model of the browser's Web Locks:
// one holder per name, first come first served, and a tab's locks released when the tab closes. Like Chromium, a
// tab's first lock requests can reach the lock manager late (an asynchronous storage-access check): `gated` holds
// them back until the test opens the gate. The race fixed here: a tab that announced itself before it held its own
// lock let the leader take that lock, conclude the tab had closed, and drop the tab's live subscriptions.

type Grant = () => void;
const queues = new Map<string, Grant[]>();
const holding = new Set<string>();
const channels: BroadcastChannel[] = [];

function acquire(name: string, grant: Grant): void {
  if (!holding.has(name)) {
    holding.add(name);
    grant();
  } else queues.set(name, [...(queues.get(name) ?? []), grant]);
}

function release(name: string): void {
  const next = queues.get(name)?.shift();
  if (next) next();
  else holding.delete(name);
}

/** One tab's view of the browser: its lock requests (held back until `open()` when gated), and closing it. */
function tabEnv(stream: (h: StreamHandlers) => LiveStream, gated = false) {
  const mine = new Set<string>();
  let gate: (() => void)[] | undefined = gated ? [] : undefined;
  const locks: TransportEnv['locks'] = {
    request: ((name: string, cb: () => Promise<unknown>) => {
      const go = () => acquire(name, () => {
        mine.add(name);
        void Promise.resolve(cb()).finally(() => {
          mine.delete(name);
          release(name);
        });
      });
      if (gate) gate.push(go);
      else go();
      return Promise.resolve();
    }) as TransportEnv['locks']['request'],
  };
  const channel = (name: string) => {
    const c = new BroadcastChannel(name);
    channels.push(c);
    return c;
  };
  return {
    env: { locks, channel, open: stream } satisfies TransportEnv,
    open() {
      const waiting = gate ?? [];
      gate = undefined;
      waiting.forEach((go) => go());
    },
    /** The tab closed: the browser releases every lock it held. */
    close() {
      for (const name of [...mine]) {
        mine.delete(name);
        release(name);
      }
    },
  };
}

function events() {
  const seen = { conns: [] as (string | undefined)[], frames: [] as string[] };
  const ev: TransportEvents = {
    conn: (conn) => seen.conns.push(conn),
    frame: (sub) => seen.frames.push(sub),
    end: () => {},
  };
  return { seen, ev };
}

const noStream = () => ({ kick() {}, stop() {} });

/** Posts a probe from one channel to another and waits until the receiver handled it (and so all sent before it). */
async function probe(from: BroadcastChannel, to: BroadcastChannel): Promise<void> {
  let probed = false;
  const handle = to.onmessage!.bind(to);
  to.onmessage = (e: MessageEvent) => ((e.data as { t: string }).t === 'probe' ? (probed = true) : handle(e));
  from.postMessage({ t: 'probe' });
  await until(() => probed);
  to.onmessage = handle;
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  expect(cond()).toBe(true);
}

afterEach(() => {
  channels.splice(0).forEach((c) => c.close());
  queues.clear();
  holding.clear();
});

describe('tabs sharing one live connection', () => {
  it('a tab says nothing and takes no connection until it holds its own lock', async () => {
    const tab = tabEnv(noStream, true);
    const { seen, ev } = events();
    const observer = new BroadcastChannel('wheelhouse-live');
    channels.push(observer);
    const heard: unknown[] = [];
    observer.onmessage = (e: MessageEvent) => heard.push(e.data);
    const transport = joinTransport('t1', ev, async () => {}, tab.env);
    transport.need();
    // A leader announces its connection; the probe after it (same sender, so in order) shows it was handled.
    observer.postMessage({ t: 'conn', conn: 'c1' });
    await probe(observer, channels[channels.length - 2]); // the tab's shared channel (joinTransport opens it first)
    expect(seen.conns).toEqual([]);
    expect(heard).toEqual([]);
    tab.open();
    await until(() => seen.conns.length > 0 && heard.length > 0);
    expect(seen.conns).toEqual(['c1']);
    expect(heard).toContainEqual({ t: 'hello', tab: 't1' });
  });

  it("the leader routes a follower's frames to it and drops its subscriptions only once the follower has closed", async () => {
    let handlers: StreamHandlers | undefined;
    const leaderTab = tabEnv((h) => {
      handlers = h;
      queueMicrotask(() => h.hello('c1'));
      return noStream();
    });
    const posts: LiveRequest[] = [];
    const leader = events();
    joinTransport('lead', leader.ev, async (body) => posts.push(body), leaderTab.env);
    await until(() => leader.seen.conns.includes('c1'));

    // The follower's first lock requests are slow to reach the lock manager (as in Chromium).
    const followerTab = tabEnv(noStream, true);
    const follower = events();
    const [leaderShared] = channels;
    joinTransport('f1', follower.ev, async () => {}, followerTab.env).need();
    // Whatever the follower sent so far has reached the leader before its lock requests arrive.
    await probe(channels[channels.length - 2], leaderShared);
    followerTab.open();
    await until(() => follower.seen.conns.includes('c1'));
    handlers!.frame('f1.1', new Uint8Array([1]));
    await until(() => follower.seen.frames.includes('f1.1'));
    expect(posts).toEqual([]);

    followerTab.close();
    await until(() => posts.length > 0);
    expect(posts).toEqual([{ conn: 'c1', dropTab: 'f1' }]);
  });
});
