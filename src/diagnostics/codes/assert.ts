import { defineCode } from '../diagnostic.js';

// Malformed assertions. A well-formed assertion that does not hold is a test result (`topo test`), not a diagnostic.
export const assertCodes = {
  unknownForm: defineCode<{ found: string; expected: string }>({
    code: 'TOPO5001',
    severity: 'error',
    title: 'assertion that is not one of the known forms',
    message: ({ found, expected }) => `unexpected ${found} in this assertion: expected ${expected}`,
    help: () => 'see docs/assertions.md for the forms: FLOW reaches NODE, reachable A -> B, FLOW path/via/not via, FLOW at A -> B { … }, session A -- B established, route NODE PREFIX via NODE',
  }),
  unknownFlow: defineCode<{ name: string; suggestion?: string }>({
    code: 'TOPO5002',
    severity: 'error',
    title: 'assertion about a flow that is not declared',
    message: ({ name }) => `no flow named \`${name}\``,
    help: ({ suggestion }) => (suggestion ? `did you mean \`${suggestion}\`?` : 'declare the flow with `flow NAME { from: …; to: … }`'),
  }),
  unknownNode: defineCode<{ name: string; reason: string; suggestion?: string }>({
    code: 'TOPO5003',
    severity: 'error',
    title: 'assertion naming a node that is not declared',
    message: ({ name, reason }) => `\`${name}\` ${reason}`,
    help: ({ suggestion }) => (suggestion ? `did you mean \`${suggestion}\`?` : undefined),
  }),
  unknownField: defineCode<{ field: string; where: string; fields: string }>({
    code: 'TOPO5004',
    severity: 'error',
    title: 'assertion check on an unknown field',
    message: ({ field, where }) => `unknown field \`${field}\` ${where}`,
    help: ({ fields }) => `fields here: ${fields}`,
  }),
  badValue: defineCode<{ field: string; problem: string }>({
    code: 'TOPO5005',
    severity: 'error',
    title: 'assertion check whose operator or value does not fit the field',
    message: ({ field, problem }) => `\`${field}\` ${problem}`,
  }),
} as const;
