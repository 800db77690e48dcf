// Type-checks `assert` statements: their words must make one of the forms in forms.ts, their names must be
// declared flows and nodes, and each check's field, operator and value must fit. Every problem is a diagnostic
// at the offending word; an assertion with one is left out of `topo test` (never a crash, never a guess).
import type { Atom, Check } from '../ast/types.js';
import { assertCodes } from '../diagnostics/codes/assert.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanAtEnd, type Span } from '../diagnostics/span.js';
import { formatIp } from '../model/ipv4.js';
import { qualifiedName, type AssertStmt, type Flow, type Program } from '../resolve/program.js';
import { lookup, visibleNames } from '../resolve/scopes.js';
import { closest } from '../resolve/suggest.js';
import { FIELDS, OPS, VALUE_WORDS, fieldNamed, layerOf } from './fields.js';
import type { CheckValue, Form, HopSelector, NodeRef, ParsedAssert, Source, TypedCheck } from './forms.js';
import { assertText, atomText } from './text.js';

/** Thrown inside one assertion's parse and caught by `parseAsserts`: the assertion's one diagnostic. */
class Malformed extends Error {
  constructor(readonly diagnostic: Diagnostic | null) {
    super(diagnostic?.message ?? 'invalid literal');
  }
}

const FLOW_FORMS = '`reaches`, `path`, `via`, `not via`, `at` or `{ checks }`';

