/** Why a packet was dropped: the reasons `topo hops` prints and docs/hops.md explains. */
export type DropReason =
  | 'no-route'
  | 'null-route'
  | 'ttl-exceeded'
  | 'arp-failure'
  | 'no-nat-mapping'
  | 'no-listener'
  | 'no-tunnel'
  | 'mtu-exceeded'
  | 'loop'
  | 'unresolved-name';

export interface Drop {
  drop: DropReason;
  detail: string;
}

export function isDrop<T extends object>(x: T | Drop): x is Drop {
  return 'drop' in x;
}

export const dropped = (drop: DropReason, detail: string): Drop => ({ drop, detail });
