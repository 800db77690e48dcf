import type { Atom, Ref, Term } from '../ast/types.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveCodes } from '../diagnostics/codes/index.js';
import { describeType, type Behaviour, type PropType } from './behaviours.js';
import type { NodeId, Value } from './program.js';
import { closest } from './suggest.js';

/** What typing a value needs from the resolver: name lookup (which reports its own errors) and slot checks. */
export interface ValueContext {
  diagnostics: Diagnostic[];
  /** Resolve a reference from the current scope; null (already reported) when it names nothing. */
  lookup(ref: Ref): NodeId | null;
  /** Check that `node` has one of `behaviours` (report TOPO2016 if not); true when it fits. */
  fits(node: NodeId, behaviours: readonly Behaviour[], slot: string, span: Ref['span']): boolean;
}

const UNIT_FAMILY: Record<string, 'size' | 'rate' | 'duration' | 'percent'> = {
  B: 'size', KB: 'size', MB: 'size', GB: 'size',
  bps: 'rate', Kbps: 'rate', Mbps: 'rate', Gbps: 'rate',
  us: 'duration', ms: 'duration', s: 'duration', min: 'duration', h: 'duration',
  '%': 'percent',
};

/** How an atom reads in "found …" messages. */
export function describeAtom(atom: Atom): string {
  switch (atom.type) {
    case 'Ref': return `\`${atom.parts.map((p) => p.text).join('.')}\``;
    case 'String': return `the string "${atom.value}"`;
    case 'Ipv4': return atom.prefix === null ? `the address ${atom.raw}` : `the prefix ${atom.raw}`;
    case 'Number': return atom.unit === null ? `the number ${atom.raw}` : `\`${atom.raw}\``;
    case 'Mac': return `the MAC address ${atom.raw}`;
    case 'Port': return `the port ${atom.raw}`;
    case 'Op': return `\`${atom.value}\``;
    case 'Invalid': return `\`${atom.raw}\``;
  }
}

/** Type one comma-separated element of a property value; report and return null when it does not fit. */
export function typeTerm(term: Term, type: PropType, key: string, ctx: ValueContext): Value | null {
  const { atoms, arrow } = term;
  if (hasInvalid(atoms) || (arrow && hasInvalid(arrow))) return null;
  if (type.t === 'target') return typeTarget(term, key, ctx);
  if (type.t === 'arrow') {
    if (!arrow) return wrong(term, type, key, ctx, 'no `->`');
    const from = single(atoms, term, type.from, key, ctx);
    const to = single(arrow, term, type.to, key, ctx);
    return from && to ? { kind: 'arrow', from, to, span: term.span } : null;
  }
  if (arrow) return wrong(term, type, key, ctx, 'an unexpected `->`');
  return single(atoms, term, type, key, ctx);
}

function hasInvalid(atoms: readonly Atom[]): boolean {
  for (const a of atoms) if (a.type === 'Invalid') return true;
  return false;
}

function single(atoms: readonly Atom[], term: Term, type: PropType, key: string, ctx: ValueContext): Value | null {
  if (atoms.length !== 1) return wrong(term, type, key, ctx, atoms.length === 0 ? 'nothing' : `\`${atoms.map(rawOf).join(' ')}\``);
  const atom = atoms[0];
  const chosen = type.t === 'oneOf' ? type.types.find((t) => shapeFits(atom, t)) : type;
  if (!chosen || !shapeFits(atom, chosen)) {
    const found = describeAtom(atom);
    const suggestion = chosen?.t === 'word' && atom.type === 'Ref' ? closest(rawOf(atom), chosen.words) : undefined;
    ctx.diagnostics.push(diag(resolveCodes.wrongType, atom.span, { key, expected: describeType(type), found },
      suggestion ? { help: `did you mean \`${suggestion}\`?` } : {}));
    return null;
  }
  return convert(atom, chosen, key, ctx);
}

