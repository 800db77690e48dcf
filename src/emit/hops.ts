// `topo hops`: trace the selected flows of a compiled program and print them in one format.
import { buildDataplane } from '../dataplane/index.js';
import type { Compilation } from '../driver/index.js';
import { buildOwners, traceContext, traceFlow, type FlowTrace } from '../trace/index.js';
import { hopsCsv } from './hops-csv.js';
import { hopsDoc, hopsJson } from './hops-doc.js';
import { hopsMarkdown, hopsText } from './hops-text.js';

export type HopsFormat = 'text' | 'markdown' | 'csv' | 'json';

export interface HopsOptions {
  /** Only this flow (default: every flow, in declaration order). */
  flow?: string;
  reply?: boolean;
  format: HopsFormat;
}

const PRINTERS = { text: hopsText, markdown: hopsMarkdown, csv: hopsCsv, json: hopsJson };

/** The traces and their printout; null when the compilation has no network or the flow does not exist. */
export function renderHops(c: Required<Pick<Compilation, 'program' | 'network' | 'routing'>>, options: HopsOptions): { traces: FlowTrace[]; output: string } | null {
  const flows = c.program.flows.filter((f) => options.flow === undefined || f.name === options.flow);
  if (options.flow !== undefined && flows.length === 0) return null;
  const dp = buildDataplane(c.program, c.network, c.routing);
  const ctx = traceContext(c.program, dp);
  const traces = flows.map((f) => (options.reply ? traceFlow(ctx, f).reply() : traceFlow(ctx, f).request));
  return { traces, output: PRINTERS[options.format](hopsDoc(c.program, dp, buildOwners(c.network), traces)) };
}
