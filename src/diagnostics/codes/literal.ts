import { defineCode } from '../diagnostic.js';

/** TOPO11xx: malformed literals, reported by grammar/literals.ts at the exact bad part. */
export const literalCodes = {
  invalidIpv4: defineCode<{ raw: string; problem: string }>({
    code: 'TOPO1101',
    severity: 'error',
    title: 'invalid IPv4 address',
    message: ({ raw, problem }) => `invalid IPv4 address \`${raw}\`: ${problem}`,
    help: () => 'an IPv4 address is four decimal octets 0–255 separated by dots, like `10.0.1.2`',
  }),
  invalidPrefixLength: defineCode<{ raw: string }>({
    code: 'TOPO1102',
    severity: 'error',
    title: 'invalid prefix length',
    message: ({ raw }) => `invalid prefix length \`/${raw}\``,
    help: () => 'a prefix length is a whole number from 0 to 32, like `10.0.1.0/24`',
  }),
  invalidMac: defineCode<{ raw: string; problem: string }>({
    code: 'TOPO1103',
    severity: 'error',
    title: 'invalid MAC address',
    message: ({ raw, problem }) => `invalid MAC address \`${raw}\`: ${problem}`,
    help: () => 'a MAC address is six two-digit hex octets separated by `:`, like `02:00:0a:00:01:02`',
  }),
  unknownProtocol: defineCode<{ protocol: string; suggestion: string | null }>({
    code: 'TOPO1104',
    severity: 'error',
    title: 'unknown port protocol',
    message: ({ protocol }) => `unknown protocol \`${protocol}\` in port`,
    help: ({ suggestion }) => (suggestion ? `did you mean \`${suggestion}\`?` : 'a port is `tcp/N`, `udp/N` or `sctp/N`'),
  }),
  invalidPort: defineCode<{ raw: string; problem: string }>({
    code: 'TOPO1105',
    severity: 'error',
    title: 'invalid port number or range',
    message: ({ raw, problem }) => `invalid port \`${raw}\`: ${problem}`,
    help: () => 'a port is a number 0–65535, or a range `LOW-HIGH` with LOW ≤ HIGH, like `tcp/8000-8010`',
  }),
  unknownUnit: defineCode<{ unit: string; suggestion: string | null }>({
    code: 'TOPO1106',
    severity: 'error',
    title: 'unknown unit',
    message: ({ unit }) => `unknown unit \`${unit}\``,
    help: ({ suggestion }) =>
      suggestion
        ? `did you mean \`${suggestion}\`? (units are case-sensitive)`
        : 'units are B KB MB GB, bps Kbps Mbps Gbps, us ms s min h, and %',
  }),
  invalidNumber: defineCode<{ raw: string; problem: string }>({
    code: 'TOPO1107',
    severity: 'error',
    title: 'invalid number',
    message: ({ raw, problem }) => `invalid number \`${raw}\`: ${problem}`,
    help: () => 'numbers are decimal (`64500`, `1.5`) or hexadecimal (`0x11`), at most 2^53',
  }),
  invalidEscape: defineCode<{ escape: string }>({
    code: 'TOPO1108',
    severity: 'error',
    title: 'invalid escape in string',
    message: ({ escape }) => `invalid escape \`${escape}\` in string`,
    help: () => 'the escapes are `\\"` `\\\\` `\\n` `\\t` and `\\u{…}` with 1–6 hex digits of a Unicode code point',
  }),
} as const;
