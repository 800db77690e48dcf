import { EmbeddedActionsParser, isRecognitionException, type IOrAlt, type IRecognitionException, type IToken } from './chevrotain.js';
import type * as A from '../src/ast/types.js';
import type { AstBuilder, Block, DeclParts, Statement } from './build-ast.js';
import { errorMessageProvider } from './messages.js';
import * as T from './tokens.js';

/** Rules that recover from an error by skipping to the end of their statement (see invokeRuleCatch). */
const STATEMENT_RULES = new Set(['statement', 'check']);
/** Inner rules let errors propagate to their statement, which knows where it ends. */
const NO_RESYNC = { resyncEnabled: false };
const RECOVER_AS_NULL = { recoveryValueFunc: () => null };

/** Chevrotain internals used by statement-level recovery (not in its public typings). */
interface ParserInternals {
  getCurrRuleFullName(): string;
  isBackTracking(): boolean;
  exportLexerState(): number;
  importLexerState(state: number): void;
}

/**
 * The `.topo` grammar (docs/grammar.md), with embedded actions that build the AST through grammar/build-ast.ts
 * (no intermediate CST: on large files that halves allocation and garbage-collection time).
 * The token stream is normalised first (grammar/token-stream.ts): braces balance, every statement ends with
 * exactly one terminator, and blocks nest at most 64 deep, so the rule recursion is bounded.
 */
