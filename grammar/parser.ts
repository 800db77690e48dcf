import { CstParser, EMPTY_ALT, isRecognitionException, type CstNode, type IToken } from 'chevrotain';
import * as T from './tokens.js';
import { errorMessageProvider } from './messages.js';

/** Rules that recover from an error by skipping to the end of their statement (see invokeRuleCatch). */
const STATEMENT_RULES = new Set(['statement', 'check']);
/** Inner rules let errors propagate to their statement, which knows where it ends. */
const NO_RESYNC = { resyncEnabled: false };

/** Chevrotain internals used by statement-level recovery (not in its public typings). */
interface ParserInternals {
  getCurrRuleFullName(): string;
  isBackTracking(): boolean;
  exportLexerState(): number;
  importLexerState(state: number): void;
  CST_STACK: (CstNode & { recoveredNode?: boolean })[];
}

/**
 * The `.topo` grammar (docs/grammar.md). The token stream is normalised first (grammar/token-stream.ts):
 * braces balance, every statement ends with exactly one terminator, and blocks nest at most 64 deep.
 */
export class TopoParser extends CstParser {
  /** For each token index, the index of the terminator ending the statement that starts there. */
  statementEnds: Int32Array = new Int32Array(0);
  /** Token indices where the statements being parsed (outermost first) start. */
  private openStatements: number[] = [];

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 2, errorMessageProvider, skipValidations: true });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.SUBRULE(this.statements);
  });

  statements = this.RULE('statements', () => {
    this.MANY(() => this.SUBRULE(this.statement));
  }, NO_RESYNC);

  statement = this.RULE('statement', () => {
    this.ACTION(() => this.enterStatement());
    this.OR([
      { ALT: () => this.SUBRULE(this.importStmt) },
      { ALT: () => this.SUBRULE(this.kindStmt) },
      { ALT: () => this.SUBRULE(this.connection) },
      { ALT: () => this.SUBRULE(this.bearer) },
      { ALT: () => this.SUBRULE(this.flow) },
      { ALT: () => this.SUBRULE(this.assert) },
      { ALT: () => this.SUBRULE(this.headed) },
      { ALT: () => this.SUBRULE(this.stray) },
    ]);
    this.CONSUME(T.Terminator);
    this.ACTION(() => this.openStatements.pop());
  });

  /** A statement that cannot start with its first token; built into one "expected a statement" error. */
  stray = this.RULE('stray', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Stray) }, { ALT: () => this.SUBRULE(this.block) }]);
    this.MANY(() => this.OR2([{ ALT: () => this.CONSUME(T.Junk) }, { ALT: () => this.SUBRULE2(this.block) }]));
  }, NO_RESYNC);

  importStmt = this.RULE('importStmt', () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLit);
  }, NO_RESYNC);

  kindStmt = this.RULE('kindStmt', () => {
    this.CONSUME(T.Kind);
    this.SUBRULE(this.name);
    this.SUBRULE(this.block);
  }, NO_RESYNC);

  connection = this.RULE('connection', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Link) }, { ALT: () => this.CONSUME(T.Control) }]);
    this.SUBRULE(this.ref);
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.DashDash);
      this.SUBRULE2(this.ref);
    });
    this.OPTION(() => this.SUBRULE(this.block));
  }, NO_RESYNC);

  bearer = this.RULE('bearer', () => {
    this.CONSUME(T.BearerKw);
    this.SUBRULE(this.ref);
    this.CONSUME(T.Via);
    this.SUBRULE2(this.ref);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE3(this.ref);
    });
    this.OPTION(() => this.SUBRULE(this.block));
  }, NO_RESYNC);

  flow = this.RULE('flow', () => {
    this.CONSUME(T.Flow);
    this.SUBRULE(this.name);
    this.SUBRULE(this.block);
  }, NO_RESYNC);

  assert = this.RULE('assert', () => {
    this.CONSUME(T.Assert);
    this.OPTION(() => this.CONSUME(T.Soft));
    this.MANY(() => this.SUBRULE(this.assertWord));
    this.OPTION2(() => this.SUBRULE(this.checks));
  }, NO_RESYNC);

  assertWord = this.RULE('assertWord', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.ref) },
      { ALT: () => this.CONSUME(T.Literal) },
      { ALT: () => this.CONSUME(T.AssertKeyword) },
      { ALT: () => this.CONSUME(T.Arrow) },
      { ALT: () => this.CONSUME(T.DashDash) },
      { ALT: () => this.CONSUME(T.Comma) },
      { ALT: () => this.CONSUME(T.Colon) },
      { ALT: () => this.CONSUME(T.CompareOp) },
    ]);
  }, NO_RESYNC);

  checks = this.RULE('checks', () => {
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.check));
    this.CONSUME(T.RCurly);
  }, NO_RESYNC);

  check = this.RULE('check', () => {
    this.ACTION(() => this.enterStatement());
    this.OR([
      { ALT: () => {
        this.SUBRULE(this.path);
        this.OR2([
          { ALT: () => {
            this.OR3([{ ALT: () => this.CONSUME(T.CompareOp) }, { ALT: () => this.CONSUME(T.In) }]);
            this.SUBRULE(this.atom);
          } },
          { ALT: () => this.CONSUME(T.Exists) },
        ]);
      } },
      { ALT: () => this.SUBRULE(this.stray) },
    ]);
    this.CONSUME(T.Terminator);
    this.ACTION(() => this.openStatements.pop());
  });

  /** Statements that start with a word: a property (`key: …`), a declaration (`KIND …`) or a flag. */
  headed = this.RULE('headed', () => {
    this.SUBRULE(this.path);
    this.OR([
      { ALT: () => {
        this.CONSUME(T.Colon);
        this.SUBRULE(this.values);
      } },
      { ALT: () => this.SUBRULE(this.declRest) },
      { GATE: () => T.Terminator.categoryMatchesMap![this.LA(1).tokenTypeIdx] === true, ALT: EMPTY_ALT('flag') },
    ]);
  }, NO_RESYNC);

  /** After the kind: `[LIT] NAME [LIT] [on REF] [in REF] [{ … }]`. */
  declRest = this.RULE('declRest', () => {
    this.OPTION(() => this.CONSUME(T.Literal));
    this.SUBRULE(this.name);
    this.OPTION2(() => this.CONSUME2(T.Literal));
    this.OPTION3(() => {
      this.CONSUME(T.On);
      this.SUBRULE(this.ref);
    });
    this.OPTION4(() => {
      this.CONSUME(T.In);
      this.SUBRULE2(this.ref);
    });
    this.OPTION5(() => this.SUBRULE(this.block));
  }, NO_RESYNC);

  values = this.RULE('values', () => {
    this.SUBRULE(this.term);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.term);
    });
  }, NO_RESYNC);

  term = this.RULE('term', () => {
    this.SUBRULE(this.atoms);
    this.OPTION(() => {
      this.CONSUME(T.Arrow);
      this.SUBRULE2(this.atoms);
    });
  }, NO_RESYNC);

  /** Atoms separated by spaces; a touching `:` is kept as an operator (`haproxy:tcp/443`). */
  atoms = this.RULE('atoms', () => {
    this.SUBRULE(this.atom);
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE2(this.atom) }, { ALT: () => this.CONSUME(T.Colon) }]));
  }, NO_RESYNC);

  atom = this.RULE('atom', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.path) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.Literal) },
      { ALT: () => this.CONSUME(T.Keyword) },
    ]);
  }, NO_RESYNC);

  block = this.RULE('block', () => {
    this.CONSUME(T.LCurly);
    this.SUBRULE(this.statements);
    this.CONSUME(T.RCurly);
  }, NO_RESYNC);

  /** A dotted name: `a2`, `carrier.a2`, `outer.ip.src`. */
  path = this.RULE('path', () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier);
    });
  }, NO_RESYNC);

  /** A reference: dotted parts, each a word or a quoted name. */
  ref = this.RULE('ref', () => {
    this.SUBRULE(this.name);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.SUBRULE2(this.name);
    });
  }, NO_RESYNC);

  name = this.RULE('name', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.StringLit) }]);
  }, NO_RESYNC);

  /** Parse a normalised token stream; `statementEnds` comes from grammar/token-stream.ts. */
  parseTokens(tokens: IToken[], statementEnds: Int32Array): CstNode {
    this.statementEnds = statementEnds;
    this.openStatements = [];
    this.input = tokens;
    return this.file();
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
      const base = CstParser.prototype as unknown as { invokeRuleCatch: TopoParser['invokeRuleCatch'] };
      return base.invokeRuleCatch.call(this, e, resyncEnabled, recoveryValueFunc);
    }
    const start = this.openStatements.pop()!;
    const end = this.statementEnds[start];
    if (end > self.exportLexerState()) self.importLexerState(end);
    const partial = self.CST_STACK[self.CST_STACK.length - 1];
    partial.recoveredNode = true;
    return partial;
  }

  private enterStatement(): void {
    this.openStatements.push((this as unknown as ParserInternals).exportLexerState() + 1);
  }

  /** Inserted tokens would carry no position; deletion (skipping one stray token) is kept. */
  override canTokenTypeBeInsertedInRecovery(): boolean {
    return false;
  }
}

let instance: TopoParser | undefined;

/** The parser is built once per process (self-analysis is costly) and reused for every file. */
export function getParser(): TopoParser {
  instance ??= new TopoParser();
  return instance;
}