export function parseAsserts(program: Program): { parsed: ParsedAssert[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parsed = program.asserts.map((stmt): ParsedAssert => {
    const text = assertText(stmt.ast);
    try {
      return { stmt, text, form: new Parser(program, stmt).form() };
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
      if (e.diagnostic) diagnostics.push(e.diagnostic);
      return { stmt, text, form: null };
    }
  });
  return { parsed, diagnostics };
}

class Parser {
  private i = 0;
  private readonly words: Atom[];

  constructor(private readonly program: Program, private readonly stmt: AssertStmt) {
    this.words = stmt.ast.words;
    // A bad literal was reported by the parser: leave the assertion out without a second diagnostic.
    if ([...this.words, ...stmt.ast.checks.flatMap((c) => (c.value ? [c.value] : []))].some((w) => w.type === 'Invalid')) throw new Malformed(null);
  }

  form(): Form {
    if (this.isWord('not') && this.isWord('reachable', 1)) return this.reachable((this.i += 2, true));
    if (this.isWord('reachable')) return this.reachable((this.i++, false));
    if (this.take('session')) return this.session();
    if (this.take('route')) return this.route();
    const flow = this.flow();
    if (this.i === this.words.length) return this.done({ form: 'headers', flow, at: { by: 'flow' }, checks: this.checks('flow') }, true);
    if (this.take('reaches')) return this.done({ form: 'reaches', flow, target: this.node() });
    if (this.take('path')) return this.done({ form: 'path', flow, nodes: this.list() });
    if (this.take('via')) return this.done({ form: 'via', flow, nodes: this.list(), negated: false });
    if (this.take('not')) {
      this.expect('via', '`via`');
      return this.done({ form: 'via', flow, nodes: this.list(), negated: true });
    }
    if (this.take('at')) {
      const at = this.selector();
      return this.done({ form: 'headers', flow, at, checks: this.checks(at.by === 'segment' ? 'flow' : 'hop') }, true);
    }
    throw this.unexpected(FLOW_FORMS);
  }

  private reachable(negated: boolean): Form {
    const from = this.source();
    const both = this.take('--');
    if (!both) this.expect('->', '`->` (one way) or `--` (both ways)');
    const to = this.node();
    let port: { protocol: 'tcp' | 'udp'; port: number } | null = null;
    if (this.take(':')) {
      const w = this.next('a port such as `tcp/443`');
      if (w.type !== 'Port' || w.protocol === 'sctp') throw this.unexpectedAt(w, 'a port such as `tcp/443`');
      port = { protocol: w.protocol, port: w.port };
    }
    if (both && 'group' in from) throw new Malformed(diag(assertCodes.unknownForm, from.span, { found: '`internet`', expected: 'a node: a group reaches one way only (`->`)' }));
    return this.done({ form: 'reachable', negated, both, from, to, port });
  }

  private session(): Form {
    const a = this.node();
    this.expect('--', '`--`');
    const b = this.node();
    this.expect('established', '`established`');
    return this.done({ form: 'session', a, b });
  }

  private route(): Form {
    const node = this.node();
    const w = this.next('a prefix such as `198.51.100.0/24`');
    if (w.type !== 'Ipv4') throw this.unexpectedAt(w, 'a prefix such as `198.51.100.0/24`');
    const len = w.prefix ?? 32;
    const addr = len === 0 ? 0 : (w.addr & (~0 << (32 - len))) >>> 0;
    const prefix = { text: `${formatIp(addr)}/${len}`, span: w.span };
    if (this.take('via')) return this.done({ form: 'route', node, prefix, via: this.node(), asPath: null });
    if (this.take('as_path')) {
      const asPath: number[] = [];
      while (this.i < this.words.length) {
        const n = this.next('an AS number');
        if (n.type !== 'Number' || n.unit !== null || !Number.isInteger(n.value)) throw this.unexpectedAt(n, 'an AS number');
        asPath.push(n.value);
      }
      return this.done({ form: 'route', node, prefix, via: null, asPath });
    }
    return this.done({ form: 'route', node, prefix, via: null, asPath: null });
  }

  private selector(): HopSelector {
    for (const by of ['hop', 'segment'] as const) {
      if (!this.take(by)) continue;
      const n = this.next(`a ${by} number`);
      if (n.type !== 'Number' || n.unit !== null || !Number.isInteger(n.value) || n.value < 1) throw this.unexpectedAt(n, `a ${by} number (1, 2, …)`);
      return { by: by === 'hop' ? 'index' : 'segment', index: n.value, span: n.span };
    }
    const from = this.node();
    this.expect('->', '`->`');
    return { by: 'ends', from, to: this.node() };
  }

  /** A flow's checks; `scope` says whether they look at a hop's headers or at the whole flow or segment. */
  private checks(scope: 'hop' | 'flow'): TypedCheck[] {
    const checks = this.stmt.ast.checks;
    if (checks.length === 0) throw this.unexpected('`{ checks }`');
    return checks.map((c) => this.check(c, scope));
  }

  private check(c: Check, scope: 'hop' | 'flow'): TypedCheck {
    const parts = c.field.map((n) => n.text);
    const layer = parts.length > 1 ? layerOf(parts[0]) : undefined;
    const name = (layer === undefined ? parts : parts.slice(1)).join('.');
    const field = fieldNamed(name);
    if (!field || field.scope !== scope || (layer !== undefined && !field.proto)) {
      const where = scope === 'hop' ? 'at a hop' : 'of a flow or segment';
      const fields = FIELDS.filter((f) => f.scope === scope).map((f) => f.name).join(', ');
      const layers = scope === 'hop' ? ' (a header field may start with `outer.`, `inner.` or `layerN.`)' : '';
      throw new Malformed(diag(assertCodes.unknownField, c.fieldSpan, { field: parts.join('.'), where, fields: fields + layers }));
    }
    const typed: TypedCheck = { ast: c, field, layer: layer ?? null };
    const ops = OPS[field.type];
    if (!ops.includes(c.op)) throw this.badValue(c.opSpan, field.name, `takes ${ops.map((o) => `\`${o}\``).join(', ')}, not \`${c.op}\``);
    if (c.value) typed.value = this.value(c, field.name, field.type);
    return typed;
  }

  private value(c: Check, field: string, type: keyof typeof OPS): CheckValue {
    const v = c.value!;
    const wanted = c.op === 'in' ? 'a prefix such as `10.0.0.0/8`' : VALUE_WORDS[type];
    const wrong = () => this.badValue(v.span, field, `compares with ${wanted}, not \`${atomText(v)}\``);
    if (v.type === 'Ref' && (type === 'address' || type === 'mac' || type === 'node') && c.op !== 'in') return { kind: 'node', node: this.resolve(v.parts, v.span).node };
    if (v.type === 'Ipv4' && type === 'address') {
      if (c.op === 'in' && v.prefix !== null) return { kind: 'prefix', addr: v.addr, len: v.prefix, text: v.raw };
      if (c.op !== 'in' && v.prefix === null) return { kind: 'address', value: formatIp(v.addr) };
    }
    if (v.type === 'Mac' && type === 'mac') return { kind: 'address', value: v.value };
    if (v.type === 'Number' && type === 'number' && (v.unit === null || v.unit === 'B')) return { kind: 'number', value: v.base };
    if (v.type === 'String' && type === 'text') return { kind: 'text', value: v.value };
    throw wrong();
  }

  private flow(): Flow {
    const w = this.next('a flow name, `reachable`, `not reachable`, `session` or `route`');
    const name = w.type === 'Ref' && w.parts.length === 1 ? w.parts[0].text : null;
    const flow = name === null ? undefined : this.program.flows.find((f) => f.name === name);
    if (flow) return flow;
    if (name === null) throw this.unexpectedAt(w, 'a flow name, `reachable`, `not reachable`, `session` or `route`');
    const suggestion = closest(name, [...this.program.flows.map((f) => f.name), 'reachable', 'session', 'route']);
    throw new Malformed(diag(assertCodes.unknownFlow, w.span, suggestion ? { name, suggestion } : { name }));
  }

  private source(): Source {
    const w = this.words[this.i];
    if (w?.type === 'Ref' && w.parts.length === 1 && w.parts[0].text === 'internet' && !this.program.byName.has('internet')) {
      this.i++;
      return { group: 'internet', span: w.span };
    }
    return this.node();
  }

  private list(): NodeRef[] {
    const nodes = [this.node()];
    while (this.take(',')) nodes.push(this.node());
    return nodes;
  }

  private node(): NodeRef {
    const w = this.next('a node name');
    if (w.type !== 'Ref') throw this.unexpectedAt(w, 'a node name');
    return this.resolve(w.parts, w.span);
  }

  private resolve(parts: readonly { text: string; span: Span }[], span: Span): NodeRef {
    const found = lookup(this.program, parts, this.stmt.scope);
    if (typeof found === 'number') return { node: found, span };
    const name = parts.map((p) => p.text).join('.');
    const at = parts[found.at].span;
    if (found.reason === 'ambiguous') {
      const qualified = found.candidates.map((c) => `\`${qualifiedName(this.program, c)}\``).join(', ');
      throw new Malformed(diag(assertCodes.unknownNode, at, { name, reason: `is ambiguous: write one of ${qualified}` }));
    }
    const reason = found.reason === 'notContainer' ? `has no members: \`${parts[found.at].text}\` is not a container` : 'is not declared';
    const suggestion = found.reason === 'undefined' && found.at === 0 ? closest(parts[0].text, visibleNames(this.program, this.stmt.scope)) : undefined;
    throw new Malformed(diag(assertCodes.unknownNode, at, suggestion ? { name, reason, suggestion } : { name, reason }));
  }

  /** The form ends here; only forms that read headers or flow fields take `{ checks }`. */
  private done(form: Form, takesChecks = false): Form {
    if (this.i < this.words.length) throw this.unexpected('the end of the assertion');
    const first = this.stmt.ast.checks[0];
    if (!takesChecks && first) throw new Malformed(diag(assertCodes.unknownForm, first.span, { found: '`{ checks }`', expected: 'no checks: only `FLOW at …` and `FLOW { … }` take them' }));
    return form;
  }

  private isWord(word: string, ahead = 0): boolean {
    const w = this.words[this.i + ahead];
    return (w?.type === 'Ref' && w.parts.length === 1 && !w.parts[0].quoted && w.parts[0].text === word) || (w?.type === 'Op' && w.value === word);
  }

  private take(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.i++;
    return true;
  }

  private expect(word: string, expected: string): void {
    if (!this.take(word)) throw this.unexpected(expected);
  }

  private next(expected: string): Atom {
    const w = this.words[this.i++];
    if (!w) throw this.unexpected(expected);
    return w;
  }

  private unexpected(expected: string): Malformed {
    const w = this.words[this.i];
    if (w) return this.unexpectedAt(w, expected);
    const last = this.words[this.words.length - 1] ?? this.stmt.ast;
    const span = spanAtEnd(last.span);
    return new Malformed(diag(assertCodes.unknownForm, span, { found: 'the end of the assertion', expected }));
  }

  private unexpectedAt(w: Atom, expected: string): Malformed {
    return new Malformed(diag(assertCodes.unknownForm, w.span, { found: `\`${atomText(w)}\``, expected }));
  }

  private badValue(span: Span, field: string, problem: string): Malformed {
    return new Malformed(diag(assertCodes.badValue, span, { field, problem }));
  }
}
