import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseAddressRanges } from '../../../src/http/auth/address-ranges.ts';

const rangesOf = (entries: string[]) => {
  const parsed = parseAddressRanges(entries);
  if (!parsed.ok) throw new Error(`unexpected invalid ${parsed.invalid}`);
  return parsed.ranges;
};

describe('parseAddressRanges', () => {
  it.each([
    ['10.0.0.0/8', '10.1.2.3', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.0.0.0/8', '::ffff:10.0.0.1', true],
    ['10.0.0.0/8', '::ffff:11.0.0.1', false],
    ['192.168.1.10/32', '192.168.1.10', true],
    ['192.168.1.10/32', '192.168.1.11', false],
    ['192.168.1.10', '192.168.1.10', true],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['fd00::/8', 'fd12:3456::1', true],
    ['fd00::/8', 'fe80::1', false],
    ['fd00::/8', '10.0.0.1', false],
    ['::1/128', '::1', true],
    ['::1', '::1', true],
    ['::ffff:10.0.0.0/104', '10.9.9.9', true],
    ['::ffff:10.0.0.0/104', '::ffff:10.9.9.9', true],
    ['::ffff:10.0.0.0/104', '11.0.0.1', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
  ])('%s holds %s: %s', (range, address, expected) => {
    expect(rangesOf([range]).contains(address)).toBe(expected);
  });

  it('matches any of several ranges and nothing for an empty or unknown address', () => {
    const ranges = rangesOf(['10.0.0.0/8', 'fd00::/8']);
    expect(ranges.contains('fd00::5')).toBe(true);
    expect(ranges.contains('10.0.0.5')).toBe(true);
    expect(ranges.contains('')).toBe(false);
    expect(ranges.contains('not-an-address')).toBe(false);
  });

  it.each(['10.0.0.0/33', 'fd00::/129', '10.0.0/8', 'proxy.internal', '10.0.0.0/8/1', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/x', '::ffff:10.0.0.0/64', ''])(
    'refuses %j',
    (entry) => {
      expect(parseAddressRanges(['10.0.0.0/8', entry])).toEqual({ ok: false, invalid: entry });
    },
  );
});

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '10.0.0.5', 'callboard.internal', '128.0.0.1'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
