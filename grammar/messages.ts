import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from './chevrotain.js';
import * as T from './tokens.js';
import { printable } from './lexer.js';

/**
 * What a syntax error says, carried through Chevrotain's string-typed message channel as JSON
 * and turned into a TOPO1201 diagnostic by grammar/index.ts.
 */
export interface SyntaxErrorArgs {
  expected: string;
  after: string | null;
  found: string;
  help?: string;
}

/** How a token is named in "found …". */
export function describeToken(t: IToken | undefined): string {
  if (t === undefined || t.tokenType === EOF) return 'end of file';
  if (t.tokenType === T.Newline) return 'end of line';
  if (t.tokenType === T.ImplicitEnd) return t.image === '' ? 'end of file' : '`}`';
  return `\`${printable(t.image)}\``;
}

function describeExpected(types: TokenType[]): string {
  // Everything an atom may start with: say what it is rather than listing token kinds.
  if (types.includes(T.Literal) && types.includes(T.Keyword)) return 'a value';
  const labels: string[] = [];
  for (const t of types) {
    const label = t.LABEL ?? t.name;
    if (!labels.includes(label)) labels.push(label);
  }
  if (labels.length <= 1) return labels[0] ?? 'something else';
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

function after(previous: IToken | undefined): string | null {
  if (previous === undefined || previous.tokenType === EOF || T.Terminator.categoryMatchesMap![previous.tokenTypeIdx]) return null;
  if (previous.tokenType === T.LCurly) return null;
  return `\`${printable(previous.image)}\``;
}

/** Context-specific advice for the most common mistakes. */
function helpFor(ruleName: string, expected: TokenType[], actual: IToken): string | undefined {
  if (ruleName === 'declRest') {
    return 'a declaration is `KIND NAME`; to set a property write `KEY: VALUE`';
  }
  if (actual.tokenType === T.Equals) return 'properties are written `KEY: VALUE`, and checks compare with `==`';
  if (ruleName === 'headed' && expected.includes(T.Colon)) return 'a property is `KEY: VALUE`; a lone word is a flag';
  return undefined;
}

function payload(expected: TokenType[], actual: IToken, previous: IToken, ruleName: string): string {
  const args: SyntaxErrorArgs = { expected: describeExpected(expected), after: after(previous), found: describeToken(actual) };
  const help = helpFor(ruleName, expected, actual);
  if (help !== undefined) args.help = help;
  return JSON.stringify(args);
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual, previous, ruleName }) => payload([expected], actual, previous, ruleName),
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    JSON.stringify({ expected: 'a statement', after: null, found: describeToken(firstRedundant) } satisfies SyntaxErrorArgs),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual, previous, ruleName }) =>
    payload(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0])).filter((t) => t !== undefined), actual[0], previous, ruleName),
  buildEarlyExitMessage: ({ expectedIterationPaths, actual, previous, ruleName }) =>
    payload(expectedIterationPaths.map((path) => path[0]).filter((t) => t !== undefined), actual[0], previous, ruleName),
};
