import type { Atom, Invalid, Unit } from '../src/ast/types.js';
import { diag, type CodeDef, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { literalCodes } from '../src/diagnostics/codes/literal.js';
import { OffsetSpan, type SourceText } from '../src/diagnostics/span.js';
import { invalidNode, ipv4Node, macNode, numberNode, portNode, stringNode } from './nodes.js';

/**
 * Decoding and validation of literal tokens. The lexer accepts literal-looking text loosely; here each kind is
 * checked and a bad one becomes an `Invalid` atom plus one diagnostic pointing at the exact bad part
 * (the octet, the prefix length, the unit), not the whole token.
 */
export class LiteralDecoder {
  constructor(private readonly src: SourceText, private readonly diagnostics: Diagnostic[]) {}

  /** A token starting with a digit: a number, a quantity, hex, an IPv4 address or prefix. */
  numberLike(raw: string, start: number): Atom {
    const x = raw.charCodeAt(1);
    if (raw.charCodeAt(0) === 48 && (x === 120 || x === 88)) return this.hex(raw, start);
    // One scan instead of split/regex: this runs for every number in the file.
    let dots = 0;
    let digitsOnly = true;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 47) return this.ipv4(raw, start);
      if (c === 46) dots++;
      else if (c < 48 || c > 57) digitsOnly = false;
    }
    if (dots === 0 && digitsOnly) {
      const value = Number(raw);
      if (Number.isSafeInteger(value)) return numberNode(this.src, start, start + raw.length, value, null, value);
    }
    if (dots >= 2 || (dots === 1 && !DECIMAL_QUANTITY.test(raw))) return this.ipv4(raw, start);
    return this.quantity(raw, start);
  }

  private hex(raw: string, start: number): Atom {
    const digits = raw.slice(2);
    if (!/^[0-9a-fA-F]+$/.test(digits)) {
      return this.invalid(raw, start, literalCodes.invalidNumber, { raw, problem: 'expected hexadecimal digits after `0x`' });
    }
    const value = Number.parseInt(digits, 16);
    if (!Number.isSafeInteger(value)) return this.invalid(raw, start, literalCodes.invalidNumber, { raw, problem: 'too large' });
    return numberNode(this.src, start, start + raw.length, value, null, value);
  }

  private quantity(raw: string, start: number): Atom {
    const m = QUANTITY.exec(raw)!;
    const [, digits, unitText] = m;
    const value = Number(digits);
    if (!Number.isSafeInteger(Math.trunc(value))) {
      return this.invalid(raw, start, literalCodes.invalidNumber, { raw, problem: 'too large' });
    }
    if (unitText === '') return numberNode(this.src, start, start + raw.length, value, null, value);
    const unit = UNITS.get(unitText);
    if (unit === undefined) {
      const suggestion = [...UNITS.keys()].find((u) => u.toLowerCase() === unitText.toLowerCase()) ?? null;
      this.report(literalCodes.unknownUnit, start + digits.length, unitText.length, { unit: unitText, suggestion });
      return this.invalidAtom(raw, start);
    }
    return numberNode(this.src, start, start + raw.length, value, unitText as Unit, unit(value));
  }

  private ipv4(raw: string, start: number): Atom {
    const slash = raw.indexOf('/');
    const addrText = slash < 0 ? raw : raw.slice(0, slash);
    const addr = parseDottedQuad(addrText);
    if (addr === null) return this.badIpv4(raw, addrText, start);
    let prefix: number | null = null;
    if (slash >= 0) {
      const len = raw.slice(slash + 1);
      if (!/^\d{1,2}$/.test(len) || Number(len) > 32) {
        this.report(literalCodes.invalidPrefixLength, start + slash, len.length + 1, { raw: len });
        return this.invalidAtom(raw, start);
      }
      prefix = Number(len);
    }
    return ipv4Node(this.src, start, start + raw.length, addr, prefix);
  }

  /** Report what is wrong with an address that parseDottedQuad rejected: the part count or the first bad octet. */
  private badIpv4(raw: string, addrText: string, start: number): Invalid {
    const octets = addrText.split('.');
    if (octets.length !== 4) {
      return this.invalid(addrText, start, literalCodes.invalidIpv4, { raw: addrText, problem: `it has ${octets.length} parts, not 4` }, raw);
    }
    let at = start;
    for (const o of octets) {
      if (!/^\d{1,3}$/.test(o) || Number(o) > 255) {
        const problem = o === '' ? 'an octet is missing' : `octet \`${o}\` is not a number from 0 to 255`;
        // A missing octet has no text of its own: point at the dot before it.
        this.report(literalCodes.invalidIpv4, o === '' ? at - 1 : at, Math.max(o.length, 1), { raw: addrText, problem });
        break;
      }
      at += o.length + 1;
    }
    return this.invalidAtom(raw, start);
  }

  mac(raw: string, start: number): Atom {
    const groups = raw.split(':');
    if (groups.length !== 6) {
      return this.invalid(raw, start, literalCodes.invalidMac, { raw, problem: `it has ${groups.length} octets, not 6` });
    }
    let at = start;
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{2}$/.test(g)) {
        const problem = `octet \`${g}\` is not two hex digits`;
        this.report(literalCodes.invalidMac, g === '' ? at - 1 : at, Math.max(g.length, 1), { raw, problem });
        return this.invalidAtom(raw, start);
      }
      at += g.length + 1;
    }
    return macNode(this.src, start, start + raw.length);
  }

  port(raw: string, start: number): Atom {
    const slash = raw.indexOf('/');
    const protocol = raw.slice(0, slash);
    if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') {
      const lower = protocol.toLowerCase();
      const suggestion = lower === 'tcp' || lower === 'udp' || lower === 'sctp' ? lower : null;
      this.report(literalCodes.unknownProtocol, start, protocol.length, { protocol, suggestion });
      return this.invalidAtom(raw, start);
    }
    const rangeText = raw.slice(slash + 1);
    const rangeStart = start + slash + 1;
    const [lowText, highText] = rangeText.split('-') as [string, string | undefined];
    /** Report a part of the port; an empty part is shown by the separator (`/` or `-`) just before it. */
    const bad = (problem: string, offset: number, length: number) => {
      this.report(literalCodes.invalidPort, length === 0 ? offset - 1 : offset, Math.max(length, 1), { raw, problem });
      return this.invalidAtom(raw, start);
    };
    if (rangeText === '') return bad('the port number is missing', rangeStart, 0);
    const low = portNumber(lowText);
    if (low === null) return bad(`\`${lowText}\` is not a port number from 0 to 65535`, rangeStart, lowText.length);
    let high: number | null = null;
    if (highText !== undefined) {
      high = portNumber(highText);
      const highStart = rangeStart + lowText.length + 1;
      if (high === null) return bad(`\`${highText}\` is not a port number from 0 to 65535`, highStart, highText.length);
      if (high < low) return bad(`the range ${low}-${high} ends before it starts`, rangeStart, rangeText.length);
    }
    return portNode(this.src, start, start + raw.length, protocol, low, high);
  }

  /**
   * The value of a string token, quotes included (`closed` is false for an unterminated string, already
   * reported by the lexer). An invalid escape is reported and kept verbatim; `valid` tells whether there was one.
   */
  string(raw: string, start: number, closed: boolean): { text: string; valid: boolean } {
    const body = raw.slice(1, closed ? -1 : undefined);
    if (!body.includes('\\')) return { text: body, valid: true };
    let out = '';
    let valid = true;
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (c !== '\\') {
        out += c;
        continue;
      }
      const decoded = decodeEscape(body, i);
      if (decoded === null) {
        const length = escapeLength(body, i);
        this.report(literalCodes.invalidEscape, start + 1 + i, length, { escape: body.slice(i, i + length) });
        valid = false;
        out += body.slice(i, i + length);
        i += length - 1;
        continue;
      }
      out += decoded.text;
      i += decoded.length - 1;
    }
    return { text: out, valid };
  }

  /** A string atom: its value, or `Invalid` after an escape error. */
  stringAtom(raw: string, start: number, closed: boolean): Atom {
    const { text, valid } = this.string(raw, start, closed);
    return valid ? stringNode(this.src, start, start + raw.length, text) : invalidNode(this.src, start, start + raw.length);
  }

  private span(start: number, length: number): OffsetSpan {
    return new OffsetSpan(this.src, start, start + length);
  }

  private report<A>(code: CodeDef<A>, start: number, length: number, args: A): void {
    this.diagnostics.push(diag(code, this.span(start, length), args));
  }

  private invalid<A>(part: string, start: number, code: CodeDef<A>, args: A, raw = part): Invalid {
    this.report(code, start, part.length, args);
    return this.invalidAtom(raw, start);
  }

  private invalidAtom(raw: string, start: number): Invalid {
    return invalidNode(this.src, start, start + raw.length);
  }
}

