// A TCP connection per RFC 9293: the state machine (§3.3.2), the three-way handshake, sequence numbers,
// a sliding window, cumulative acknowledgments, retransmission on the RFC 6298 timer, and in-order,
// exactly-once delivery of the messages the peer wrote. Offsets are counted from the ISN (the SYN is offset
// 0, data starts at 1) and converted to 32-bit sequence numbers on the wire.
import type { Channel, ChannelHandlers, CloseReason } from '../channel.js';
import { ACK, FIN, flagNames, PSH, RST, SYN, type Carried, type Message, type TcpSegment } from '../message.js';
import type { Scheduler, Timer } from '../scheduler.js';
import { RetransmissionTimer } from './rto.js';

export type TcpState =
  | 'CLOSED' | 'LISTEN' | 'SYN-SENT' | 'SYN-RECEIVED' | 'ESTABLISHED' | 'FIN-WAIT-1' | 'FIN-WAIT-2'
  | 'CLOSE-WAIT' | 'CLOSING' | 'LAST-ACK' | 'TIME-WAIT';

/** What a connection needs from its host: the clock, a way to send a segment, and the timeline. */
export interface TcpHost {
  sched: Scheduler;
  emit(seg: TcpSegment): void;
  log(text: string, step?: string): void;
  /** The connection is CLOSED: forget it. */
  release(connection: TcpConnection): void;
}

export interface TcpParams {
  iss: number;
  /** Largest data bytes per segment (path MTU − 40). */
  mss: number;
  label: string;
}

/** A receive buffer the application drains at once, so the window advertised stays this size. */
const WINDOW = 65535;
/** Retransmissions of one segment before the connection is aborted (Linux's tcp_retries2 is 15; fewer suffices here). */
const MAX_RETRIES = 8;
/** Maximum segment lifetime: TIME-WAIT lasts 2·MSL (RFC 9293 suggests 2 minutes; Linux uses 30 s). */
const MSL = 30;
/** What a segment without data carries (shared: a segment's messages are only read). */
const NO_MESSAGES: readonly Carried[] = Object.freeze([]);
const ascending = (a: number, b: number) => a - b;

export class TcpConnection implements Channel {
  state: TcpState = 'CLOSED';
  handlers: ChannelHandlers = {};
  readonly label: string;
  private readonly iss: number;
  private readonly mss: number;
  private irs = 0;
  // Send side, as offsets from the ISN.
  private una = 0;
  private nxt = 0;
  private peerWindow = WINDOW;
  private written = 1;
  private readonly outbox: Carried[] = [];
  private finAt: number | null = null;
  // Receive side.
  private rcvNxt = 0;
  /** Segments ahead of a gap, made on the first one: most connections never see a gap. */
  private early: Map<number, TcpSegment> | null = null;
  private readonly arrived = new Map<number, Message>();
  // Timers.
  private readonly rtoTimer = new RetransmissionTimer();
  private timer: Timer | null = null;
  private deadline: number | null = null;
  private retries = 0;
  private rttProbe: { end: number; sent: number } | null = null;
  private announcedEnd = false;
  private ackSent = -1;

  constructor(private readonly host: TcpHost, params: TcpParams) {
    this.iss = params.iss >>> 0;
    this.mss = params.mss;
    this.label = params.label;
  }

  /** Active open: send SYN (RFC 9293 §3.10.1). */
  connect(): void {
    this.state = 'SYN-SENT';
    this.nxt = 1;
    this.transmit(0, 0, SYN);
    this.host.log(`TCP SYN ${this.label} (CLOSED → SYN-SENT)`, '10–14');
    this.arm();
  }

  /** Passive open: a SYN arrived at a listening port; answer SYN+ACK. */
  accept(syn: TcpSegment): void {
    this.state = 'SYN-RECEIVED';
    this.irs = syn.seq;
    this.rcvNxt = 1;
    this.peerWindow = syn.window;
    this.nxt = 1;
    this.transmit(0, 0, SYN | ACK);
    this.host.log(`TCP SYN+ACK ${this.label} (LISTEN → SYN-RECEIVED)`, '10–14');
    this.arm();
  }

  send(m: Message): void {
    if (this.finAt !== null || this.state === 'CLOSED') return;
    this.written += m.size;
    this.outbox.push({ end: this.written, msg: m });
    this.pump();
  }

  /** The application is done sending: FIN after the data written so far. */
  close(): void {
    if (this.finAt !== null || this.state === 'CLOSED') return;
    this.finAt = this.written;
    this.pump();
  }

