import { createToken, Lexer, type TokenType } from './chevrotain.js';

/**
 * Token types of the `.topo` surface syntax (docs/language.md, "Lexical structure").
 * Literals are lexed loosely on purpose: `10.0.1.300`, `tcp/99999` or `5parsecs` each become one token,
 * so that grammar/literals.ts can report the exact bad part with a precise message instead of the lexer
 * failing with a generic "unexpected character".
 */

/** Statement terminators after normalisation (grammar/token-stream.ts): a newline or `;`. */
export const Terminator = createToken({ name: 'Terminator', pattern: Lexer.NA, label: 'end of statement' });
/** A terminator the normaliser adds before a `}` (image `}`) or at the end of the file (empty image). */
export const ImplicitEnd = createToken({ name: 'ImplicitEnd', pattern: Lexer.NA, categories: [Terminator] });
/** Literal tokens that may stand as an atom or a declaration's primary value. */
export const Literal = createToken({ name: 'Literal', pattern: Lexer.NA, label: 'a literal' });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v]+/, group: Lexer.SKIPPED });
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, categories: [Terminator], label: 'end of line' });

// Comments go to their own group: the AST keeps them (doc comments, a future formatter).
export const DocComment = createToken({
  name: 'DocComment', pattern: /\/\/\/(?!\/)[^\r\n]*/, group: 'comments', start_chars_hint: ['/'],
});
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments' });
export const UnterminatedBlockComment = createToken({
  name: 'UnterminatedBlockComment', pattern: /\/\*[\s\S]*/, group: 'comments',
});

/** A word or a quoted string: a declared name or one part of a reference. */
export const NamePart = createToken({ name: 'NamePart', pattern: Lexer.NA, label: 'a name' });

/** A string is one line; an unterminated one is still a string (a category member) plus a diagnostic. */
export const StringLit = createToken({
  name: 'String', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/, categories: [NamePart], label: 'a string',
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/, categories: [StringLit], label: 'a string',
});

/** Anything with two or more touching colons is meant as a MAC address (`02:00:0a:00:01:02`). */
export const MacLike = createToken({
  name: 'Mac', pattern: /[0-9A-Za-z]{1,4}:[0-9A-Za-z]*(?::[0-9A-Za-z]*)+/, categories: [Literal], label: 'a MAC address',
});
/** Numbers, quantities, hex, IPv4 addresses and prefixes: a digit, then anything literal-like. */
export const NumberLike = createToken({
  name: 'Number', pattern: /[0-9][0-9A-Za-z_.%]*(?:\/[0-9A-Za-z_.]*)?/, categories: [Literal], label: 'a literal',
});
/** `tcp/443`, `udp/53`, `tcp/8000-8010`; a short word touching a `/` (not a comment). */
export const PortLike = createToken({
  name: 'Port',
  pattern: /[A-Za-z][A-Za-z0-9]{0,7}\/(?![/*])[0-9A-Za-z_]*(?:-[0-9A-Za-z_]*)?/,
  start_chars_hint: [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  categories: [Literal],
  label: 'a port',
});

export const Identifier = createToken({
  name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [NamePart], label: 'a name',
});

/** Keywords are reserved only where the grammar expects them; in property values they are plain words. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA, label: 'a keyword' });
function keyword(word: string): TokenType {
  return createToken({
    name: word[0].toUpperCase() + word.slice(1), pattern: new RegExp(word), longer_alt: Identifier,
    categories: [Keyword], label: `\`${word}\``,
  });
}
export const Import = keyword('import');
export const Kind = keyword('kind');
export const Link = keyword('link');
export const Control = keyword('control');
export const BearerKw = keyword('bearer');
export const Flow = keyword('flow');
export const Assert = keyword('assert');
export const Soft = keyword('soft');
export const On = keyword('on');
export const In = keyword('in');
export const Via = keyword('via');
export const Not = keyword('not');
export const Exists = keyword('exists');

function punct(name: string, text: string): TokenType {
  return createToken({ name, pattern: text, label: `\`${text}\`` });
}
/** Comparison operators of assertion checks. */
export const CompareOp = createToken({ name: 'CompareOp', pattern: Lexer.NA, label: 'a comparison operator' });
export const Arrow = punct('Arrow', '->');
export const DashDash = punct('DashDash', '--');
export const EqEq = createToken({ name: 'EqEq', pattern: '==', categories: [CompareOp], label: '`==`' });
export const NotEq = createToken({ name: 'NotEq', pattern: '!=', categories: [CompareOp], label: '`!=`' });
export const LtEq = createToken({ name: 'LtEq', pattern: '<=', categories: [CompareOp], label: '`<=`' });
export const GtEq = createToken({ name: 'GtEq', pattern: '>=', categories: [CompareOp], label: '`>=`' });
export const Lt = createToken({ name: 'Lt', pattern: '<', categories: [CompareOp], label: '`<`' });
export const Gt = createToken({ name: 'Gt', pattern: '>', categories: [CompareOp], label: '`>`' });
/** Never accepted by the grammar: lexed so that `ip = 10.0.0.1` reads "expected `:` … found `=`". */
export const Equals = punct('Equals', '=');
export const LCurly = punct('LCurly', '{');
export const RCurly = punct('RCurly', '}');
export const Semicolon = createToken({ name: 'Semicolon', pattern: ';', categories: [Terminator], label: '`;`' });
export const Comma = punct('Comma', ',');
export const Colon = punct('Colon', ':');
export const Dot = punct('Dot', '.');

const keywords = [Import, Kind, Link, Control, BearerKw, Flow, Assert, Soft, On, In, Via, Not, Exists];

// Order matters: comments before `/`-free tokens, MAC before numbers, ports and keywords before identifiers,
// two-character operators before their one-character prefixes.
export const allTokens: TokenType[] = [
  WhiteSpace, Newline, DocComment, LineComment, BlockComment, UnterminatedBlockComment,
  StringLit, UnterminatedString, MacLike, NumberLike, PortLike, ...keywords, Identifier,
  Arrow, DashDash, EqEq, NotEq, LtEq, GtEq, Lt, Gt, Equals, LCurly, RCurly, Semicolon, Comma, Colon, Dot,
  Keyword, CompareOp, Terminator, ImplicitEnd, Literal, NamePart,
];

/** Tokens that cannot start a statement: a statement starting with one is skipped as a whole with one error. */
export const Stray = createToken({ name: 'Stray', pattern: Lexer.NA, label: 'a statement' });
/** Any token inside a skipped statement: everything but terminators and braces (blocks are skipped whole). */
export const Junk = createToken({ name: 'Junk', pattern: Lexer.NA });
/** Keywords that are words of an assertion (`not reachable`, `via nat`, `gtpu.teid exists`). */
export const AssertKeyword = createToken({ name: 'AssertKeyword', pattern: Lexer.NA, label: 'a keyword' });

const strays = [MacLike, NumberLike, PortLike, StringLit, Soft, On, In, Via, Not, Exists,
  Arrow, DashDash, EqEq, NotEq, LtEq, GtEq, Lt, Gt, Equals, Comma, Colon, Dot];
for (const t of strays) t.CATEGORIES!.push(Stray, Junk);
for (const t of [Identifier, Import, Kind, Link, Control, BearerKw, Flow, Assert]) t.CATEGORIES!.push(Junk);
for (const t of [On, In, Via, Not, Exists]) t.CATEGORIES!.push(AssertKeyword);
allTokens.push(Stray, Junk, AssertKeyword);
