import { defineCode } from '../diagnostic.js';

// TOPO215x: what the network model finds while deciding addresses.
export const modelCodes = {
  poolExhausted: defineCode<{ pool: string; what: string }>({
    code: 'TOPO2150',
    severity: 'error',
    title: 'a link pool has no room left for a subnet',
    message: (a) => `link pool ${a.pool} has no room left for ${a.what}`,
    help: (a) => `give the link a \`subnet\`, or a larger \`link_pool\` than ${a.pool} in the enclosing \`as\`, \`vpc\` or file`,
  }),
} as const;
