import { defineCode } from '../diagnostic.js';

/** TOPO10xx: lexical errors; TOPO12xx: syntax errors. Raised by grammar/. */
export const syntaxCodes = {
  unexpectedCharacter: defineCode<{ text: string }>({
    code: 'TOPO1001',
    severity: 'error',
    title: 'unexpected character',
    message: ({ text }) => `unexpected ${text.length === 1 ? 'character' : 'characters'} \`${text}\``,
    help: () => 'names use ASCII letters, digits and `_`; strings are written in double quotes',
  }),
  unterminatedString: defineCode({
    code: 'TOPO1002',
    severity: 'error',
    title: 'unterminated string',
    message: () => 'unterminated string',
    help: () => 'close the string with `"` on the same line; strings cannot span lines (write `\\n` for a line break)',
  }),
  unterminatedComment: defineCode({
    code: 'TOPO1003',
    severity: 'error',
    title: 'unterminated block comment',
    message: () => 'unterminated block comment',
    help: () => 'close the comment with `*/`',
  }),
  identifierTooLong: defineCode<{ length: number; max: number }>({
    code: 'TOPO1004',
    severity: 'error',
    title: 'identifier too long',
    message: ({ length, max }) => `identifier is ${length} characters long; the limit is ${max}`,
    help: () => 'use a shorter name, or a quoted string name (`host "…"`) if it must be long',
  }),
  syntaxError: defineCode<{ expected: string; after: string | null; found: string }>({
    code: 'TOPO1201',
    severity: 'error',
    title: 'syntax error',
    message: ({ expected, after, found }) => `expected ${expected}${after ? ` after ${after}` : ''}, found ${found}`,
  }),
  unclosedBlock: defineCode({
    code: 'TOPO1202',
    severity: 'error',
    title: 'unclosed block',
    message: () => 'this `{` is never closed',
    help: () => 'add the missing `}`; braces pair by nesting, so the missing one may be earlier than the end of the file',
  }),
  unmatchedBrace: defineCode({
    code: 'TOPO1203',
    severity: 'error',
    title: 'unmatched closing brace',
    message: () => 'unmatched `}`',
    help: () => 'remove it, or add the `{` it was meant to close',
  }),
  nestingTooDeep: defineCode<{ max: number }>({
    code: 'TOPO1204',
    severity: 'error',
    title: 'blocks nested too deeply',
    message: ({ max }) => `blocks are nested more than ${max} levels deep`,
    help: () => 'flatten the nesting; the block is skipped',
  }),
  misplacedImport: defineCode({
    code: 'TOPO1205',
    severity: 'error',
    title: 'import not at the top of the file',
    message: () => '`import` must come at the top level, before any other statement',
    help: () => 'move the import to the beginning of the file',
  }),
  duplicatePrimary: defineCode({
    code: 'TOPO1206',
    severity: 'error',
    title: 'two positional literals in one declaration',
    message: () => 'a declaration takes one positional literal, before or after its name, not both',
    help: () => 'keep one, and set the other as a property in the block',
  }),
} as const;
