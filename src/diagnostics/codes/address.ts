import { defineCode } from '../diagnostic.js';

export const addressCodes = {
  hostBits: defineCode<{ prefix: string; network: string }>({
    code: 'TOPO2101',
    severity: 'error',
    title: 'prefix with host bits set',
    message: ({ prefix }) => `prefix ${prefix} has host bits set`,
    help: ({ network }) => `write the network address: ${network}`,
  }),
  duplicateIp: defineCode<{ addr: string; subnet: string }>({
    code: 'TOPO2102',
    severity: 'error',
    title: 'address used twice in one subnet',
    message: ({ addr, subnet }) => `address ${addr} is used twice in ${subnet}`,
    help: () => 'give one of them another address, or omit `ip` to have one assigned',
  }),
  duplicateMac: defineCode<{ mac: string; domain: string }>({
    code: 'TOPO2103',
    severity: 'error',
    title: 'MAC address used twice in one L2 segment',
    message: ({ mac, domain }) => `MAC address ${mac} is used twice on ${domain}`,
    help: () => 'omit `mac` to have one derived from the interface address',
  }),
  outsideSubnet: defineCode<{ addr: string; where: string }>({
    code: 'TOPO2104',
    severity: 'error',
    title: 'address outside the subnets of the node\'s links',
    message: ({ addr, where }) => `address ${addr} is outside ${where}`,
  }),
  overlappingSubnets: defineCode<{ a: string; b: string }>({
    code: 'TOPO2105',
    severity: 'error',
    title: 'overlapping subnets',
    message: ({ a, b }) => `${a} overlaps ${b}`,
    help: () => 'give each link, segment, pool and VPC subnet its own address range',
  }),
  natPoolOverlap: defineCode<{ pool: string; inside: string }>({
    code: 'TOPO2106',
    severity: 'error',
    title: 'NAT pool overlaps the addresses it translates',
    message: ({ pool, inside }) => `NAT pool ${pool} overlaps the inside range ${inside}`,
    help: () => 'the pool holds the public addresses the inside range is translated to: they must differ',
  }),
  reservedAddress: defineCode<{ addr: string; which: string; subnet: string }>({
    code: 'TOPO2107',
    severity: 'error',
    title: 'network or broadcast address used as a host address',
    message: ({ addr, which, subnet }) => `${addr} is the ${which} address of ${subnet}, not a host address`,
  }),
  lengthMismatch: defineCode<{ iface: string; subnet: string }>({
    code: 'TOPO2108',
    severity: 'error',
    title: 'interface prefix length differs from its subnet',
    message: ({ iface, subnet }) => `interface address ${iface} does not match the length of its subnet ${subnet}`,
  }),
} as const;
