import { describe, expect, it } from 'vitest';
import { FairGate, GateFull } from './page-gate';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('FairGate', () => {
  it('gives the next slot to another user, not to the one that queued the most', async () => {
    const gate = new FairGate(2);
    const order: string[] = [];
    const hold = deferred();
    // Alice floods: 5 tasks; she may hold only one slot while others wait.
    const alice = Array.from({ length: 5 }, (_, i) => gate.run('alice', async () => { order.push(`a${i}`); await hold.promise; }));
    const bob = gate.run('bob', async () => { order.push('b0'); });
    await bob;
    expect(order).toEqual(['a0', 'b0']);
    hold.resolve();
    await Promise.all(alice);
    expect(order).toEqual(['a0', 'b0', 'a1', 'a2', 'a3', 'a4']);
  });

  it('never runs more than its permits at once, and frees a slot when a task fails', async () => {
    const gate = new FairGate(3);
    let running = 0;
    let peak = 0;
    const task = (fail: boolean) => async () => {
      running++;
      peak = Math.max(peak, running);
      await Promise.resolve();
      running--;
      if (fail) throw new Error('boom');
    };
    const all = Array.from({ length: 30 }, (_, i) => gate.run(`u${i % 4}`, task(i % 5 === 0)).catch(() => 'failed'));
    const results = await Promise.all(all);
    expect(peak).not.toBeGreaterThan(3);
    expect(results.filter((r) => r === 'failed')).toHaveLength(6);
  });

  it('is shared process-wide under one name', () => {
    const a = new FairGate(2, 'wheelhouse.test-gate');
    const b = new FairGate(2, 'wheelhouse.test-gate');
    expect((a as unknown as { state: unknown }).state).toBe((b as unknown as { state: unknown }).state);
  });

  it('with bounds, refuses at once past a user\'s share or a full line, and admits again once tasks end', async () => {
    const gate = new FairGate(1, undefined, { waiting: 2, perUser: 2 });
    const hold = deferred();
    const a = [gate.run('alice', () => hold.promise), gate.run('alice', () => hold.promise)];
    await expect(gate.run('alice', async () => 'a3')).rejects.toEqual(new GateFull('user'));
    const b = gate.run('bob', async () => 'b');
    await expect(gate.run('carol', async () => 'c')).rejects.toEqual(new GateFull('server'));
    hold.resolve();
    await Promise.all([...a, b]);
    await expect(gate.run('alice', async () => 'again')).resolves.toBe('again');
  });
});
