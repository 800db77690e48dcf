import fc from 'fast-check';

/**
 * A crude tokenizer for fuzzing, independent of the real lexer on purpose: comments, strings, words with
 * the characters of literals (addresses, prefixes, ports, units), the two-character operators, whitespace
 * runs, and any other single character.
 */
const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"?|[A-Za-z0-9_.:/%]+|--|->|\s+|[\s\S]/g;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A mutated file: tokens, with raw byte chunks wherever random bytes were inserted. */
export type Piece = string | Uint8Array;

export type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'truncate'; at: number; chars: number }
  | { op: 'bytes'; at: number; bytes: Uint8Array };

/** Positions are free naturals, taken modulo the current length when applied. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(), chars: fc.nat() }),
  fc.record({ op: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

export function applyMutations(tokens: readonly string[], mutations: readonly Mutation[]): Piece[] {
  const pieces: Piece[] = [...tokens];
  for (const m of mutations) {
    if (pieces.length === 0) break;
    const at = m.at % pieces.length;
    switch (m.op) {
      case 'drop':
        pieces.splice(at, 1);
        break;
      case 'duplicate':
        pieces.splice(at, 0, pieces[at]);
        break;
      case 'swap': {
        const other = m.with % pieces.length;
        [pieces[at], pieces[other]] = [pieces[other], pieces[at]];
        break;
      }
      case 'truncate': {
        // Cut inside the token too, so that strings, comments and literals end half-way.
        const piece = pieces[at];
        pieces.length = at;
        if (typeof piece === 'string') pieces.push(piece.slice(0, m.chars % (piece.length + 1)));
        break;
      }
      case 'bytes':
        pieces.splice(at, 0, m.bytes);
        break;
    }
  }
  return pieces;
}

/** The mutated file as bytes; `textOnly` when no raw bytes were inserted (so it decodes as valid UTF-8). */
export function encodePieces(pieces: readonly Piece[]): { bytes: Uint8Array; textOnly: boolean } {
  const encoder = new TextEncoder();
  const chunks = pieces.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, textOnly: pieces.every((p) => typeof p === 'string') };
}
