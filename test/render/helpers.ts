import type { Diagnostic, Related } from '../../src/diagnostics/diagnostic.js';
import { SourceText, type Span } from '../../src/diagnostics/span.js';

/** The span of the `nth` occurrence (0-based) of `needle` in a source. */
export function spanOf(src: SourceText, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = src.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found in ${src.path}`);
  }
  return src.span(at, at + needle.length);
}

export function diagnostic(span: Span, fields: Partial<Omit<Diagnostic, 'span'>> = {}): Diagnostic {
  return { code: 'TOPO2104', severity: 'error', message: 'something is wrong', span, related: [], notes: [], ...fields };
}

export function related(span: Span, label: string): Related {
  return { span, label };
}

export function sourcesOf(...srcs: SourceText[]): Map<string, SourceText> {
  return new Map(srcs.map((s) => [s.path, s]));
}

/** Lines joined with newlines: lets expected output be written one screen row per line. */
export function rows(...lines: string[]): string {
  return lines.join('\n');
}
