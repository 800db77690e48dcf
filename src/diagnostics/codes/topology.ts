import { defineCode } from '../diagnostic.js';

export const topologyCodes = {
  selfLink: defineCode<{ keyword: string; name: string }>({
    code: 'TOPO2201',
    severity: 'error',
    title: 'connection from a node to itself',
    message: ({ keyword, name }) => `\`${keyword}\` connects \`${name}\` to itself`,
  }),
  duplicateLink: defineCode<{ a: string; b: string }>({
    code: 'TOPO2202',
    severity: 'error',
    title: 'two links between the same nodes',
    message: ({ a, b }) => `\`${a}\` and \`${b}\` are already linked`,
    help: () => 'keep one link; put its properties in one block',
  }),
  notLinkable: defineCode<{ keyword: string; name: string; what: string }>({
    code: 'TOPO2203',
    severity: 'error',
    title: 'connection to a process, container or subnet',
    message: ({ keyword, name, what }) => `\`${keyword}\` cannot connect \`${name}\`: it is ${what}`,
  }),
  switchSubnetConflict: defineCode<{ subnet: string; other: string }>({
    code: 'TOPO2204',
    severity: 'error',
    title: 'switches of one L2 segment with different subnets',
    message: ({ subnet, other }) => `switch subnet ${subnet} conflicts with ${other} in the same L2 segment`,
    help: () => 'linked switches form one segment with one subnet: set `subnet` on one of them only',
  }),
  subnetOnSwitchLink: defineCode<{ name: string }>({
    code: 'TOPO2205',
    severity: 'error',
    title: '`subnet` on a link to a switch',
    message: ({ name }) => `a link to switch \`${name}\` takes the switch's subnet`,
    help: ({ name }) => `remove \`subnet\` here, or set it on \`${name}\``,
  }),
} as const;
