// The results of `topo test` as plain data, shared by the reporters: per file, its compile errors (which stop its
// assertions from running) and each assertion's outcome, with the header table of the hop a failure points at.
import type { AssertResult, Failure } from '../../assert/index.js';
import type { RoutingResult } from '../../control/index.js';
import { buildDataplane } from '../../dataplane/index.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceText } from '../../diagnostics/span.js';
import type { Network } from '../../model/types.js';
import type { Program } from '../../resolve/program.js';
import { buildOwners } from '../../trace/index.js';
import { hopsDoc, type HopDoc, type SegmentDoc } from '../hops-doc.js';

export interface FailureDoc {
  expected: string;
  actual: string;
  where?: string;
  origin?: { label: string; text: string; file: string; line: number; col: number };
  hop?: { hop: HopDoc; segment?: SegmentDoc };
}

export interface AssertionDoc {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  text: string;
  soft: boolean;
  status: AssertResult['status'];
  failures: FailureDoc[];
}

export interface FileDoc {
  file: string;
  /** Errors that kept the file from compiling, or that `topo check` reports about its network. */
  errors: Diagnostic[];
  assertions: AssertionDoc[];
}

export interface TestReport {
  files: FileDoc[];
  sources: ReadonlyMap<string, SourceText>;
}

export interface TestSummary {
  passed: number;
  failed: number;
  warned: number;
  /** Files with errors. */
  errors: number;
}

export function summarizeTests(r: TestReport): TestSummary {
  const all = r.files.flatMap((f) => f.assertions);
  const count = (s: AssertResult['status']) => all.filter((a) => a.status === s).length;
  return { passed: count('passed'), failed: count('failed'), warned: count('warned'), errors: r.files.filter((f) => f.errors.length > 0).length };
}

/** `1 failed, 23 passed`, with warnings and files with errors when there are some. */
export function summaryLine(s: TestSummary): string {
  const parts = [s.failed ? `${s.failed} failed` : '', `${s.passed} passed`, s.warned ? `${s.warned} warned` : '', s.errors ? `${s.errors} file${s.errors === 1 ? '' : 's'} with errors` : ''];
  return parts.filter((p) => p).join(', ');
}

export function testFailed(s: TestSummary): boolean {
  return s.failed > 0 || s.errors > 0;
}

/** One file's results as documents; hop tables are computed only for failures that point at a hop. */
export function fileDoc(file: string, errors: Diagnostic[], results: AssertResult[], c?: { program: Program; network: Network; routing: RoutingResult }): FileDoc {
  let hopDoc: ((f: NonNullable<Failure['hop']>) => FailureDoc['hop']) | undefined;
  if (c && results.some((r) => r.failures.some((f) => f.hop))) {
    const dp = buildDataplane(c.program, c.network, c.routing);
    const owners = buildOwners(c.network);
    hopDoc = ({ trace, hop }) => {
      const flow = hopsDoc(c.program, dp, owners, [{ ...trace, hops: [hop] }]).flows[0];
      return { hop: flow.hops[0], segment: flow.segments[hop.segment - 1] };
    };
  }
  const assertions = results.map((r): AssertionDoc => ({
    file: r.span.file,
    line: r.span.line,
    col: r.span.col,
    endLine: r.span.endLine,
    endCol: r.span.endCol,
    text: r.text,
    soft: r.soft,
    status: r.status,
    failures: r.failures.map((f) => {
      const d: FailureDoc = { expected: f.expected, actual: f.actual };
      if (f.where) d.where = f.where;
      if (f.origin) d.origin = { label: f.origin.label, text: f.origin.text, file: f.origin.span.file, line: f.origin.span.line, col: f.origin.span.col };
      if (f.hop && hopDoc) d.hop = hopDoc(f.hop);
      return d;
    }),
  }));
  return { file, errors, assertions };
}
