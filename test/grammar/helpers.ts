import fc from 'fast-check';
import { parseFile, type ParseResult } from '../../grammar/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { OffsetSpan, type Span } from '../../src/diagnostics/span.js';

export function parse(text: string): ParseResult {
  return parseFile('test.topo', text);
}

/** `CODE line:col` of each diagnostic, for compact assertions. */
export function where(diags: Diagnostic[]): string[] {
  return diags.map((d) => `${d.code} ${d.span.line}:${d.span.col}`);
}

/** The source text a diagnostic's span covers. */
export function covered(text: string, d: Diagnostic): string {
  return text.slice(d.span.start, d.span.end);
}

/** Fragments of real syntax, so that generated strings reach deep into the grammar and not only the lexer. */
export const fragment = fc.constantFrom(
  'router', 'a2', 'link', '--', '->', '{', '}', ':', ';', ',', '.', '\n', '\r\n', ' ', '"s', '"', '\\', '10.0.1.2/24',
  '300', 'tcp/443', '02:00', 'assert', 'soft', 'not', 'in', 'on', 'via', 'exists', '==', '=', '/*', '*/', '//', '///',
  'flow', 'kind', 'import', 'bearer', 'control', '5ms', '0x', '@', '\u00e9', '\u0000',
  // Literals cut short, whose bad part is empty.
  '10.0.1.', '10..', 'tcp/', 'tcp/80-', '02:00::', '0a:',
);

/**
 * An AST as plain data, read through its interfaces, for comparing trees: the parser's nodes are classes whose
 * fields may be getters, and JSON.stringify gives a node's span only. Spans become `[start, end]`. A node that
 * is its own name (a one-word reference, a flag) shows that name as `{ text, quoted }`; an atom's own `atoms`
 * (an atom is also a one-atom term) are left out.
 */
export function astData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(astData);
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of fieldNames(node)) {
    const v = node[key];
    if (v === undefined) continue;
    if (key === 'span' || key.endsWith('Span')) {
      const span = v as Span;
      out[key] = [span.start, span.end];
    } else if (v === node || (Array.isArray(v) && v[0] === node)) {
      if (key === 'atoms') continue;
      const self = { text: node.text, quoted: node.quoted, span: [node.start, node.end] };
      out[key] = Array.isArray(v) ? [self] : self;
    } else {
      out[key] = astData(v);
    }
  }
  return out;
}

/** Own fields and getters, `type` first, less the span's own members (shown as `span`). */
function fieldNames(node: object): string[] {
  const names = new Set<string>('type' in node ? ['type'] : []);
  const isSpan = node instanceof OffsetSpan;
  for (const key of Object.keys(node)) if (!(isSpan && (key === 'source' || key === 'start' || key === 'end'))) names.add(key);
  for (let proto = Object.getPrototypeOf(node); proto && proto !== OffsetSpan.prototype && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) if (d.get) names.add(key);
  }
  return [...names];
}
