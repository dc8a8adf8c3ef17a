import { describe, expect, it } from 'vitest';
import { CONTROL_SUB, encodeControl, encodeFrame, MuxParser } from './mux-wire';

const utf8 = new TextEncoder();
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('live connection frames', () => {
  it('round-trips frames split at every byte, multi-byte text included', () => {
    const bytes = new Uint8Array([
      ...encodeControl({ t: 'hello', conn: 'c1' }),
      ...encodeFrame('tab.1', utf8.encode('event: relist\ndata: {"reason":"initial"}\n\n')),
      ...encodeFrame('tab.2', utf8.encode('größe → 42\n')),
      ...encodeFrame('tab.3', new Uint8Array(0)),
    ]);
    for (const step of [1, 2, 7, bytes.length]) {
      const parser = new MuxParser();
      const frames = [];
      for (let i = 0; i < bytes.length; i += step) frames.push(...parser.push(bytes.slice(i, i + step)));
      expect(frames.map((f) => [f.sub, text(f.payload)])).toEqual([
        [CONTROL_SUB, '{"t":"hello","conn":"c1"}'],
        ['tab.1', 'event: relist\ndata: {"reason":"initial"}\n\n'],
        ['tab.2', 'größe → 42\n'],
        ['tab.3', ''],
      ]);
    }
  });

  it('counts bytes, not characters', () => {
    const frame = encodeFrame('t.1', utf8.encode('é'));
    expect(text(frame)).toBe('t.1 2\né');
  });

  it('refuses a malformed or endless header', () => {
    expect(() => new MuxParser().push(utf8.encode('no-length\n'))).toThrow(/malformed/);
    expect(() => new MuxParser().push(utf8.encode('x'.repeat(100)))).toThrow(/malformed/);
  });
});
