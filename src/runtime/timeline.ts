// What happened, in order: protocol events a person can follow (with the seed's step numbers where they
// correspond), printed as a timeline or written as JSON lines. Sinks receive events as they happen, so a
// long run keeps nothing in memory unless a sink does.

export type Category = 'lte' | 'arp' | 'dns' | 'tcp' | 'tls' | 'http' | 'rpc' | 'db' | 'drop' | 'loss' | 'flow';

export interface SimEvent {
  /** Simulated seconds. */
  t: number;
  category: Category;
  /** The node (or process) where it happens. */
  at: string;
  text: string;
  /** The seed's step numbers it corresponds to (order-journey.en.md), e.g. "10–14". */
  step?: string;
}

export type Sink = (e: SimEvent) => void;

export class Timeline {
  private readonly sinks: Sink[] = [];
  count = 0;

  constructor(private readonly clock: { now: number }) {}

  subscribe(sink: Sink): void {
    this.sinks.push(sink);
  }

  add(category: Category, at: string, text: string, step?: string): void {
    this.count++;
    if (this.sinks.length === 0) return;
    const e: SimEvent = step === undefined ? { t: this.clock.now, category, at, text } : { t: this.clock.now, category, at, text, step };
    for (const s of this.sinks) s(e);
  }
}

/** `  0.012345 s  phone        TCP SYN …   (steps 10–14)`; a line break in a name is shown as `\n`, keeping one event a line. */
export function formatEvent(e: SimEvent): string {
  const time = `${e.t.toFixed(6)} s`.padStart(13);
  const step = e.step ? `   (step${/[–,-]/.test(e.step) ? 's' : ''} ${e.step})` : '';
  return `${time}  ${oneLine(e.at).padEnd(12)} ${oneLine(e.text)}${step}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16)}`));
}

/** One JSON object per line; keys in a fixed order so that equal runs give equal bytes. */
export function jsonEvent(e: SimEvent): string {
  return JSON.stringify({ t: Number(e.t.toFixed(9)), category: e.category, at: e.at, text: e.text, ...(e.step ? { step: e.step } : {}) });
}