/** Whether the atom has the right shape for the type (names are checked against behaviours later). */
function shapeFits(atom: Atom, type: PropType): boolean {
  switch (type.t) {
    case 'ip': return atom.type === 'Ipv4' && atom.prefix === null;
    case 'iface': return atom.type === 'Ipv4';
    case 'prefix': return atom.type === 'Ipv4' && atom.prefix !== null;
    case 'mac': return atom.type === 'Mac';
    case 'port': return atom.type === 'Port';
    case 'number': return atom.type === 'Number' && atom.unit === null;
    case 'asn': return atom.type === 'Number' && atom.unit === null && atom.value >= 1 && atom.value <= 4294967295;
    case 'size': case 'rate': case 'duration': case 'percent':
      return atom.type === 'Number' && atom.unit !== null && UNIT_FAMILY[atom.unit] === type.t;
    case 'string': return atom.type === 'String';
    case 'word': {
      const word = atom.type === 'Ref' ? plainWord(atom) : undefined;
      return word !== undefined && (type.words.length === 0 || type.words.includes(word));
    }
    case 'ref': return atom.type === 'Ref';
    case 'oneOf': return type.types.some((t) => shapeFits(atom, t));
    case 'flag': case 'arrow': case 'target': return false;
  }
}

function convert(atom: Atom, type: PropType, key: string, ctx: ValueContext): Value | null {
  const span = atom.span;
  switch (atom.type) {
    case 'Ipv4':
      if (type.t === 'ip') return { kind: 'ip', addr: atom.addr, span };
      if (type.t === 'iface') return { kind: 'iface', addr: atom.addr, len: atom.prefix, span };
      return { kind: 'prefix', addr: atom.addr, len: atom.prefix ?? 32, span };
    case 'Mac': return { kind: 'mac', value: atom.value, span };
    case 'Port': return { kind: 'port', protocol: atom.protocol, port: atom.port, portEnd: atom.portEnd, span };
    case 'Number':
      return atom.unit === null
        ? { kind: 'number', value: atom.value, span }
        : { kind: 'quantity', unit: atom.unit, value: atom.value, base: atom.base, span };
    case 'String': return { kind: 'string', value: atom.value, span };
    case 'Ref': {
      if (type.t === 'word') return { kind: 'word', value: plainWord(atom)!, span };
      const node = ctx.lookup(atom);
      if (node === null) return null;
      const behaviours = type.t === 'ref' ? type.behaviours : [];
      return ctx.fits(node, behaviours, `\`${key}\``, span) ? { kind: 'ref', node, span } : null;
    }
    default: return null;
  }
}

/** The word a reference is, when it is one unquoted name (`on`, `drop`): else undefined. */
function plainWord(ref: Ref): string | undefined {
  const { parts } = ref;
  return parts.length === 1 && !parts[0].quoted ? parts[0].text : undefined;
}

/** A flow destination: "URL or name", an address, a node, or `NODE:PORT` (`NODE tcp/443` is accepted too). */
function typeTarget(term: Term, key: string, ctx: ValueContext): Value | null {
  const type: PropType = { t: 'target' };
  const atoms = term.atoms.filter((a) => !(a.type === 'Op' && a.value === ':'));
  if (term.arrow || atoms.length === 0 || atoms.length > 2) return wrong(term, type, key, ctx, `\`${term.atoms.map(rawOf).join(' ')}\``);
  const [head, port] = atoms;
  if (port !== undefined) {
    if (head.type !== 'Ref' || port.type !== 'Port') return wrong(term, type, key, ctx, `\`${atoms.map(rawOf).join(':')}\``);
    const node = ctx.lookup(head);
    if (node === null) return null;
    return { kind: 'nodePort', node, port: { kind: 'port', protocol: port.protocol, port: port.port, portEnd: port.portEnd, span: port.span }, span: term.span };
  }
  if (head.type === 'String') return { kind: 'string', value: head.value, span: head.span };
  if (head.type === 'Ipv4' && head.prefix === null) return { kind: 'ip', addr: head.addr, span: head.span };
  if (head.type === 'Ref') {
    const node = ctx.lookup(head);
    return node === null ? null : { kind: 'ref', node, span: head.span };
  }
  return wrong(term, type, key, ctx, describeAtom(head));
}

function wrong(term: Term, type: PropType, key: string, ctx: ValueContext, found: string): null {
  ctx.diagnostics.push(diag(resolveCodes.wrongType, term.span, { key, expected: describeType(type), found }));
  return null;
}

function rawOf(atom: Atom): string {
  switch (atom.type) {
    case 'Ref': return atom.parts.map((p) => p.text).join('.');
    case 'String': return JSON.stringify(atom.value);
    case 'Op': return atom.value;
    default: return atom.raw;
  }
}
