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
 * An AST as plain data, read through its interfaces, for comparing trees: JSON.stringify gives a node's span
 * only, and some fields are getters (grammar/nodes.ts). Spans become `[start, end]`; storage fields (`_…`) are
 * left out. A node that is its own name (a one-word reference, a flag) shows that name where the interface has
 * it (`parts`, `name`) and not its own text; an atom's own `atoms` (an atom is a one-atom term) are left out.
 */
export function astData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(astData);
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const names = fieldNames(node);
  const isOwnName = names.some((key) => key !== 'atoms' && key !== 'span' && selfIn(node, node[key]));
  const out: Record<string, unknown> = {};
  for (const key of names) {
    const v = node[key];
    if (v === undefined || key.startsWith('_') || (isOwnName && (key === 'text' || key === 'quoted'))) continue;
    if (key === 'span' || key.endsWith('Span')) {
      const span = v as Span;
      out[key] = [span.start, span.end];
    } else if (selfIn(node, v)) {
      if (key === 'atoms') continue;
      const self = { span: [node.start, node.end], text: node.text, quoted: node.quoted };
      out[key] = Array.isArray(v) ? [self] : self;
    } else {
      out[key] = astData(v);
    }
  }
  return out;
}

/** Whether `v` is the node itself, or a list of just the node. */
function selfIn(node: object, v: unknown): boolean {
  return v === node || (Array.isArray(v) && v.length === 1 && v[0] === node);
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