  receive(seg: TcpSegment): void {
    if (seg.flags & RST) return this.abort('reset');
    if (this.state === 'SYN-SENT') return this.onSynAck(seg);
    if (seg.flags & SYN) {
      // Our SYN+ACK was lost and the peer repeats its SYN, or a duplicate: acknowledge again.
      if (this.state === 'SYN-RECEIVED') this.transmit(0, 0, SYN | ACK);
      else this.ackNow(); // our ACK of the SYN+ACK was lost: the peer repeats it
      return;
    }
    if (seg.flags & ACK) this.onAck(seg);
    if (this.state === 'CLOSED') return;
    const start = this.offset(seg.seq, this.irs);
    if (seg.len > 0 || seg.flags & FIN) this.onData(start, seg);
  }

  private onSynAck(seg: TcpSegment): void {
    if (!(seg.flags & SYN) || !(seg.flags & ACK) || this.offset(seg.ack, this.iss) !== 1) return;
    this.irs = seg.seq;
    this.rcvNxt = 1;
    this.una = 1;
    this.peerWindow = seg.window;
    this.established('SYN-SENT');
    this.transmit(this.nxt, 0, ACK);
    this.pump();
  }

  private established(from: TcpState): void {
    this.state = 'ESTABLISHED';
    this.retries = 0;
    this.disarm();
    this.host.log(`TCP ${from === 'SYN-SENT' ? 'ACK' : 'established'} ${this.label} (${from} → ESTABLISHED)`, '10–14');
    this.handlers.open?.();
  }

  private onAck(seg: TcpSegment): void {
    const acked = this.offset(seg.ack, this.iss);
    this.peerWindow = seg.window;
    if (acked <= this.una || acked > this.nxt) return;
    if (this.rttProbe && acked >= this.rttProbe.end) {
      this.rtoTimer.sample(this.host.sched.now - this.rttProbe.sent);
      this.rttProbe = null;
    }
    this.una = acked;
    this.retries = 0;
    while (this.outbox.length > 0 && this.outbox[0].end <= acked) this.outbox.shift();
    if (this.state === 'SYN-RECEIVED') this.established('SYN-RECEIVED');
    const finAcked = this.finAt !== null && acked === this.finAt + 1;
    if (finAcked) this.onFinAcked();
    if (this.state === 'CLOSED') return;
    // RFC 6298 §5.2–5.3: stop the timer when everything is acknowledged, else restart it.
    if (this.una === this.nxt) this.disarm();
    else this.arm(true);
    this.pump();
  }

  private onFinAcked(): void {
    if (this.state === 'FIN-WAIT-1') this.state = 'FIN-WAIT-2';
    else if (this.state === 'CLOSING') this.timeWait();
    else if (this.state === 'LAST-ACK') this.finish('closed');
  }

  private onData(start: number, seg: TcpSegment): void {
    const end = start + seg.len + (seg.flags & FIN ? 1 : 0);
    if (end <= this.rcvNxt) return this.ackNow(); // a duplicate: the peer missed our ACK
    if (start > this.rcvNxt) {
      if (start - this.rcvNxt < WINDOW) (this.early ??= new Map()).set(start, seg);
      return this.ackNow(); // out of order: a duplicate ACK says what is missing
    }
    this.take(seg);
    const early = this.early;
    for (let next = early?.get(this.rcvNxt); early && next; next = early.get(this.rcvNxt)) {
      early.delete(this.offset(next.seq, this.irs));
      this.take(next);
    }
    this.deliver();
    // The application may have answered already; its data segment carried the acknowledgment.
    if (this.ackSent !== this.rcvNxt) this.ackNow();
  }

  /** Accept an in-order (or overlapping) segment: its messages wait until every byte before their end is in. */
  private take(seg: TcpSegment): void {
    const start = this.offset(seg.seq, this.irs);
    for (const c of seg.msgs) this.arrived.set(c.end, c.msg);
    const end = start + seg.len;
    if (end > this.rcvNxt) this.rcvNxt = end;
    if (seg.flags & FIN && this.rcvNxt === end) {
      this.rcvNxt = end + 1;
      this.onFin();
    }
  }

  private deliver(): void {
    if (this.arrived.size === 0) return;
    const ready: number[] = [];
    for (const end of this.arrived.keys()) if (end <= this.rcvNxt) ready.push(end);
    for (const end of ready.sort(ascending)) {
      const msg = this.arrived.get(end)!;
      this.arrived.delete(end);
      this.handlers.message?.(msg);
    }
  }

  private onFin(): void {
    this.host.log(`TCP FIN received ${this.label} (${this.state} → ${this.state === 'ESTABLISHED' ? 'CLOSE-WAIT' : this.state === 'FIN-WAIT-2' ? 'TIME-WAIT' : 'CLOSING'})`);
    if (this.state === 'ESTABLISHED' || this.state === 'SYN-RECEIVED') this.state = 'CLOSE-WAIT';
    else if (this.state === 'FIN-WAIT-1') this.state = 'CLOSING';
    else if (this.state === 'FIN-WAIT-2') this.timeWait();
    if (!this.announcedEnd) {
      this.announcedEnd = true;
      // Deliver what came before the FIN first, then say the stream ended.
      this.deliver();
      this.host.sched.after(0, () => this.handlers.end?.());
    }
  }

