import { defineCode } from '../diagnostic.js';

export const mobileCodes = {
  bearerLength: defineCode<{ count: number }>({
    code: 'TOPO2401',
    severity: 'error',
    title: 'bearer without exactly three hops',
    message: ({ count }) => `a bearer goes through 3 nodes, not ${count}`,
    help: () => 'write `bearer UE via RADIO_ACCESS, GTP_RELAY, GTP_ANCHOR` (e.g. eNodeB, SGW, PGW)',
  }),
  bearerRole: defineCode<{ name: string; role: string; kind: string }>({
    code: 'TOPO2402',
    severity: 'error',
    title: 'bearer through a node that cannot play that role',
    message: ({ name, role, kind }) => `\`${name}\` (${kind}) cannot be the ${role} of a bearer`,
    help: () => 'a bearer runs UE via radio_access -> gtp_relay -> gtp_anchor, in that order',
  }),
  anchorWithoutPool: defineCode<{ name: string }>({
    code: 'TOPO2403',
    severity: 'error',
    title: 'bearer anchor without a UE address pool',
    message: ({ name }) => `\`${name}\` anchors a bearer but has no \`ue_pool\` to give the UE an address`,
    help: ({ name }) => `add \`ue_pool: 100.64.0.0/16\` to \`${name}\``,
  }),
  notSubscriber: defineCode<{ ue: string }>({
    code: 'TOPO2404',
    severity: 'error',
    title: 'UE with a bearer is no subscriber',
    message: ({ ue }) => `\`${ue}\` has a bearer but no subscriber store lists it`,
    help: ({ ue }) => `add \`subscriber: ${ue}\` to an HSS`,
  }),
  noMobilityManager: defineCode<{ name: string }>({
    code: 'TOPO2405',
    severity: 'error',
    title: 'radio access node without a mobility manager',
    message: ({ name }) => `\`${name}\` has no \`control\` adjacency to a mobility manager to set up the bearer`,
    help: ({ name }) => `add \`control ${name} -- MME\``,
  }),
  subscriberUnreachable: defineCode<{ ue: string }>({
    code: 'TOPO2406',
    severity: 'error',
    title: 'mobility manager cannot reach the UE\'s subscriber store',
    message: ({ ue }) => `no mobility manager serving this bearer can reach a subscriber store that lists \`${ue}\``,
    help: () => 'connect the MME to the HSS with `control MME -- HSS`',
  }),
} as const;
