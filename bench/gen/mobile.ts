import type { Block } from './addresses.js';
import { names, wrappedList, type GenContext } from './context.js';
import type { TopologySpec } from './spec.js';

/** Point-to-point links of one carrier's core: eNodeBs–SGW, SGW–PGW, PGW–NAT, NAT–border router. */
export function carrierLinkCount(spec: TopologySpec): number {
  return Math.max(1, spec.enodebsPerCarrier) + 3;
}

/**
 * A carrier's mobile core inside its AS: UEs (subscribers of the HSS) with bearers through eNodeB → SGW → PGW,
 * S1-MME/S6a signalling, and a carrier-grade NAT from the UE pool to `natPool` (inside the AS's announcement).
 * Returns the UE names.
 */
export function emitCarrierCore(ctx: GenContext, spec: TopologySpec, i: number, natPool: Block, ueSerial: number): string[] {
  const { out, addresses } = ctx;
  const m = (role: string): string => names.mobile(i, role);
  const enbs = Array.from({ length: Math.max(1, spec.enodebsPerCarrier) }, (_, j) => m(`enb${j}`));
  const ues = Array.from({ length: spec.uesPerCarrier }, (_, j) => m(`ue${j}`));
  const uePool = addresses.ue.alloc(ues.length + 4);

  ues.forEach((ue, j) => out.push(`  ue ${ue} { imsi: "00101${String(ueSerial + j).padStart(10, '0')}" }`));
  for (const enb of enbs) out.push(`  enodeb ${enb}`);
  out.push(`  mme ${m('mme')}`);
  if (ues.length === 0) out.push(`  hss ${m('hss')}`);
  else {
    out.push(`  hss ${m('hss')} {`);
    wrappedList(out, '    ', 'subscriber', ues);
    out.push('  }');
  }
  out.push(`  sgw ${m('sgw')}`);
  out.push(`  pgw ${m('pgw')} { ue_pool: ${uePool} }`);
  out.push(`  nat ${m('nat')} { inside: ${uePool}; pool: ${natPool} }`);
  out.push(`  control ${enbs[0]} -- ${m('mme')} -- ${m('hss')}`);
  for (const enb of enbs.slice(1)) out.push(`  control ${enb} -- ${m('mme')}`);
  ues.forEach((ue, j) => out.push(`  bearer ${ue} via ${enbs[j % enbs.length]}, ${m('sgw')}, ${m('pgw')}`));
  for (const enb of enbs) out.push(`  link ${enb} -- ${m('sgw')}`);
  out.push(`  link ${m('sgw')} -- ${m('pgw')}`);
  out.push(`  link ${m('pgw')} -- ${m('nat')}`);
  out.push(`  link ${m('nat')} -- ${names.router(i, 0)}`);
  return ues;
}
