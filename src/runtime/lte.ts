// LTE attach as timeline events (seed steps 2–5): the UE asks the access node, which asks the mobility
// manager; the MME authenticates the subscriber with the subscriber store, then sets up the bearer's GTP-U
// legs with the TEIDs the model assigned, and the anchor hands out the UE's address. Signalling is not put on
// the wires (the model routes user traffic only); each message takes one signalling delay.
import type { GtpTunnel } from '../model/types.js';
import type { Simulation } from './simulation.js';
import type { BearerSpec } from './spec.js';

/** One signalling message, node to node. */
export const SIGNALLING_DELAY = 0.002;

const hex = (teid: number) => `0x${teid.toString(16).padStart(8, '0')}`;

/** Runs the attach of `b`'s UE; `attached` is called when its bearer carries traffic. */
export function attach(sim: Simulation, b: BearerSpec, attached: () => void): void {
  const n = (id: number | null) => (id === null ? '?' : sim.name(id));
  const s1 = b.legs.find((l) => l.name === 'S1-U');
  const s5 = b.legs.find((l) => l.name === 'S5');
  const relay = s1?.far ?? s5?.near ?? null;
  const script: [number | null, string, string][] = [
    [b.ue, `RRC connection request to ${n(b.access)}${b.imsi ? ` (IMSI ${b.imsi})` : ''}`, '2'],
    [b.access, `S1AP Initial UE Message (Attach Request) to ${n(b.mme)}`, '3'],
  ];
  if (b.mme !== null && b.hss !== null) {
    script.push(
      [b.mme, `S6a Authentication-Information-Request to ${n(b.hss)}`, '3'],
      [b.hss, `S6a Authentication-Information-Answer (authentication vectors)`, '3'],
      [b.mme, `NAS Authentication Request to ${n(b.ue)}; response verified`, '3'],
      [b.mme, `S6a Update-Location-Request to ${n(b.hss)}`, '3'],
      [b.hss, `S6a Update-Location-Answer (subscriber data)`, '3'],
    );
  }
  if (relay !== null) script.push([b.mme, `GTPv2-C Create Session Request to ${n(relay)}`, '4']);
  if (s5) script.push([s5.near, `Create Session Request to ${n(s5.far)} (${leg(s5, 'downlink')})`, '4']);
  script.push([b.anchor, `allocates ${b.address ?? 'no address'} to ${n(b.ue)} from its UE pool`, '5']);
  if (s5) script.push([s5.far, `Create Session Response (${leg(s5, 'uplink')})`, '4']);
  if (s1) {
    script.push(
      [s1.far, `Create Session Response to ${n(b.mme)} (${leg(s1, 'uplink')})`, '4'],
      [b.mme, `Initial Context Setup Request to ${n(s1.near)} (${leg(s1, 'uplink')})`, '4'],
      [s1.near, `Initial Context Setup Response (${leg(s1, 'downlink')})`, '4'],
    );
  }
  script.push([b.ue, `attached: ${b.address ?? 'no address'}, default bearer up`, '2–5']);
  script.forEach(([at, text, step], i) => sim.sched.after(i * SIGNALLING_DELAY, () => sim.timeline.add('lte', n(at ?? b.access), text, step)));
  sim.sched.after(script.length * SIGNALLING_DELAY, attached);
}

function leg(t: GtpTunnel, dir: 'uplink' | 'downlink'): string {
  return `${t.name} ${dir} TEID ${hex(dir === 'uplink' ? t.uplinkTeid : t.downlinkTeid)}`;
}
