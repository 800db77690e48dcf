// What the run achieved, for summaries and tests: requests each server application received, rows each
// database wrote, flows completed or failed.

export interface FlowResult {
  flow: string;
  /** Which run of the flow (a scenario may start many). */
  instance: number;
  status: number | null;
  started: number;
  finished: number;
}

export class Ledger {
  /** Per attempt id: how many times a server application received it. */
  readonly received = new Map<string, number>();
  /** Per `database|idempotency key` (or request id without a key): rows written. */
  readonly written = new Map<string, number>();
  readonly flows: FlowResult[] = [];

  receive(process: string, id: string): void {
    const k = `${process}|${id}`;
    this.received.set(k, (this.received.get(k) ?? 0) + 1);
  }

  write(database: string, key: string): void {
    const k = `${database}|${key}`;
    this.written.set(k, (this.written.get(k) ?? 0) + 1);
  }
}
