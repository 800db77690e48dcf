// The typed forms an `assert` statement's words stand for, after parse.ts has checked them against the program.
import type { Check } from '../ast/types.js';
import type { Span } from '../diagnostics/span.js';
import type { AssertStmt, Flow, NodeId } from '../resolve/program.js';
import type { FieldDef } from './fields.js';

/** A node named in an assertion, with the word that named it. */
export interface NodeRef {
  node: NodeId;
  span: Span;
}

/** `internet`: every node that originates traffic outside the target's VPC and AS. */
export type Source = NodeRef | { group: 'internet'; span: Span };

/** Which hops of a flow a header check looks at. */
export type HopSelector =
  | { by: 'ends'; from: NodeRef; to: NodeRef }
  | { by: 'index'; index: number; span: Span }
  | { by: 'segment'; index: number; span: Span }
  | { by: 'flow' };

/** A check whose field and value were type-checked: `value` is a node, an address, a prefix, a number or text. */
export interface TypedCheck {
  ast: Check;
  field: FieldDef;
  /** The layer a header field is read from: 0 = outermost, -1 = innermost, null = the first layer that has it. */
  layer: number | null;
  value?: CheckValue;
}

export type CheckValue =
  | { kind: 'node'; node: NodeId }
  | { kind: 'address'; value: string }
  | { kind: 'prefix'; addr: number; len: number; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string };

export type Form =
  | { form: 'reaches'; flow: Flow; target: NodeRef }
  | { form: 'reachable'; negated: boolean; both: boolean; from: Source; to: NodeRef; port: { protocol: 'tcp' | 'udp'; port: number } | null }
  | { form: 'path'; flow: Flow; nodes: NodeRef[] }
  | { form: 'via'; flow: Flow; nodes: NodeRef[]; negated: boolean }
  | { form: 'headers'; flow: Flow; at: HopSelector; checks: TypedCheck[] }
  | { form: 'session'; a: NodeRef; b: NodeRef }
  | { form: 'route'; node: NodeRef; prefix: { text: string; span: Span }; via: NodeRef | null; asPath: number[] | null };

/** An assertion as written (its statement and source text) and what it means, when it type-checked. */
export interface ParsedAssert {
  stmt: AssertStmt;
  text: string;
  form: Form | null;
}
