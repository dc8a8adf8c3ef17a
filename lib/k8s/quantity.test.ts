import { describe, expect, it } from 'vitest';
import { bytes, milliCpu, parseQuantity } from './quantity';

describe('quantities', () => {
  it('parses decimal, binary and exponent forms', () => {
    expect(parseQuantity('250m')).toBeCloseTo(0.25);
    expect(parseQuantity('1.5')).toBe(1.5);
    expect(parseQuantity('128Mi')).toBe(128 * 2 ** 20);
    expect(parseQuantity('1.5Gi')).toBe(1.5 * 2 ** 30);
    expect(parseQuantity('2k')).toBe(2000);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('12345Ki')).toBe(12345 * 1024);
  });
  it('rejects what is not a quantity', () => {
    for (const q of ['', 'abc', '1.2.3', '5 m', '1mi', undefined]) expect(parseQuantity(q)).toBeNaN();
  });
  it('rounds CPU up to millicores like Quantity.MilliValue', () => {
    expect(milliCpu('123456789n')).toBe(124);
    expect(milliCpu('1n')).toBe(1);
    expect(milliCpu('0')).toBe(0);
    expect(milliCpu('0.3')).toBe(300);
    expect(milliCpu('2')).toBe(2000);
    expect(milliCpu('500m')).toBe(500);
  });
  it('reads memory in bytes', () => {
    expect(bytes('180Mi')).toBe(180 * 2 ** 20);
    expect(bytes('1000')).toBe(1000);
  });
});
