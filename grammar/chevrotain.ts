// Chevrotain's package entry loads hundreds of lodash-es modules (~0.5 s cold); the same package ships a
// single-file ESM bundle that loads in a fraction of that. Node forbids reaching it by a package subpath
// (the package's `exports` map lists only "."), so find it next to the resolved entry. `topo check` must
// start in under 300 ms (issue 2).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const entry = createRequire(import.meta.url).resolve('chevrotain'); // …/chevrotain/lib/src/api.js
const bundle: typeof import('chevrotain') = await import(new URL('../chevrotain.mjs', pathToFileURL(entry)).href);

export const { createToken, createTokenInstance, createSyntaxDiagramsCode, EmbeddedActionsParser, EOF, isRecognitionException, Lexer } = bundle;
export type { IOrAlt, IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
// The classes are values above; these make their names usable as types too, as with a normal import.
export type Lexer = import('chevrotain').Lexer;
export type EmbeddedActionsParser = import('chevrotain').EmbeddedActionsParser;
