import type { Diagnostic } from '../diagnostic.js';
import type { Span } from '../span.js';
import { summarize, type Summary } from './summary.js';

/** A span in JSON: 1-based lines and columns (UTF-16 code units), end exclusive. */
export interface JsonSpan {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface JsonRelated extends JsonSpan {
  label: string;
}

/** One diagnostic in `--format json`. Every key is always present; absent label and help are null. */
export interface JsonDiagnostic extends JsonSpan {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  label: string | null;
  related: JsonRelated[];
  notes: string[];
  help: string | null;
}

/** The whole `--format json` document (documented in docs/cli.md; keep them in step). */
export interface JsonReport {
  diagnostics: JsonDiagnostic[];
  summary: Summary;
}

function jsonSpan(s: Span): JsonSpan {
  return { file: s.file, line: s.line, col: s.col, endLine: s.endLine, endCol: s.endCol };
}

export function toJsonReport(diags: readonly Diagnostic[]): JsonReport {
  return {
    diagnostics: diags.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...jsonSpan(d.span),
      label: d.label ?? null,
      related: d.related.map((r) => ({ ...jsonSpan(r.span), label: r.label })),
      notes: [...d.notes],
      help: d.help ?? null,
    })),
    summary: summarize(diags),
  };
}

/** Indented, key order fixed by toJsonReport, newline-terminated: diff-friendly and byte-stable. */
export function renderJson(diags: readonly Diagnostic[]): string {
  return `${JSON.stringify(toJsonReport(diags), null, 2)}\n`;
}
