import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** A set of CIDR ranges that answers whether a peer address is inside one of them. */
export interface AddressRanges {
  contains(address: string): boolean;
}

export type ParsedRanges = { ok: true; ranges: AddressRanges } | { ok: false; invalid: string };

/**
 * `::ffff:10.0.0.1` is how a dual-stack socket reports an IPv4 peer: compare it as the IPv4 address it is, so a
 * range written `10.0.0.0/8` matches. A zone id (`fe80::1%eth0`) names an interface, not part of the address.
 */
export const normalizeAddress = (address: string): string => {
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(plain);
  return mapped ? mapped[1]! : plain;
};

const familyOf = (address: string): 'ipv4' | 'ipv6' | undefined => {
  if (isIPv4(address)) return 'ipv4';
  return isIPv6(address) ? 'ipv6' : undefined;
};

/** Adds `a.b.c.d/n`, `x::y/n` or a bare address (one host); false when it is not one. */
const addRange = (list: BlockList, text: string): boolean => {
  const [rawAddress = '', prefix, extra] = text.trim().split('/');
  const written = familyOf(rawAddress);
  if (!written || extra !== undefined) return false;
  const max = written === 'ipv4' ? 32 : 128;
  if (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max)) return false;
  const address = normalizeAddress(rawAddress);
  const family = familyOf(address) ?? written;
  // A mapped address with an IPv6 prefix (`::ffff:10.0.0.0/104`) becomes the IPv4 range it covers.
  const bits = (prefix === undefined ? max : Number(prefix)) - (family === written ? 0 : 96);
  if (bits < 0) return false;
  list.addSubnet(address, bits, family);
  return true;
};

/** Parses a list of CIDR ranges (IPv4 and IPv6); the first entry that is not one is returned as `invalid`. */
export const parseAddressRanges = (entries: readonly string[]): ParsedRanges => {
  const list = new BlockList();
  for (const entry of entries) if (!addRange(list, entry)) return { ok: false, invalid: entry };
  return {
    ok: true,
    ranges: {
      contains: (address) => {
        const normalized = normalizeAddress(address);
        const family = familyOf(normalized);
        return family !== undefined && list.check(normalized, family);
      },
    },
  };
};

/**
 * Whether one range holds every IPv4 or every IPv6 address (`0.0.0.0/0`, `::/0`, `::ffff:0:0/96`): as trusted
 * proxies that would believe the header from anyone. A CIDR range is contiguous, so holding both ends means all.
 */
export const coversEveryAddress = (entry: string): boolean => {
  const parsed = parseAddressRanges([entry]);
  if (!parsed.ok) return false;
  const holds = (addresses: string[]): boolean => addresses.every((address) => parsed.ranges.contains(address));
  return holds(['0.0.0.0', '255.255.255.255']) || holds(['::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']);
};

/** A host Callboard can listen on without anyone else on the network reaching it. */
export const isLoopbackHost = (host: string): boolean => {
  const bare = normalizeAddress(host.replace(/^\[(.*)\]$/, '$1')).toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIPv4(bare) && bare.startsWith('127.');
};
