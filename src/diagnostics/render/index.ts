import type { Diagnostic } from '../diagnostic.js';
import type { SourceText } from '../span.js';
import { renderJson } from './json.js';
import { renderPretty } from './pretty.js';

export { wantsColor, palette, type Palette } from './colors.js';
export { renderPretty, renderDiagnostic, type PrettyOptions } from './pretty.js';
export { renderJson, toJsonReport, type JsonReport, type JsonDiagnostic } from './json.js';
export { summarize, formatSummary, type Summary } from './summary.js';

/** What a reporter is given: the diagnostics (sorted) and the sources their spans point into. */
export interface Report {
  diagnostics: readonly Diagnostic[];
  sources: ReadonlyMap<string, SourceText>;
}

/**
 * One output format of `--format`. `stream` is where its text belongs: a human report goes to stderr so that
 * stdout stays free for a command's product; a machine-readable report is the product, so it goes to stdout.
 */
export interface Reporter {
  stream: 'stdout' | 'stderr';
  /** Whether `color` means anything to this format (the caller only tests the terminal when it does). */
  colors: boolean;
  render(report: Report, opts: { color: boolean }): string;
}

/** Every `--format`; a new reporter (github, junit) is one more entry here. */
export const reporters = {
  pretty: { stream: 'stderr', colors: true, render: (r, o) => renderPretty(r.diagnostics, r.sources, o) },
  json: { stream: 'stdout', colors: false, render: (r) => renderJson(r.diagnostics) },
} satisfies Record<string, Reporter>;

export type Format = keyof typeof reporters;

export const formats = Object.keys(reporters) as Format[];
