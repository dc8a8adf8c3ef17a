import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';
import { LIMIT_BYTES, parseLogOptions, podLogQuery } from './options';

const q = (s: string) => new URLSearchParams(s);

describe('parseLogOptions', () => {
  it('reads the kubectl logs flags', () => {
    expect(parseLogOptions(q('container=nginx&tailLines=50&follow=1&timestamps=true&previous=0'))).toEqual({
      container: 'nginx', tailLines: 50, follow: true, timestamps: true, previous: false,
    });
  });
  it('defaults to no tail, no follow', () => expect(parseLogOptions(q(''))).toEqual({ follow: false, timestamps: false, previous: false }));
  it.each(['tailLines=0', 'tailLines=10001', 'tailLines=-1', 'tailLines=1.5', 'tailLines=abc', 'container=Nginx', 'container=a/b', 'container=../x', 'follow=yes'])(
    'refuses %s',
    (s) => {
      expect(() => parseLogOptions(q(s))).toThrow(ApiError);
    },
  );
});

describe('podLogQuery', () => {
  it('caps a non-followed read and omits false flags', () => {
    expect(podLogQuery({ tailLines: 10, follow: false, previous: false, timestamps: false }, 'c')).toEqual({
      container: 'c', tailLines: 10, previous: undefined, timestamps: undefined, follow: undefined, limitBytes: LIMIT_BYTES,
    });
  });
  it('lets the caller force timestamps', () => {
    expect(podLogQuery({ follow: true, previous: true, timestamps: false }, undefined, true)).toMatchObject({ timestamps: true, follow: true, previous: true, limitBytes: undefined });
  });
});