  private timeWait(): void {
    this.state = 'TIME-WAIT';
    this.disarm();
    this.host.sched.after(2 * MSL, () => this.finish('closed'));
  }

  /** Send what the window allows: data up to what was written, then the FIN. */
  private pump(): void {
    if (this.state !== 'ESTABLISHED' && this.state !== 'CLOSE-WAIT') return;
    const limit = this.una + this.peerWindow;
    while (this.nxt < this.written && this.nxt < limit) {
      const len = Math.min(this.mss, this.written - this.nxt, limit - this.nxt);
      this.transmit(this.nxt, len, ACK | PSH);
      if (!this.rttProbe) this.rttProbe = { end: this.nxt + len, sent: this.host.sched.now };
      this.nxt += len;
      this.arm();
    }
    if (this.finAt !== null && this.nxt === this.finAt) {
      this.transmit(this.nxt, 0, FIN | ACK);
      this.nxt++;
      this.host.log(`TCP FIN ${this.label} (${this.state} → ${this.state === 'ESTABLISHED' ? 'FIN-WAIT-1' : 'LAST-ACK'})`);
      this.state = this.state === 'ESTABLISHED' ? 'FIN-WAIT-1' : 'LAST-ACK';
      this.arm();
    }
  }

  private ackNow(): void {
    this.transmit(this.nxt, 0, ACK);
  }

  private transmit(from: number, len: number, flags: number): void {
    const end = from + len;
    const msgs = len === 0 ? NO_MESSAGES : this.carried(from, end);
    if (flags & ACK) this.ackSent = this.rcvNxt;
    this.host.emit({
      kind: 'tcp',
      seq: (this.iss + from) >>> 0,
      ack: flags & ACK ? (this.irs + this.rcvNxt) >>> 0 : 0,
      flags,
      window: WINDOW,
      len,
      msgs,
    });
  }

  /**
   * The messages ending within (from, end]: a run of the outbox, which is in order of end. Sliced, so the list
   * a segment carries through every hop is no longer than it needs to be.
   */
  private carried(from: number, end: number): readonly Carried[] {
    const box = this.outbox;
    let i = 0;
    while (i < box.length && box[i].end <= from) i++;
    let j = i;
    while (j < box.length && box[j].end <= end) j++;
    return i === j ? NO_MESSAGES : box.slice(i, j);
  }

  /**
   * Start the retransmission timer if it is not running (or restart it). Restarting only moves a deadline:
   * the scheduled event, when it fires early, schedules itself again for the deadline — every ACK restarts
   * the timer, and rescheduling each time would fill the event queue with cancelled events.
   */
  private arm(restart = false): void {
    if (this.deadline !== null && !restart) return;
    this.deadline = this.host.sched.now + this.rtoTimer.rto;
    if (this.timer === null || this.timer.time > this.deadline) this.schedule();
  }

  private schedule(): void {
    if (this.timer) this.timer.cancelled = true;
    this.timer = this.host.sched.at(this.deadline!, () => {
      this.timer = null;
      if (this.deadline === null) return;
      if (this.host.sched.now < this.deadline) return this.schedule();
      this.deadline = null;
      this.expire();
    });
  }

  private disarm(): void {
    this.deadline = null;
  }

  /** RFC 6298 §5.4–5.6: retransmit the earliest unacknowledged segment, back off, restart the timer. */
  private expire(): void {
    if (++this.retries > MAX_RETRIES) {
      this.host.log(`TCP gives up ${this.label} after ${MAX_RETRIES} retransmissions`);
      return this.abort('timeout');
    }
    this.rtoTimer.backOff();
    this.rttProbe = null;
    const flags = this.una === 0 ? (this.state === 'SYN-SENT' ? SYN : SYN | ACK) : this.finAt !== null && this.una === this.finAt ? FIN | ACK : ACK | PSH;
    const len = flags & (SYN | FIN) ? 0 : Math.min(this.mss, this.written - this.una);
    this.transmit(this.una, len, flags);
    this.host.log(`TCP retransmits ${flagNames(flags)} seq ${(this.iss + this.una) >>> 0}${len ? ` (${len} B)` : ''} ${this.label}, RTO now ${this.rtoTimer.rto} s`, '50');
    this.arm();
  }

  private abort(reason: CloseReason): void {
    if (reason === 'timeout') this.transmit(this.nxt, 0, RST | ACK);
    this.finish(reason);
  }

  private finish(reason: CloseReason): void {
    if (this.state === 'CLOSED') return;
    this.state = 'CLOSED';
    this.disarm();
    if (this.timer) this.timer.cancelled = true;
    this.host.release(this);
    this.handlers.closed?.(reason);
  }

  /** A wire sequence number as an offset from `base` (the ISN of its sender). */
  private offset(seq: number, base: number): number {
    return (seq - base) >>> 0;
  }
}
