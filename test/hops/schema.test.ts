// The JSON output follows docs/schemas/hops.schema.json. A small validator for the keywords the schema uses
// (type, enum, pattern, minimum/maximum, required, properties, additionalProperties, items, $ref).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FLAGSHIP, hops } from './helpers.js';

type Schema = Record<string, unknown>;
const root = JSON.parse(readFileSync('docs/schemas/hops.schema.json', 'utf8')) as Schema;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function validate(v: unknown, s: Schema, at: string, errors: string[]): void {
  if (typeof s.$ref === 'string') return validate(v, (root.$defs as Record<string, Schema>)[s.$ref.split('/').pop()!], at, errors);
  const types = s.type === undefined ? null : ([] as string[]).concat(s.type as string);
  if (types && !types.includes(typeOf(v))) errors.push(`${at}: ${typeOf(v)} is not ${types.join('|')}`);
  if (s.enum && !(s.enum as unknown[]).includes(v)) errors.push(`${at}: ${JSON.stringify(v)} not in enum`);
  if (typeof s.pattern === 'string' && typeof v === 'string' && !new RegExp(s.pattern).test(v)) errors.push(`${at}: ${v} does not match ${s.pattern}`);
  if (typeof v === 'number' && typeof s.minimum === 'number' && v < s.minimum) errors.push(`${at}: below ${s.minimum}`);
  if (typeof v === 'number' && typeof s.maximum === 'number' && v > s.maximum) errors.push(`${at}: above ${s.maximum}`);
  if (Array.isArray(v) && s.items) v.forEach((x, i) => validate(x, s.items as Schema, `${at}[${i}]`, errors));
  if (typeOf(v) === 'object') {
    const o = v as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const k of (s.required ?? []) as string[]) if (!(k in o)) errors.push(`${at}: missing ${k}`);
    for (const [k, x] of Object.entries(o)) {
      if (props[k]) validate(x, props[k], `${at}.${k}`, errors);
      else if (s.additionalProperties === false) errors.push(`${at}: unexpected ${k}`);
    }
  }
}

describe('hops JSON schema', () => {
  test.each([
    ['order', false],
    ['order', true],
    ['asset', false],
  ] as const)('flagship --flow %s (reply: %s) validates', (flow, reply) => {
    const errors: string[] = [];
    validate(JSON.parse(hops(FLAGSHIP, { flow, reply, format: 'json' }).output), root, '$', errors);
    expect(errors).toEqual([]);
  });

  test('a dropped flow validates, with its reason, node and last hop', () => {
    const doc = JSON.parse(hops('examples/fail/private-address.topo', { flow: 'private', format: 'json' }).output);
    const errors: string[] = [];
    validate(doc, root, '$', errors);
    expect(errors).toEqual([]);
    expect(doc.flows[0]).toMatchObject({ disposition: 'dropped', reason: 'no-route', at: 'border', afterHop: 2 });
  });

  test('the validator catches a wrong document', () => {
    const errors: string[] = [];
    validate({ flows: [{ name: 'x', direction: 'sideways', hops: [] }] }, root, '$', errors);
    expect(errors).toEqual(expect.arrayContaining(['$.flows[0]: missing disposition', '$.flows[0].direction: "sideways" not in enum']));
  });
});