/** `1.5`, `2.5ms`: a decimal number, as opposed to a partial address like `10.1.`. */
const DECIMAL_QUANTITY = /^\d+\.\d+[A-Za-z%]*$/;
const QUANTITY = /^(\d+(?:\.\d+)?)(.*)$/;

/** Each unit and how to convert a value in it to the unit's base (bytes, bits/s, seconds, fraction). */
const UNITS = new Map<string, (v: number) => number>([
  ['B', (v) => v], ['KB', (v) => v * 1e3], ['MB', (v) => v * 1e6], ['GB', (v) => v * 1e9],
  ['bps', (v) => v], ['Kbps', (v) => v * 1e3], ['Mbps', (v) => v * 1e6], ['Gbps', (v) => v * 1e9],
  // Divide rather than multiply by a fraction: 10ms is exactly 0.01, not 0.010000000000000002.
  ['us', (v) => v / 1e6], ['ms', (v) => v / 1e3], ['s', (v) => v], ['min', (v) => v * 60], ['h', (v) => v * 3600],
  ['%', (v) => v / 100],
]);

/** `a.b.c.d` with octets 0–255 (at most 3 digits each) as an unsigned 32-bit number, else null. Hot: no regex. */
function parseDottedQuad(text: string): number | null {
  let addr = 0;
  let octet = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || octet > 255) return null;
      addr = addr * 256 + octet;
      parts++;
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      octet = octet * 10 + (c - 48);
      digits++;
    } else {
      return null;
    }
  }
  return parts === 4 ? addr : null;
}

function portNumber(text: string): number | null {
  return /^\d{1,5}$/.test(text) && Number(text) <= 65535 ? Number(text) : null;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/** The escape starting at body[i] (a backslash): its text and length, or null when invalid. */
function decodeEscape(body: string, i: number): { text: string; length: number } | null {
  const c = body[i + 1];
  if (c !== undefined && c in SIMPLE_ESCAPES) return { text: SIMPLE_ESCAPES[c], length: 2 };
  if (c !== 'u') return null;
  const m = /^u\{([0-9a-fA-F]{1,6})\}/.exec(body.slice(i + 1, i + 11));
  if (m === null) return null;
  const cp = Number.parseInt(m[1], 16);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return { text: String.fromCodePoint(cp), length: m[0].length + 1 };
}

/** How much of an invalid escape to underline: `\q`, or `\u{…}` up to its closing brace. */
function escapeLength(body: string, i: number): number {
  if (body[i + 1] === undefined) return 1;
  if (body[i + 1] === 'u' && body[i + 2] === '{') {
    const close = body.indexOf('}', i);
    if (close > 0 && close - i <= 12) return close - i + 1;
  }
  return 2;
}
