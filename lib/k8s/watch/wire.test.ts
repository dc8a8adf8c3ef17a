import { describe, expect, it } from 'vitest';
import { formatFrame, RowDecoder, RowEncoder, SseParser } from './wire';

describe('row encoding', () => {
  it('sends rows as arrays aligned to a growing field list', () => {
    const enc = new RowEncoder();
    const dec = new RowDecoder();
    const a = { uid: '1', name: 'a', labels: { app: 'x' }, lastRestart: undefined };
    const b = { uid: '2', name: 'b', owner: { kind: 'ReplicaSet', name: 'rs' } };
    const cells = [enc.encode(a), enc.encode(b)];
    const fields = enc.take();
    expect(fields).toEqual(['uid', 'name', 'labels', 'owner']);
    expect(cells).toEqual([['1', 'a', { app: 'x' }], ['2', 'b', null, { kind: 'ReplicaSet', name: 'rs' }]]);
    expect(enc.take()).toBeUndefined();
    dec.use(fields);
    expect(cells.map((c) => dec.decode(c))).toEqual([{ uid: '1', name: 'a', labels: { app: 'x' } }, b]);
  });
});

describe('SSE frames', () => {
  it('parses frames split anywhere, skipping comments', () => {
    const text = `: ${' '.repeat(10)}\n\n` + formatFrame({ event: 'delete', data: { uids: ['u1', 'u\n2'] }, id: '42' }) + ': ka\n\n'
      + formatFrame({ event: 'relist', data: { reason: 'expired' } });
    const frames = [];
    for (let cut = 1; cut < text.length; cut += 7) {
      const p = new SseParser();
      frames.length = 0;
      frames.push(...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)));
      expect(frames).toEqual([
        { event: 'delete', id: '42', data: '{"uids":["u1","u\\n2"]}' },
        { event: 'relist', data: '{"reason":"expired"}' },
      ]);
    }
  });
});
