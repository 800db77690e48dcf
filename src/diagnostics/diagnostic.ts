import type { Span } from './span.js';

export type Severity = 'error' | 'warning';

/** A secondary span with the label printed under it. */
export interface Related {
  span: Span;
  label: string;
}

/** One finding, in the rustc shape: code, message, primary span (+ label), labelled secondary spans, notes, help. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  /** Printed under the primary span's carets. */
  label?: string;
  related: Related[];
  notes: string[];
  help?: string;
}

/**
 * A registered diagnostic code. `message` is the template: every diagnostic of the code is made through it,
 * so the registry (and the docs page generated from it) says exactly what users will read.
 */
export interface CodeDef<A> {
  code: string;
  severity: Severity;
  /** One line for the docs index: what the code means in general. */
  title: string;
  message: (args: A) => string;
  help?: (args: A) => string | undefined;
}

export interface DiagnosticExtras {
  label?: string;
  related?: Related[];
  notes?: string[];
  help?: string;
}

export function defineCode<A = Record<string, never>>(def: CodeDef<A>): CodeDef<A> {
  return def;
}

/** Make a diagnostic of a registered code. `extras.help` overrides the code's help template. */
export function diag<A>(def: CodeDef<A>, span: Span, args: A, extras: DiagnosticExtras = {}): Diagnostic {
  const help = extras.help ?? def.help?.(args);
  const d: Diagnostic = {
    code: def.code,
    severity: def.severity,
    message: def.message(args),
    span,
    related: extras.related ?? [],
    notes: extras.notes ?? [],
  };
  if (extras.label !== undefined) d.label = extras.label;
  if (help !== undefined) d.help = help;
  return d;
}

/** Stable order for output: file, position, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
