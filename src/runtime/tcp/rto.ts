// The retransmission timer of RFC 6298: 1 s before any measurement, SRTT and RTTVAR from samples of segments
// sent once (Karn's rule), RTO = SRTT + max(G, 4·RTTVAR) kept within [1 s, 60 s], doubled on each expiry.

const INITIAL = 1;
const MIN = 1;
const MAX = 60;
const ALPHA = 1 / 8;
const BETA = 1 / 4;
/** Clock granularity G: the simulator's clock is exact. */
const GRANULARITY = 0;

export class RetransmissionTimer {
  rto = INITIAL;
  private srtt: number | null = null;
  private rttvar = 0;

  sample(rtt: number): void {
    if (this.srtt === null) {
      this.srtt = rtt;
      this.rttvar = rtt / 2;
    } else {
      this.rttvar = (1 - BETA) * this.rttvar + BETA * Math.abs(this.srtt - rtt);
      this.srtt = (1 - ALPHA) * this.srtt + ALPHA * rtt;
    }
    this.rto = clamp(this.srtt + Math.max(GRANULARITY, 4 * this.rttvar));
  }

  backOff(): void {
    this.rto = clamp(this.rto * 2);
  }
}

function clamp(rto: number): number {
  return Math.min(MAX, Math.max(MIN, rto));
}
