import type { BareValue } from './program.js';

/**
 * The built-in behaviours as data: what the compiler knows. Kinds (`pgw`, `router`, `vm`…) are declared in
 * `.topo` files from these; nothing here names a kind or a node.
 */
export const BEHAVIOURS = [
  'endpoint', 'router', 'switch', 'nat', 'ue', 'radio_access', 'gtp_relay', 'gtp_anchor', 'mobility_manager',
  'subscriber_store', 'vxlan_host', 'vm', 'virtual_gateway', 'autonomous_system', 'vpc', 'subnet',
  'service', 'proxy', 'database', 'resolver', 'gslb', 'cache',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export function isBehaviour(word: string): word is Behaviour {
  return (BEHAVIOURS as readonly string[]).includes(word);
}

/** The type of one comma-separated element of a property value. */
export type PropType =
  | { t: 'ip' } // 10.0.0.1
  | { t: 'iface' } // 10.0.0.1/24 (the length may be left to the link's subnet)
  | { t: 'prefix' } // 10.0.0.0/24
  | { t: 'mac' }
  | { t: 'port' }
  | { t: 'number' }
  | { t: 'asn' }
  | { t: 'size' }
  | { t: 'rate' }
  | { t: 'duration' }
  | { t: 'percent' }
  | { t: 'string' }
  | { t: 'word'; words: readonly string[] }
  | { t: 'flag' }
  /** A reference to a declaration that has one of `behaviours` (any declaration when empty). */
  | { t: 'ref'; behaviours: readonly Behaviour[] }
  /** `FROM -> TO`, e.g. `198.51.100.10 -> haproxy`. */
  | { t: 'arrow'; from: PropType; to: PropType }
  | { t: 'oneOf'; types: readonly PropType[] }
  /** A flow destination: a URL or DNS name string, an address, a node, or `NODE:PORT`. */
  | { t: 'target' };

export interface PropSpec {
  type: PropType;
  /** Whether the property takes a comma-separated list. */
  many?: boolean;
  default?: BareValue[];
  required?: boolean;
}

export type PropTable = Readonly<Record<string, PropSpec>>;

/** What a declaration of the behaviour is. Containers hold declarations; processes run `on` a node. */
export type Nature = 'node' | 'container' | 'process' | 'range';

/** Where a declaration may appear: its enclosing container (`top` = the file) and its `on`/`in` targets. */
export interface Placement {
  /** Allowed enclosing containers, by behaviour, or `top`. Absent: anywhere. */
  within?: readonly (Behaviour | 'top')[];
  /** Disallowed enclosing containers. */
  notWithin?: readonly Behaviour[];
  /** `on` target: a declaration with one of these behaviours, or of nature `node` when empty. */
  on?: { behaviours: readonly Behaviour[]; required: boolean };
  in?: { behaviours: readonly Behaviour[]; required: boolean };
}

export interface BehaviourSpec {
  nature: Nature;
  props: PropTable;
  /** The property a declaration's positional literal sets, unless the kind names another. */
  primary?: string;
  placement: Placement;
  /**
   * Overlay behaviours (inside a VPC) take precedence over the placement of the kind's other behaviours:
   * a kind `is: vm, endpoint` lives where a VM lives.
   */
  overlay?: boolean;
}

const T = {
  ip: { t: 'ip' },
  iface: { t: 'iface' },
  prefix: { t: 'prefix' },
  mac: { t: 'mac' },
  port: { t: 'port' },
  number: { t: 'number' },
  asn: { t: 'asn' },
  size: { t: 'size' },
  rate: { t: 'rate' },
  duration: { t: 'duration' },
  percent: { t: 'percent' },
  string: { t: 'string' },
  flag: { t: 'flag' },
} as const satisfies Record<string, PropType>;

const ref = (...behaviours: Behaviour[]): PropType => ({ t: 'ref', behaviours });
const word = (...words: string[]): PropType => ({ t: 'word', words });
const port = (protocol: 'tcp' | 'udp', n: number): BareValue[] => [{ kind: 'port', protocol, port: n, portEnd: null }];

/** An interface address and MAC: every node with an IP stack has them. */
const IFACE: PropTable = { ip: { type: T.iface, many: true }, mac: { type: T.mac, many: true } };
const TOP_OR_AS: Placement = { within: ['top', 'autonomous_system'] };
const ON_NODE: Placement = { on: { behaviours: [], required: true } };

export const BEHAVIOUR_SPECS: Readonly<Record<Behaviour, BehaviourSpec>> = {
  endpoint: {
    nature: 'node',
    props: { ...IFACE, gateway: { type: T.ip }, resolver: { type: ref('resolver') }, mtu: { type: T.size } },
    placement: { notWithin: ['vpc'] },
  },
  router: {
    nature: 'node',
    props: {
      ...IFACE,
      router_id: { type: T.ip },
      route: { type: { t: 'arrow', from: T.prefix, to: { t: 'oneOf', types: [T.ip, word('drop'), ref()] } }, many: true },
      announce: { type: T.prefix, many: true },
      route_reflector: { type: T.flag },
      clients: { type: ref('router'), many: true },
      cluster_id: { type: T.ip },
      next_hop_self: { type: T.flag },
    },
    placement: TOP_OR_AS,
  },
  switch: { nature: 'node', props: { subnet: { type: T.prefix } }, placement: TOP_OR_AS },
  nat: {
    nature: 'node',
    props: { ...IFACE, inside: { type: T.prefix, many: true }, pool: { type: T.prefix } },
    placement: TOP_OR_AS,
  },
  ue: {
    nature: 'node',
    props: { imsi: { type: T.string }, resolver: { type: ref('resolver') }, mac: { type: T.mac } },
    placement: TOP_OR_AS,
  },
  radio_access: { nature: 'node', props: IFACE, placement: {} },
  gtp_relay: { nature: 'node', props: IFACE, placement: {} },
  gtp_anchor: { nature: 'node', props: { ...IFACE, ue_pool: { type: T.prefix } }, placement: {} },
  mobility_manager: { nature: 'node', props: { ip: IFACE.ip }, placement: {} },
  subscriber_store: { nature: 'node', props: { subscriber: { type: ref('ue'), many: true } }, placement: {} },
  vxlan_host: { nature: 'node', props: IFACE, placement: TOP_OR_AS },
  vm: {
    nature: 'node',
    props: IFACE,
    placement: {
      within: ['vpc'],
      on: { behaviours: ['vxlan_host'], required: true },
      in: { behaviours: ['subnet'], required: true },
    },
    overlay: true,
  },
  virtual_gateway: {
    nature: 'node',
    props: { ...IFACE, public: { type: { t: 'arrow', from: T.ip, to: ref('vm') }, many: true } },
    placement: { within: ['vpc'], on: { behaviours: ['vxlan_host'], required: true } },
    overlay: true,
  },
  autonomous_system: {
    nature: 'container',
    props: { asn: { type: T.asn, required: true }, announce: { type: T.prefix, many: true }, link_pool: { type: T.prefix } },
    primary: 'asn',
    placement: { within: ['top'] },
  },
  vpc: {
    nature: 'container',
    props: { vni: { type: T.number }, link_pool: { type: T.prefix } },
    placement: TOP_OR_AS,
  },
  subnet: {
    nature: 'range',
    props: { cidr: { type: T.prefix, required: true } },
    primary: 'cidr',
    placement: { within: ['vpc'] },
    overlay: true,
  },
  service: {
    nature: 'process',
    props: {
      listen: { type: T.port, many: true },
      calls: { type: ref('service', 'database'), many: true },
      protocol: { type: word('http', 'rpc'), default: [{ kind: 'word', value: 'http' }] },
    },
    placement: { on: { behaviours: ['endpoint', 'vm'], required: true } },
  },
  proxy: {
    nature: 'process',
    props: { listen: { type: T.port, many: true }, backend: { type: ref('service'), many: true } },
    placement: ON_NODE,
  },
  database: {
    nature: 'process',
    props: {
      listen: { type: T.port, many: true, default: port('tcp', 5432) },
      replicas: { type: T.number, default: [{ kind: 'number', value: 1 }] },
      quorum: { type: T.number },
    },
    placement: ON_NODE,
  },
  resolver: {
    nature: 'process',
    props: {
      listen: { type: T.port, many: true, default: port('udp', 53) },
      forward: { type: ref('gslb', 'resolver'), many: true },
      cache_ttl: { type: T.duration },
    },
    placement: ON_NODE,
  },
  gslb: {
    nature: 'process',
    props: {
      zone: { type: T.string },
      answer: { type: { t: 'oneOf', types: [T.ip, ref()] }, many: true },
      ttl: { type: T.duration },
      listen: { type: T.port, many: true, default: port('udp', 53) },
    },
    placement: ON_NODE,
  },
  cache: {
    nature: 'process',
    props: { zone: { type: T.string }, origin: { type: ref() }, listen: { type: T.port, many: true, default: port('tcp', 443) } },
    placement: ON_NODE,
  },
};

/** Properties of `link`. `END.x` keys (one end of the link) are in LINK_END_PROPS. */
export const LINK_PROPS: PropTable = {
  subnet: { type: T.prefix },
  mtu: { type: T.size, default: [{ kind: 'quantity', unit: 'B', value: 1500, base: 1500 }] },
  delay: { type: T.duration, default: [{ kind: 'quantity', unit: 'ms', value: 1, base: 0.001 }] },
  bandwidth: { type: T.rate, default: [{ kind: 'quantity', unit: 'Gbps', value: 1, base: 1e9 }] },
  loss: { type: T.percent, default: [{ kind: 'quantity', unit: '%', value: 0, base: 0 }] },
  cost: { type: T.number, default: [{ kind: 'number', value: 1 }] },
  provider: { type: ref() },
  peer: { type: T.flag },
  bgp: { type: word('on', 'off'), default: [{ kind: 'word', value: 'on' }] },
};

export const LINK_END_PROPS: PropTable = {
  local_pref: { type: T.number, default: [{ kind: 'number', value: 100 }] },
  med: { type: T.number, default: [{ kind: 'number', value: 0 }] },
  prepend: { type: T.number, default: [{ kind: 'number', value: 0 }] },
  weight: { type: T.number, default: [{ kind: 'number', value: 0 }] },
  deny_in: { type: T.prefix, many: true },
  deny_out: { type: T.prefix, many: true },
};

/** `control` adjacencies and bearers carry no properties today. */
export const NO_PROPS: PropTable = {};

export const FLOW_PROPS: PropTable = {
  from: { type: ref(), required: true },
  to: { type: { t: 'target' }, required: true },
  port: { type: T.port },
  method: { type: word('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'), default: [{ kind: 'word', value: 'GET' }] },
  path: { type: T.string },
  size: { type: T.size, default: [{ kind: 'quantity', unit: 'B', value: 512, base: 512 }] },
  idempotency_key: { type: T.flag },
};

export const DOMAINS = ['mobile', 'internet', 'cloud', 'services'] as const;

/** Kind-level properties; any other key in a `kind` body is a default for the kind's behaviours. */
export const KIND_PROPS: PropTable = {
  is: { type: { t: 'word', words: [] }, many: true, required: true },
  primary: { type: { t: 'word', words: [] } },
  shape: { type: T.string },
  domain: { type: word(...DOMAINS) },
};

/** A type as users read it in messages: "an IPv4 prefix like 10.0.0.0/24". */
export function describeType(type: PropType): string {
  switch (type.t) {
    case 'ip': return 'an IPv4 address like 10.0.0.1';
    case 'iface': return 'an interface address like 10.0.0.1/24';
    case 'prefix': return 'an IPv4 prefix like 10.0.0.0/24';
    case 'mac': return 'a MAC address like 02:00:0a:00:00:01';
    case 'port': return 'a port like tcp/443';
    case 'number': return 'a number';
    case 'asn': return 'an AS number (1–4294967295)';
    case 'size': return 'a size like 1500B';
    case 'rate': return 'a rate like 1Gbps';
    case 'duration': return 'a duration like 10ms';
    case 'percent': return 'a percentage like 5%';
    case 'string': return 'a string in double quotes';
    case 'word': return type.words.length > 0 ? `one of ${type.words.map((w) => `\`${w}\``).join(', ')}` : 'a word';
    case 'flag': return 'no value (a flag is written alone)';
    case 'ref': return type.behaviours.length > 0 ? `the name of a ${type.behaviours.join(' or ')}` : 'a name';
    case 'arrow': return `\`${shortType(type.from)} -> ${shortType(type.to)}\``;
    case 'oneOf': return type.types.map(describeType).join(', or ');
    case 'target': return 'a URL or host name in quotes, an address, or a node (optionally NODE:PORT)';
  }
}

function shortType(type: PropType): string {
  switch (type.t) {
    case 'ref': return type.behaviours.length > 0 ? type.behaviours.join('|') : 'name';
    case 'oneOf': return type.types.map(shortType).join('|');
    case 'word': return type.words.join('|');
    case 'arrow': return `${shortType(type.from)} -> ${shortType(type.to)}`;
    default: return type.t;
  }
}
