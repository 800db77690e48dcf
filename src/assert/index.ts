// `assert` statements: type-checked with the program (`checkAsserts`, run by the driver so `topo check` reports
// malformed ones), and evaluated over the model, routes and traces (`runAsserts`, for `topo test`).
import type { RoutingResult } from '../control/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Network } from '../model/types.js';
import type { Program } from '../resolve/program.js';
import { evalContext, type EvalContext, type Failure } from './context.js';
import { evalFlowForm } from './flows.js';
import type { Form } from './forms.js';
import { parseAsserts } from './parse.js';
import { evalReachable } from './reach.js';
import { evalRoute, evalSession } from './routing.js';

export type { Failure, Origin } from './context.js';
export type { FlowTrace, TraceHop } from '../trace/index.js';

export interface AssertResult {
  span: Span;
  /** The assertion as written, spacing normalised: `assert order via nat, c1`. */
  text: string;
  soft: boolean;
  /** `failed` only for a hard assertion; a soft one that does not hold is `warned`. */
  status: 'passed' | 'failed' | 'warned';
  failures: Failure[];
}

export function checkAsserts(program: Program): Diagnostic[] {
  return parseAsserts(program).diagnostics;
}

/** Every well-formed assertion of the program, in source order, evaluated. */
export function runAsserts(program: Program, network: Network, routing: RoutingResult): AssertResult[] {
  const ctx = evalContext(program, network, routing);
  return parseAsserts(program).parsed.flatMap(({ stmt, text, form }) => {
    if (!form) return [];
    const failures = evaluate(ctx, form);
    const status = failures.length === 0 ? 'passed' : stmt.ast.soft ? 'warned' : 'failed';
    return [{ span: stmt.ast.span, text, soft: stmt.ast.soft, status, failures }];
  });
}

function evaluate(ctx: EvalContext, form: Form): Failure[] {
  switch (form.form) {
    case 'reachable':
      return evalReachable(ctx, form);
    case 'session':
      return evalSession(ctx, form);
    case 'route':
      return evalRoute(ctx, form);
    default:
      return evalFlowForm(ctx, form);
  }
}