export class TopoParser extends EmbeddedActionsParser {
  /** For each token index, the index of the terminator ending the statement that starts there. */
  private statementEnds: Int32Array = new Int32Array(0);
  /** Token indices where the statements being parsed (outermost first) start. */
  private openStatements: number[] = [];
  private b!: AstBuilder;

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 1, errorMessageProvider, skipValidations: true });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', (): A.Item[] => this.SUBRULE(this.statements, { ARGS: [true] }));

  statements = this.RULE('statements', (topLevel: boolean): A.Item[] => {
    const results: (Statement | null)[] = [];
    this.MANY(() => results.push(this.SUBRULE(this.statement)));
    return this.ACTION(() => this.b.items(results, topLevel));
  }, NO_RESYNC);

  statement = this.RULE('statement', (): Statement | null => {
    this.ACTION(() => this.openStatements.push(this.position() + 1));
    const result = this.OR(this.statementAlts);
    this.CONSUME(T.Terminator);
    this.ACTION(() => this.openStatements.pop());
    return result;
  }, RECOVER_AS_NULL);

  /**
   * The alternatives of the hottest rules, built once rather than on every call (they capture no local:
   * Chevrotain reads only their ALT and GATE).
   */
  private readonly statementAlts: IOrAlt<Statement | null>[] = [
    { ALT: () => this.SUBRULE(this.importStmt) },
    { ALT: () => this.SUBRULE(this.kindStmt) },
    { ALT: () => this.SUBRULE(this.connection) },
    { ALT: () => this.SUBRULE(this.bearer) },
    { ALT: () => this.SUBRULE(this.flow) },
    { ALT: () => this.SUBRULE(this.assert) },
    { ALT: () => this.SUBRULE(this.headed) },
    { ALT: () => {
      const first = this.SUBRULE(this.stray);
      return this.ACTION(() => this.b.stray(first, 'a statement'));
    } },
  ];

  /** A statement that cannot start with its first token: skipped whole with one "expected a statement" error. */
  stray = this.RULE('stray', (): IToken => {
    const first = this.OR([{ ALT: () => this.CONSUME(T.Stray) }, { ALT: () => this.SUBRULE(this.skipped) }]);
    this.MANY(() => this.OR2([{ ALT: () => this.CONSUME(T.Junk) }, { ALT: () => this.SUBRULE2(this.skipped) }]));
    return first;
  }, NO_RESYNC);

  /** A block inside a skipped statement: matched by braces only, so its contents add no errors. Returns its `{`. */
  skipped = this.RULE('skipped', (): IToken => {
    const open = this.CONSUME(T.LCurly);
    this.MANY(() => this.OR([
      { ALT: () => this.CONSUME(T.Junk) },
      { ALT: () => this.CONSUME(T.Terminator) },
      { ALT: () => this.SUBRULE(this.skipped) },
    ]));
    this.CONSUME(T.RCurly);
    return open;
  }, NO_RESYNC);

  importStmt = this.RULE('importStmt', (): Statement => {
    const kw = this.CONSUME(T.Import);
    const path = this.CONSUME(T.StringLit);
    return this.ACTION(() => this.b.importStmt(kw, path));
  }, NO_RESYNC);

  kindStmt = this.RULE('kindStmt', (): A.KindDecl => {
    const kw = this.CONSUME(T.Kind);
    const name = this.CONSUME(T.NamePart);
    const block = this.SUBRULE(this.block);
    return this.ACTION(() => this.b.kindDecl(kw, name, block));
  }, NO_RESYNC);

  connection = this.RULE('connection', (): A.Connection => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Link) }, { ALT: () => this.CONSUME(T.Control) }]);
    const ends = [this.SUBRULE(this.ref)];
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.DashDash);
      ends.push(this.SUBRULE2(this.ref));
    });
    const block = this.OPTION(() => this.SUBRULE(this.block));
    return this.ACTION(() => this.b.connection(kw, ends, block));
  }, NO_RESYNC);

  bearer = this.RULE('bearer', (): A.Bearer => {
    const kw = this.CONSUME(T.BearerKw);
    const ue = this.SUBRULE(this.ref);
    this.CONSUME(T.Via);
    const via = [this.SUBRULE2(this.ref)];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      via.push(this.SUBRULE3(this.ref));
    });
    const block = this.OPTION(() => this.SUBRULE(this.block));
    return this.ACTION(() => this.b.bearer(kw, ue, via, block));
  }, NO_RESYNC);

  flow = this.RULE('flow', (): A.FlowDecl => {
    const kw = this.CONSUME(T.Flow);
    const name = this.CONSUME(T.NamePart);
    const block = this.SUBRULE(this.block);
    return this.ACTION(() => this.b.flowDecl(kw, name, block));
  }, NO_RESYNC);

  assert = this.RULE('assert', (): A.Assert => {
    const kw = this.CONSUME(T.Assert);
    const soft = this.OPTION(() => this.CONSUME(T.Soft));
    const words: A.Atom[] = [];
    this.MANY(() => words.push(this.SUBRULE(this.assertWord)));
    const checks = this.OPTION2(() => this.SUBRULE(this.checks));
    return this.ACTION(() => this.b.assert(kw, soft, words, checks, this.LA(0)));
  }, NO_RESYNC);

  assertWord = this.RULE('assertWord', (): A.Atom => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.ref) },
      { ALT: () => {
        const t = this.CONSUME(T.Literal);
        return this.ACTION(() => this.b.literal(t));
      } },
      { ALT: () => {
        const t = this.CONSUME(T.AssertKeyword);
        return this.ACTION(() => this.b.op(t));
      } },
      { ALT: () => {
        const t = this.CONSUME(T.Arrow);
        return this.ACTION(() => this.b.op(t));
      } },
      { ALT: () => {
        const t = this.CONSUME(T.DashDash);
        return this.ACTION(() => this.b.op(t));
      } },
      { ALT: () => {
        const t = this.CONSUME(T.Comma);
        return this.ACTION(() => this.b.op(t));
      } },
      { ALT: () => {
        const t = this.CONSUME(T.Colon);
        return this.ACTION(() => this.b.op(t));
      } },
      { ALT: () => {
        const t = this.CONSUME(T.CompareOp);
        return this.ACTION(() => this.b.op(t));
      } },
    ]);
  }, NO_RESYNC);

  checks = this.RULE('checks', (): { checks: A.Check[]; close: IToken } => {
    this.CONSUME(T.LCurly);
    const checks: A.Check[] = [];
    this.MANY(() => {
      const check = this.SUBRULE(this.check);
      if (check) checks.push(check);
    });
    return { checks, close: this.CONSUME(T.RCurly) };
  }, NO_RESYNC);

  check = this.RULE('check', (): A.Check | null => {
    this.ACTION(() => this.openStatements.push(this.position() + 1));
    const check = this.OR([
      { ALT: () => {
        const field = this.SUBRULE(this.path);
        return this.OR2([
          { ALT: () => {
            const op = this.OR3([{ ALT: () => this.CONSUME(T.CompareOp) }, { ALT: () => this.CONSUME(T.In) }]);
            const value = this.SUBRULE(this.atom);
            return this.ACTION(() => this.b.check(field, op, value));
          } },
          { ALT: () => {
            const op = this.CONSUME(T.Exists);
            return this.ACTION(() => this.b.check(field, op, undefined));
          } },
        ]);
      } },
      { ALT: () => {
        const first = this.SUBRULE(this.stray);
        return this.ACTION(() => this.b.stray(first, 'a check'));
      } },
    ]);
    this.CONSUME(T.Terminator);
    this.ACTION(() => this.openStatements.pop());
    return check;
  }, RECOVER_AS_NULL);

  /** Statements that start with a word: a property (`key: …`), a declaration (`KIND …`) or a flag. */
  headed = this.RULE('headed', (): A.Item | null => {
    this.headPath = this.SUBRULE(this.path);
    return this.OR(this.headedAlts);
  }, NO_RESYNC);

  /** The path `headed` has just read, for its alternatives; each takes it before any subrule can nest another. */
  private headPath: IToken[] = [];

  private readonly headedAlts: IOrAlt<A.Item | null>[] = [
    { ALT: () => {
      const path = this.headPath;
      this.CONSUME(T.Colon);
      const values = this.SUBRULE(this.values);
      return this.ACTION(() => this.b.property(path, values));
    } },
    { ALT: () => {
      const path = this.headPath;
      const parts = this.SUBRULE(this.declRest);
      return this.ACTION(() => this.b.decl(path, parts));
    } },
    {
      GATE: () => T.Terminator.categoryMatchesMap![this.LA(1).tokenTypeIdx] === true,
      ALT: () => this.ACTION(() => this.b.flag(this.headPath, this.LA(1))),
    },
  ];

  /** After the kind: `[LIT] NAME [LIT] [on REF] [in REF] [{ … }]`. */
  declRest = this.RULE('declRest', (): DeclParts => {
    const before = this.OPTION(() => this.CONSUME(T.Literal));
    const name = this.CONSUME(T.NamePart);
    const after = this.OPTION2(() => this.CONSUME2(T.Literal));
    const on = this.OPTION3(() => {
      this.CONSUME(T.On);
      return this.SUBRULE(this.ref);
    });
    const inRef = this.OPTION4(() => {
      this.CONSUME(T.In);
      return this.SUBRULE2(this.ref);
    });
    const block = this.OPTION5(() => this.SUBRULE(this.block));
    return { before, name, after, on, in: inRef, block, last: this.LA(0) };
  }, NO_RESYNC);

  values = this.RULE('values', (): A.Term[] => {
    const terms = [this.SUBRULE(this.term)];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      terms.push(this.SUBRULE2(this.term));
    });
    return terms;
  }, NO_RESYNC);

  private readonly termAlts: IOrAlt<A.Atom>[] = [
    { ALT: () => this.SUBRULE2(this.atom) },
    { ALT: () => {
      const t = this.CONSUME(T.Colon);
      return this.ACTION(() => this.b.op(t));
    } },
  ];

  private readonly arrowAlts: IOrAlt<A.Atom>[] = [
    { ALT: () => this.SUBRULE4(this.atom) },
    { ALT: () => {
      const t = this.CONSUME2(T.Colon);
      return this.ACTION(() => this.b.op(t));
    } },
  ];

  /** Atoms separated by spaces, then optionally `-> atoms`; a touching `:` is kept as an operator (`haproxy:tcp/443`). */
  term = this.RULE('term', (): A.Term => {
    const atoms = [this.SUBRULE(this.atom)];
    this.MANY(() => atoms.push(this.OR(this.termAlts)));
    const arrow = this.OPTION(() => {
      this.CONSUME(T.Arrow);
      const rhs = [this.SUBRULE3(this.atom)];
      this.MANY2(() => rhs.push(this.OR2(this.arrowAlts)));
      return rhs;
    });
    return this.ACTION(() => this.b.term(atoms, arrow));
  }, NO_RESYNC);

  private readonly atomAlts: IOrAlt<A.Atom>[] = [
      { ALT: () => {
        // A dotted name, inlined rather than SUBRULE(path): values are the hottest path on large files.
        const path = [this.CONSUME(T.Identifier)];
        this.MANY(() => {
          this.CONSUME(T.Dot);
          path.push(this.CONSUME2(T.Identifier));
        });
        return this.ACTION(() => this.b.pathRef(path));
      } },
      { ALT: () => {
        const t = this.CONSUME(T.StringLit);
        return this.ACTION(() => this.b.stringAtom(t));
      } },
      { ALT: () => {
        const t = this.CONSUME(T.Literal);
        return this.ACTION(() => this.b.literal(t));
      } },
      // A keyword used as a plain word in a value (`bgp: on`).
      { ALT: () => {
        const t = this.CONSUME(T.Keyword);
        return this.ACTION(() => this.b.pathRef([t]));
      } },
  ];

  atom = this.RULE('atom', (): A.Atom => this.OR(this.atomAlts), NO_RESYNC);

  block = this.RULE('block', (): Block => {
    const open = this.CONSUME(T.LCurly);
    const items = this.SUBRULE(this.statements, { ARGS: [false] });
    const close = this.CONSUME(T.RCurly);
    return { open, items, close };
  }, NO_RESYNC);

  /** A dotted name: `a2`, `carrier.a2`, `outer.ip.src`. */
  path = this.RULE('path', (): IToken[] => {
    const parts = [this.CONSUME(T.Identifier)];
    this.MANY(() => {
      this.CONSUME(T.Dot);
      parts.push(this.CONSUME2(T.Identifier));
    });
    return parts;
  }, NO_RESYNC);

  /** A reference: dotted parts, each a word or a quoted name. */
  ref = this.RULE('ref', (): A.Ref => {
    const parts = [this.CONSUME(T.NamePart)];
    this.MANY(() => {
      this.CONSUME(T.Dot);
      parts.push(this.CONSUME2(T.NamePart));
    });
    return this.ACTION(() => this.b.ref(parts));
  }, NO_RESYNC);

  /**
   * Parse a normalised token stream; `statementEnds` comes from grammar/token-stream.ts. The parser is reused
   * across files, so it lets go of this file's tokens and builder before returning.
   */
  parseTokens(tokens: IToken[], statementEnds: Int32Array, builder: AstBuilder): { items: A.Item[]; errors: IRecognitionException[] } {
    this.statementEnds = statementEnds;
    this.openStatements = [];
    this.b = builder;
    this.input = tokens;
    const items = this.file() ?? [];
    const errors = this.errors;
    this.input = [];
    this.statementEnds = new Int32Array(0);
    this.b = undefined!;
    this.headPath = [];
    return { items, errors };
  }

  /**
   * Statement-level recovery: on a syntax error inside a statement (or check), skip to the terminator that ends
   * it — found by brace depth in advance, so nested blocks are skipped whole — and keep parsing after it.
   * Chevrotain's own follow-set resync cannot see braces and resumes inside a skipped block, cascading errors.
   */
  invokeRuleCatch(e: unknown, resyncEnabled: boolean, recoveryValueFunc: (e: unknown) => unknown): unknown {
    const self = this as unknown as ParserInternals;
    const recoverable = e instanceof Error && isRecognitionException(e);
    if (!recoverable || !STATEMENT_RULES.has(self.getCurrRuleFullName()) || self.isBackTracking()) {
      const base = EmbeddedActionsParser.prototype as unknown as { invokeRuleCatch: TopoParser['invokeRuleCatch'] };
      return base.invokeRuleCatch.call(this, e, resyncEnabled, recoveryValueFunc);
    }
    const end = this.statementEnds[this.openStatements.pop()!];
    if (end > this.position()) self.importLexerState(end);
    return recoveryValueFunc(e);
  }

  /** Index of the last consumed token. */
  private position(): number {
    return (this as unknown as ParserInternals).exportLexerState();
  }

  /**
   * No single-token insertion or deletion: an inserted token has no position, and deleting a token to fit the
   * next one (`link a -- { cost: 1 }` drops the `{`) derails the rest of the statement. Statement-level recovery
   * reports one error and resumes at the next statement.
   */
  override canTokenTypeBeInsertedInRecovery(): boolean {
    return false;
  }

  override canTokenTypeBeDeletedInRecovery(): boolean {
    return false;
  }
}

let instance: TopoParser | undefined;

/** The parser is built once per process (self-analysis is costly) and reused for every file. */
export function getParser(): TopoParser {
  instance ??= new TopoParser();
  return instance;
}
