import { defineCode } from '../diagnostic.js';

export const servicesCodes = {
  portConflict: defineCode<{ port: string; node: string; other: string }>({
    code: 'TOPO2301',
    severity: 'error',
    title: 'two processes listen on one port of a node',
    message: ({ port, node, other }) => `${port} on \`${node}\` is already taken by \`${other}\``,
    help: () => 'give one of them another `listen` port, or run it on another node',
  }),
  callCycle: defineCode<{ cycle: string }>({
    code: 'TOPO2302',
    severity: 'error',
    title: 'processes that call each other in a loop',
    message: ({ cycle }) => `calls loop back: ${cycle}`,
    help: () => 'a request would be forwarded for ever; break the loop',
  }),
  quorumTooLarge: defineCode<{ quorum: number; replicas: number }>({
    code: 'TOPO2303',
    severity: 'error',
    title: 'database quorum larger than its replicas',
    message: ({ quorum, replicas }) => `a quorum of ${quorum} cannot be reached with ${replicas} replica${replicas === 1 ? '' : 's'}`,
    help: ({ replicas }) => `use a quorum between 1 and ${replicas}`,
  }),
  notListening: defineCode<{ name: string; key: string }>({
    code: 'TOPO2304',
    severity: 'error',
    title: 'a target that listens on no port',
    message: ({ name, key }) => `\`${key}\` target \`${name}\` listens on no port`,
    help: ({ name }) => `add \`listen: tcp/PORT\` to \`${name}\``,
  }),
} as const;
