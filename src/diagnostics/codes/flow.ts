import { defineCode } from '../diagnostic.js';

export const flowCodes = {
  fromNotEndpoint: defineCode<{ name: string; kind: string }>({
    code: 'TOPO2601',
    severity: 'error',
    title: 'flow from a node that cannot originate traffic',
    message: ({ name, kind }) => `a flow starts at an endpoint, UE or VM; \`${name}\` is ${kind}`,
  }),
  malformedUrl: defineCode<{ text: string; reason: string }>({
    code: 'TOPO2602',
    severity: 'error',
    title: 'malformed flow destination',
    message: ({ text, reason }) => `"${text}" is not a valid destination: ${reason}`,
    help: () => 'write a URL like "https://shop.example.com/orders" or a host name like "shop.example.com"',
  }),
  unknownScheme: defineCode<{ scheme: string }>({
    code: 'TOPO2603',
    severity: 'error',
    title: 'URL scheme without a known port',
    message: ({ scheme }) => `no default port for the URL scheme \`${scheme}\``,
    help: () => 'add the port to the URL, or set `port:` in the flow',
  }),
  unservedName: defineCode<{ host: string }>({
    code: 'TOPO2604',
    severity: 'error',
    title: 'host name no DNS zone serves',
    message: ({ host }) => `no \`gslb\` zone serves ${host}`,
    help: ({ host }) => `declare a gslb with \`zone: "${host}"\` (or a parent domain), or use an address or node`,
  }),
} as const;
